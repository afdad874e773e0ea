public class Run {
}
