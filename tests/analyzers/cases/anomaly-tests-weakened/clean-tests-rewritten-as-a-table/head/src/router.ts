export const routes = ["/graph", "/alerts", "/agent"];
