#include <stdio.h>
#include <stdlib.h>

static const char *names[4] = {"north", "east", "south", "west"};

int main(int argc, char *argv[]) {
    int i = atoi(argv[1]);
    if (i < 0 || i >= 4) {
        return 1;
    }
    puts(names[i]);
    puts(names[2]);
    return 0;
}
