#include <string.h>

int copy_name(char *dst, const char *src) {
    strncpy(dst, src, 15);
    return 0;
}
