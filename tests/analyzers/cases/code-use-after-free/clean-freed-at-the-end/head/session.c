#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int copy_name(const char *name, int fail) {
    char *label = strdup(name);
    if (fail) {
        free(label);
        return -1;
    }
    printf("name: %s\n", label);
    free(label);
    label = malloc(8);
    strcpy(label, "again");
    free(label);
    return 0;
}
