#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char name[32];
    char line[64];
    strcpy(name, argv[1]);
    strcat(name, getenv("SUFFIX"));
    gets(line);
    sprintf(line, "hello %s", argv[2]);
    scanf("%s", name);
    return 0;
}
