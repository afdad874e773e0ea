class Runner {
    void run(String name) throws Exception {
        Runtime.getRuntime().exec("ls -l");
        new ProcessBuilder("ls", name).start();
        String command = "uptime";
        Runtime.getRuntime().exec(command);
    }
}
