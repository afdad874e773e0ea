#include <cstdlib>
#include <random>

int roll() {
    int dice = std::rand() % 6;
    std::random_device device;
    unsigned int token = device();
    int jitter = rand() % 10;
    return dice + token + jitter;
}
