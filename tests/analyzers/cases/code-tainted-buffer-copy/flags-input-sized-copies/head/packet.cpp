#include <cstring>
#include <sys/socket.h>

void handle(int fd) {
    unsigned char header[4];
    char body[128];
    char copy[128];
    recv(fd, header, sizeof header, 0);
    size_t length = header[0] << 8 | header[1];
    recv(fd, body, length, 0);
    std::memcpy(copy, body, length);
    std::strcpy(copy, body);
}
