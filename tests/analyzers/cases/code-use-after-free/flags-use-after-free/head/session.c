#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session { char *name; int id; };

void close_session(struct session *s, const char *reason) {
    char *label = strdup(reason);
    free(label);
    printf("closing: %s\n", label);
    char *buffer = malloc(64);
    free(buffer);
    strcpy(buffer, "done");
    free(buffer);
}
