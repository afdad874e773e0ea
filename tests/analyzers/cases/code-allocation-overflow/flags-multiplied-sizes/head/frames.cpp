#include <cstdlib>
#include <sys/socket.h>

void receive_frames(int fd) {
    unsigned int header[2];
    recv(fd, header, sizeof header, 0);
    unsigned int width = header[0];
    unsigned int height = header[1];
    char *pixels = new char[width * height];
    char *row = (char *) std::malloc(width << 2);
    int *line = (int *) malloc(width * sizeof(int));
    delete[] pixels;
}
