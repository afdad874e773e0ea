function render(comment) {
  const box = document.getElementById("comments");
  box.textContent = comment.body;
  box.innerHTML = "<p>Loading…</p>";
  box.innerHTML = DOMPurify.sanitize(comment.html);
  document.write("<script src='/app.js'></script>");
}
