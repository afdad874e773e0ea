#include <cstdlib>
#include <string>

int main(int argc, char **argv) {
    std::string cmd = std::string("ls ") + argv[1];
    std::system(cmd.c_str());
    system(argv[1]);
    popen(argv[2], "r");
    return 0;
}
