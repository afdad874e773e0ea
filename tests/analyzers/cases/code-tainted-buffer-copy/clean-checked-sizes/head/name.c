#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char name[32];
    char greeting[64];
    snprintf(name, sizeof name, "%s", argv[1]);
    strcpy(greeting, "hello");
    size_t n = strtoul(argv[2], NULL, 10);
    if (n > sizeof name) {
        return 1;
    }
    memcpy(name, argv[3], n);
    return 0;
}
