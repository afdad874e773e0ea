function calculate(expression) {
  const value = JSON.parse(expression);
  setTimeout(tick, 100);
  setTimeout(() => update(expression), 100);
  const fn = new Function("a", "b", "return a + b");
  return eval("2 + 2") + value + fn;
}
