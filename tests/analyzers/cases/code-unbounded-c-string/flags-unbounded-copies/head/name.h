#include <string.h>

static inline void copy_name(char *dst, const char *src) {
    strcpy(dst, src);
    sprintf(dst, "%-s!", src);
    fscanf(stdin, "%ls", (wchar_t *)dst);
}
