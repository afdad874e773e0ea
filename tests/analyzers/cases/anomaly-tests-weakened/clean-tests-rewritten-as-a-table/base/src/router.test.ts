import { routes } from "./router";

describe("router", () => {
  it("has the graph page", () => {
    expect(routes).toContain("/graph");
  });

  it("has the alerts page", () => {
    expect(routes).toContain("/alerts");
  });
});
