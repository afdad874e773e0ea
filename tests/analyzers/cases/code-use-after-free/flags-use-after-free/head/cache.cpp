#include <cstring>
#include <cstdio>

struct Entry { char key[32]; };

void evict(Entry *entry, char *scratch) {
    delete entry;
    std::printf("evicted %s\n", entry->key);
    std::free(scratch);
    std::memset(scratch, 0, 16);
    std::free(scratch);
    char *copy = new char[16];
    delete[] copy;
    std::strcpy(copy, "gone");
}
