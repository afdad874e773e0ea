#include <cstring>
#include <sys/socket.h>

void handle(int fd) {
    unsigned char header[4];
    char body[128];
    recv(fd, header, sizeof header, 0);
    size_t length = header[0];
    if (length >= sizeof body) {
        return;
    }
    recv(fd, body, length, 0);
}
