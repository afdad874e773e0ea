#include <cstdio>
#include <sys/socket.h>

void log_request(int fd) {
    char request[512];
    recv(fd, request, sizeof(request) - 1, 0);
    std::printf("%s", request);
    std::fputs(request, stdout);
}
