export function render(box: HTMLElement, body: string): void {
  box.innerText = body;
  box.innerHTML = "";
  box.insertAdjacentHTML("beforeend", "<hr>");
}
