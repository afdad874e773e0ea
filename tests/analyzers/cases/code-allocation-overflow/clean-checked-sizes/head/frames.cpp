#include <vector>
#include <sys/socket.h>

void receive_frames(int fd, unsigned int width, unsigned int height) {
    unsigned int header[2];
    recv(fd, header, sizeof header, 0);
    std::vector<char> pixels(header[0]);
    char *row = new char[width * height];
    delete[] row;
}
