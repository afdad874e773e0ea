export function show(el, html) {
  el.innerHTML = html; // lgtm
}

export function note(el) {
  // the reviewers said lgtm on this one
  el.title = "ok";
}
