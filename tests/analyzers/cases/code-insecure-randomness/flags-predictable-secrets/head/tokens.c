#include <stdlib.h>

unsigned int make_session(void) {
    unsigned int session_id = rand();
    int pin;
    pin = rand() % 10000;
    long nonce = random();
    return session_id ^ pin ^ nonce;
}
