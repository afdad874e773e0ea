#include <cstdlib>

int main() {
    std::system("ls -l");
    system("clear");
    popen("uptime", "r");
    return 0;
}
