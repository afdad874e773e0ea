public class Types {
  @SuppressWarnings("ReferenceEquality")
  static boolean same(Object a, Object b) {
    return a == b;
  }
}
