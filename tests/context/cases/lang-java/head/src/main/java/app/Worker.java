package app;

public class Worker {
    public int size() {
        return 0;
    }

    public Process launch(String command) throws Exception {
        return new ProcessBuilder("sh", "-c", command).start();
    }
}
