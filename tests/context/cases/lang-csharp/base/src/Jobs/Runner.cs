namespace Jobs
{
    public class Runner
    {
        public int Count() { return 0; }
    }
}
