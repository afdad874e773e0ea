public class Run {
  @SuppressWarnings("java:S2076")
  static void run(String command) throws Exception {
    Runtime.getRuntime().exec(command);
  }
}
