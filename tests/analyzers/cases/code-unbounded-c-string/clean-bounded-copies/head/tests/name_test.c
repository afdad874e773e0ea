#include <string.h>

void test_copy(char *dst, const char *src) {
    strcpy(dst, src);
    gets(dst);
    sprintf(dst, "%s", src);
}
