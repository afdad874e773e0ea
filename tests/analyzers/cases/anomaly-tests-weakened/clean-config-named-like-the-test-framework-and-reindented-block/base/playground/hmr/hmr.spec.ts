import { expect, test } from "vitest";
import { page } from "~utils";

test("should render", async () => {
  expect(await page.textContent(".app")).toBe("1");
  expect(await page.textContent(".dep")).toBe("2");
});
