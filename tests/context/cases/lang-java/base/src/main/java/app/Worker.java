package app;

public class Worker {
    public int size() {
        return 0;
    }
}
