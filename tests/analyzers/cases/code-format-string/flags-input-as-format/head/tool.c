#include <stdio.h>
#include <syslog.h>

int main(int argc, char *argv[]) {
    char line[256];
    printf(argv[1]);
    if (fgets(line, sizeof line, stdin) != NULL) {
        fprintf(stderr, line);
        syslog(LOG_INFO, line);
    }
    return 0;
}
