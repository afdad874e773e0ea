export function render(box: HTMLElement, body: string, author: string): void {
  box.innerHTML = body;
  box.outerHTML = `<section>${author}</section>`;
  document.writeln("<p>" + body + "</p>");
}
