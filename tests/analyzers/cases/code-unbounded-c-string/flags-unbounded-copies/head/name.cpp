#include <cstdio>
#include <cstring>

void greet(const char *who, const char *fmt) {
    char buf[64];
    std::strcpy(buf, who);
    std::sprintf(buf, fmt, who);
    sscanf(who, "%[^,]", buf);
    strcat(buf, who);
}
