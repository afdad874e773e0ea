#include <sys/socket.h>

static int scores[16];

int score_for(int fd, int count) {
    unsigned char slot[1];
    recv(fd, slot, 1, 0);
    int index = slot[0];
    if (index >= 16) {
        return -1;
    }
    return scores[index] + scores[count];
}
