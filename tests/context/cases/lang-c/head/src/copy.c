#include <stdlib.h>
#include <string.h>

int copy_name(char *dst, const char *src) {
    strcpy(dst, src);
    return 0;
}

int run_hook(const char *hook) {
    return system(hook);
}
