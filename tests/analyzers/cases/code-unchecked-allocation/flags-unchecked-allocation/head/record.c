#include <stdlib.h>
#include <string.h>

struct record { char *name; size_t size; };

struct record *record_new(const char *name) {
    struct record *r = malloc(sizeof(*r));
    r->size = strlen(name);
    r->name = strdup(name);
    return r;
}

char *record_copy(const char *text, size_t n) {
    char *out = malloc(n + 1);
    memcpy(out, text, n);
    out[n] = '\0';
    return out;
}

int *record_counts(size_t n, int reset) {
    int *counts = calloc(n, sizeof(int));
    if (counts != NULL && reset) {
        counts[0] = 0;
    }
    *counts = 1;
    return counts;
}
