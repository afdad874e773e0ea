#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char name[32];
    char line[64];
    strcpy(name, "anonymous");
    snprintf(line, sizeof line, "hello %s", argv[1]);
    fgets(line, sizeof line, stdin);
    scanf("%31s", name);
    sprintf(line, "%d items", argc);
    strncpy(name, argv[1], sizeof name - 1);
    return 0;
}
