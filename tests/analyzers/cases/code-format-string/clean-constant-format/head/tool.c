#include <stdio.h>

void report(const char *fmt, int code) {
    printf(fmt, code);
}

int main(int argc, char *argv[]) {
    char line[256];
    printf("%s\n", argv[1]);
    if (fgets(line, sizeof line, stdin) != NULL) {
        fprintf(stderr, "%s", line);
    }
    printf("%d\n", atoi(argv[1]));
    return 0;
}
