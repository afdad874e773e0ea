#include <cstdlib>
#include <cstring>

struct Buffer { char *data; std::size_t size; };

Buffer *grow(Buffer *buffer, std::size_t size) {
    char *bigger = static_cast<char *>(std::realloc(buffer->data, size));
    if (bigger == nullptr) {
        std::abort();
    }
    bigger[size - 1] = 0;
    buffer->data = bigger;
    return buffer;
}
