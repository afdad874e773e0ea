#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xmalloc(size_t size) {
    void *p = malloc(size);
    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

char *duplicate(const char *text) {
    size_t n = strlen(text);
    char *copy = xmalloc(n + 1);
    memcpy(copy, text, n + 1);
    return copy;
}

char *joined(const char *a, const char *b) {
    char *out = zmalloc(strlen(a) + strlen(b) + 1);
    strcpy(out, a);
    strcat(out, b);
    return out;
}
