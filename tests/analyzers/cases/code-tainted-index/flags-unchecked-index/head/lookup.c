#include <stdio.h>
#include <stdlib.h>

static const char *names[4] = {"north", "east", "south", "west"};
static int counters[4];

int main(int argc, char *argv[]) {
    int i = atoi(argv[1]);
    puts(names[i]);
    int j;
    scanf("%d", &j);
    counters[j] = 1;
    printf("%s\n", names[atoi(getenv("SLOT"))]);
    return 0;
}
