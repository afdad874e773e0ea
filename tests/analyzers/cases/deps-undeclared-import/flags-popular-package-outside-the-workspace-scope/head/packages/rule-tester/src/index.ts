import { ESLintUtils } from "@typescript-eslint/utils";
import react from "@vitejs/plugin-react";

export const version = "1";
export const plugins = [react(), ESLintUtils];
