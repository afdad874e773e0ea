export default { test: { include: ["playground/**/*.spec.ts"], exclude: ["playground/hmr/**"] } };
