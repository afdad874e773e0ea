#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct record { char *name; size_t size; };

struct record *record_new(const char *name) {
    struct record *r = malloc(sizeof(*r));
    if (!r) return NULL;
    r->size = strlen(name);
    r->name = strdup(name);
    if (r->name == NULL) {
        free(r);
        return NULL;
    }
    return r;
}

char *record_copy(const char *text, size_t n) {
    char *out;
    if ((out = malloc(n + 1)) == NULL)
        goto fail;
    memcpy(out, text, n);
    out[n] = '\0';
    return out;
fail:
    return NULL;
}

int *record_counts(size_t n) {
    int *counts = calloc(n, sizeof(int));
    assert(counts != NULL);
    *counts = 1;
    return counts;
}

size_t record_first(size_t n) {
    char *scratch = malloc(n);
    if (scratch && scratch[0] == 0)
        return 0;
    size_t size = scratch ? scratch[1] : 0;
    free(scratch);
    return size;
}
