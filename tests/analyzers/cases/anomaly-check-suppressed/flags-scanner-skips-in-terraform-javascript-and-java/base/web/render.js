export function render(node, html) {
  node.textContent = html;
}
