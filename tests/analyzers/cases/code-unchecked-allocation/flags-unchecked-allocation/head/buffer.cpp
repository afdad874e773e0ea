#include <cstdlib>
#include <cstring>

struct Buffer { char *data; std::size_t size; };

Buffer *grow(Buffer *buffer, std::size_t size) {
    char *bigger = static_cast<char *>(std::realloc(buffer->data, size));
    bigger[size - 1] = 0;
    buffer->data = bigger;
    return buffer;
}

Buffer *make(std::size_t size) {
    Buffer *buffer = static_cast<Buffer *>(std::malloc(sizeof(Buffer)));
    buffer->size = size;
    char *name = strdup("buffer");
    std::strcpy(name, "renamed");
    buffer->data = name;
    return buffer;
}
