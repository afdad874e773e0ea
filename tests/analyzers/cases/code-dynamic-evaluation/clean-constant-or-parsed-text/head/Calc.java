class Calc {
    Object run(String expression) throws Exception {
        javax.script.ScriptEngine engine = manager.getEngineByName("js");
        engine.eval("var x = 1");
        Integer.parseInt(expression);
        return evaluator.eval(expression);
    }
}
