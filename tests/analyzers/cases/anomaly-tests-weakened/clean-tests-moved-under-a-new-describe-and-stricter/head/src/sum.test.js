import { sum } from "./sum";

describe("math", () => {
  describe("sum", () => {
    it("adds two numbers", () => {
      expect(sum(1, 2)).toBe(3);
    });

    it("is truthy for positive numbers", () => {
      expect(sum(2, 2)).toBe(4);
    });
  });
});
