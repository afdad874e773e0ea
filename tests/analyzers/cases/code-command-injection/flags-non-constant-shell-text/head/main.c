#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    char buf[256];
    snprintf(buf, sizeof buf, "ls %s", argv[1]);
    system(buf);
    FILE *p = popen(argv[2], "r");
    system(getenv("CMD"));
    return p == NULL;
}
