#include <stdint.h>
#include <stdlib.h>

struct item { int id; char label[32]; };

int main(int argc, char *argv[]) {
    size_t count = strtoul(argv[1], NULL, 10);
    struct item *items = calloc(count, sizeof(struct item));
    size_t more = strtoul(argv[2], NULL, 10);
    if (more > SIZE_MAX / sizeof(struct item)) {
        return 1;
    }
    struct item *extra = malloc(more * sizeof(struct item));
    char *name = malloc(count + 1);
    free(items);
    free(extra);
    free(name);
    return 0;
}
