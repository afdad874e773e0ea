export default { test: { include: ["playground/**/*.spec.ts"] } };
