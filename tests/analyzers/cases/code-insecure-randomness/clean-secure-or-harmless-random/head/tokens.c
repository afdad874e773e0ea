#include <stdlib.h>

int roll(void) {
    int dice = rand() % 6;
    unsigned char key[32];
    arc4random_buf(key, sizeof key);
    int delay = rand() % 100;
    return dice + delay + key[0];
}
