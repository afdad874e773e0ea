public class App {
    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
    }
}
