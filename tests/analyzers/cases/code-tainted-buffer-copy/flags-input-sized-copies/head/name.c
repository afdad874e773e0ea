#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char name[32];
    char greeting[64];
    strcpy(name, argv[1]);
    strcat(greeting, getenv("USER"));
    sprintf(greeting, "hello %s", argv[1]);
    memcpy(name, argv[2], atoi(argv[3]));
    return 0;
}
