#include <stdlib.h>

int main(void) {
    system("ls -l");
    popen("uptime", "r");
    const char *cmd = "date";
    system(cmd);
    return 0;
}
