export function show(el, html) {
  el.textContent = html;
}

export function note(el) {
  el.title = "ok";
}
