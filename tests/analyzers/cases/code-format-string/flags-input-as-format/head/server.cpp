#include <cstdio>
#include <sys/socket.h>

void log_request(int fd) {
    char request[512];
    char reply[512];
    recv(fd, request, sizeof(request) - 1, 0);
    std::printf(request);
    snprintf(reply, sizeof reply, request);
    const char *home = getenv("HOME");
    printf(home);
}
