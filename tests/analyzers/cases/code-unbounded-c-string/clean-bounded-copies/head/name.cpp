#include <cstdio>
#include <cstring>
#include <string>

void greet(const char *who) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s", who);
    std::string copy(who);
    std::strcat(buf, "!");
    sscanf(who, "%63[^,]", buf);
}
