#include <cstdlib>

unsigned int make_session() {
    unsigned int token = std::rand();
    int otp = rand() % 1000000;
    unsigned int salt;
    salt = rand();
    return token ^ otp ^ salt;
}
