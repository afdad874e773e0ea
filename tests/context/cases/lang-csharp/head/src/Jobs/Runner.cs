using System.Diagnostics;

namespace Jobs
{
    public class Runner
    {
        public int Count() { return 0; }

        public void Start(string file)
        {
            Process.Start(file);
        }
    }
}
