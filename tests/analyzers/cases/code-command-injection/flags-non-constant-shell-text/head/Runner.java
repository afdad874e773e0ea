import javax.servlet.http.HttpServletRequest;

class Runner {
    void run(HttpServletRequest request, String name) throws Exception {
        Runtime.getRuntime().exec("ls " + name);
        Runtime.getRuntime().exec(request.getParameter("cmd"));
        new ProcessBuilder("sh", "-c", "tar czf " + name).start();
    }
}
