import { routes } from "./router";

describe("router", () => {
  it.each([["/graph"], ["/alerts"], ["/agent"]])("has the page %s", (path) => {
    expect(routes).toContain(path);
  });
});
