function render(comment, params) {
  const box = document.getElementById("comments");
  box.innerHTML = `<p>${comment.body}</p>`;
  box.innerHTML += "<li>" + comment.author + "</li>";
  document.write(params.get("banner"));
  box.insertAdjacentHTML("beforeend", comment.html);
}
