#include <cstring>

struct Entry { char key[32]; };

void evict(Entry *entry, char *scratch) {
    std::memset(scratch, 0, 16);
    std::free(scratch);
    scratch = nullptr;
    delete entry;
}
