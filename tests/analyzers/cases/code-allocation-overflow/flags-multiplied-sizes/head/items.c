#include <stdio.h>
#include <stdlib.h>

struct item { int id; char label[32]; };

int main(int argc, char *argv[]) {
    size_t count = strtoul(argv[1], NULL, 10);
    struct item *items = malloc(count * sizeof(struct item));
    size_t rows;
    scanf("%zu", &rows);
    int *grid = malloc(rows * rows);
    items = realloc(items, count * 2 * sizeof(struct item));
    free(grid);
    free(items);
    return 0;
}
