const vm = require("vm");

function calculate(req, expression) {
  const result = eval(req.query.expr);
  setTimeout("update(" + expression + ")", 100);
  const fn = new Function("x", "return " + expression);
  vm.runInNewContext(req.body.code, {});
  return [result, fn];
}
