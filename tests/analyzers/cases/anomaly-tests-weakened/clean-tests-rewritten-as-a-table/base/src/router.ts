export const routes = ["/graph", "/alerts"];
