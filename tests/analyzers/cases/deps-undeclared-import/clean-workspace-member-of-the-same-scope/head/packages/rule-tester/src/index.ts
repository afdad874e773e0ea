import { ESLintUtils } from "@typescript-eslint/utils";

export const version = "1";
export const createRule = ESLintUtils.RuleCreator;
