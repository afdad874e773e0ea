import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

class Calc {
    Object run(String expression, javax.servlet.http.HttpServletRequest request) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        engine.eval("var x = " + expression);
        engine.eval(request.getParameter("script"));
        return engine.eval(expression);
    }
}
