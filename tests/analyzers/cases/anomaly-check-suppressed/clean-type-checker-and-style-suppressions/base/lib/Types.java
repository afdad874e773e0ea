public class Types {
}
