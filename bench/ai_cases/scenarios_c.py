"""C and C++ scenarios of the AI-style suite: (category, scenario, vulnerable, safe, extension).

Written for this suite the way an assistant answers "write a small tool that ...": `{V}` is the
variable holding the input, `{F}` the function, `{T}` a noun for the data.
"""

from __future__ import annotations

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (
        "command",
        "ping-host",
        """#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char cmd[256];
    const char *{V} = argv[1];
    snprintf(cmd, sizeof(cmd), "ping -c 1 %s", {V});
    return system(cmd);
}
""",
        """#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[]) {
    const char *{V} = argv[1];
    pid_t pid = fork();
    if (pid == 0) {
        execlp("ping", "ping", "-c", "1", {V}, (char *) NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    return 0;
}
""",
        "c",
    ),
    (
        "format",
        "log-line",
        """#include <stdio.h>
#include <string.h>

void {F}_log(FILE *out) {
    char {V}[512];
    while (fgets({V}, sizeof({V}), stdin) != NULL) {
        {V}[strcspn({V}, "\\n")] = 0;
        fprintf(out, {V});
        fprintf(out, "\\n");
    }
}
""",
        """#include <stdio.h>
#include <string.h>

void {F}_log(FILE *out) {
    char {V}[512];
    while (fgets({V}, sizeof({V}), stdin) != NULL) {
        {V}[strcspn({V}, "\\n")] = 0;
        fprintf(out, "%s\\n", {V});
    }
}
""",
        "c",
    ),
    (
        "format",
        "greet-user",
        """#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
    const char *{V} = std::getenv("{T}_NAME");
    if ({V} == nullptr) {
        return 1;
    }
    std::printf({V});
    return 0;
}
""",
        """#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
    const char *{V} = std::getenv("{T}_NAME");
    if ({V} == nullptr) {
        return 1;
    }
    std::printf("Hello, %s\\n", {V});
    return 0;
}
""",
        "cpp",
    ),
    (
        "buffer",
        "copy-name",
        """#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char {V}[32];
    if (argc < 2) {
        return 1;
    }
    strcpy({V}, argv[1]);
    printf("{T}: %s\\n", {V});
    return 0;
}
""",
        """#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char {V}[32];
    if (argc < 2) {
        return 1;
    }
    snprintf({V}, sizeof({V}), "%s", argv[1]);
    printf("{T}: %s\\n", {V});
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "packet-body",
        """#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>

int {F}_read_packet(int sock, char *out) {
    char packet[1024];
    char body[256];
    if (recv(sock, packet, sizeof(packet), 0) <= 0) {
        return -1;
    }
    uint16_t {V} = ntohs(*(uint16_t *) packet);
    memcpy(body, packet + 2, {V});
    memcpy(out, body, {V});
    return {V};
}
""",
        """#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>

int {F}_read_packet(int sock, char *out) {
    char packet[1024];
    char body[256];
    if (recv(sock, packet, sizeof(packet), 0) <= 0) {
        return -1;
    }
    uint16_t {V} = ntohs(*(uint16_t *) packet);
    if ({V} > sizeof(body) || {V} > sizeof(packet) - 2) {
        return -1;
    }
    memcpy(body, packet + 2, {V});
    memcpy(out, body, {V});
    return {V};
}
""",
        "c",
    ),
    (
        "index",
        "menu-choice",
        """#include <stdio.h>

static const char *{T}_options[] = {"list", "add", "remove", "quit"};

int main(void) {
    int {V};
    printf("Choose an option: ");
    if (scanf("%d", &{V}) != 1) {
        return 1;
    }
    printf("You chose %s\\n", {T}_options[{V}]);
    return 0;
}
""",
        """#include <stdio.h>

static const char *{T}_options[] = {"list", "add", "remove", "quit"};

int main(void) {
    int {V};
    printf("Choose an option: ");
    if (scanf("%d", &{V}) != 1) {
        return 1;
    }
    if ({V} < 0 || {V} >= 4) {
        fprintf(stderr, "invalid option\\n");
        return 1;
    }
    printf("You chose %s\\n", {T}_options[{V}]);
    return 0;
}
""",
        "c",
    ),
    (
        "index",
        "counter-slot",
        """#include <cstdlib>
#include <iostream>

static int {T}_counts[10];

int main(int argc, char *argv[]) {
    int {V} = std::atoi(argv[1]);
    {T}_counts[{V}] += 1;
    std::cout << {T}_counts[{V}] << std::endl;
    return 0;
}
""",
        """#include <cstdlib>
#include <iostream>

static int {T}_counts[10];

int main(int argc, char *argv[]) {
    int {V} = std::atoi(argv[1]);
    if ({V} < 0 || {V} >= 10) {
        std::cerr << "slot out of range" << std::endl;
        return 1;
    }
    {T}_counts[{V}] += 1;
    std::cout << {T}_counts[{V}] << std::endl;
    return 0;
}
""",
        "cpp",
    ),
    (
        "alloc",
        "read-records",
        """#include <stdio.h>
#include <stdlib.h>

struct {T}_record { int id; double amount; };

struct {T}_record *{F}_load(FILE *in, size_t *count) {
    size_t {V};
    if (fscanf(in, "%zu", &{V}) != 1) {
        return NULL;
    }
    struct {T}_record *records = malloc({V} * sizeof(struct {T}_record));
    if (records == NULL) {
        return NULL;
    }
    *count = {V};
    return records;
}
""",
        """#include <stdio.h>
#include <stdlib.h>

struct {T}_record { int id; double amount; };

struct {T}_record *{F}_load(FILE *in, size_t *count) {
    size_t {V};
    if (fscanf(in, "%zu", &{V}) != 1) {
        return NULL;
    }
    struct {T}_record *records = calloc({V}, sizeof(struct {T}_record));
    if (records == NULL) {
        return NULL;
    }
    *count = {V};
    return records;
}
""",
        "c",
    ),
    (
        "alloc",
        "image-buffer",
        """#include <cstdint>
#include <sys/socket.h>

uint8_t *{F}_receive_image(int sock) {
    uint32_t header[2];
    if (recv(sock, header, sizeof(header), 0) != sizeof(header)) {
        return nullptr;
    }
    uint32_t {V} = header[0];
    uint32_t height = header[1];
    uint8_t *pixels = new uint8_t[{V} * height * 4];
    return pixels;
}
""",
        """#include <cstdint>
#include <sys/socket.h>

const uint32_t MAX_SIDE = 8192;

uint8_t *{F}_receive_image(int sock) {
    uint32_t header[2];
    if (recv(sock, header, sizeof(header), 0) != sizeof(header)) {
        return nullptr;
    }
    uint32_t {V} = header[0];
    uint32_t height = header[1];
    if ({V} > MAX_SIDE || height > MAX_SIDE) {
        return nullptr;
    }
    uint8_t *pixels = new uint8_t[{V} * height * 4];
    return pixels;
}
""",
        "cpp",
    ),
    (
        "use-after-free",
        "remove-entry",
        """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct {T}_entry {
    char *key;
    struct {T}_entry *next;
};

int {F}_remove(struct {T}_entry **head, const char *key) {
    struct {T}_entry **link = head;
    while (*link != NULL) {
        struct {T}_entry *{V} = *link;
        if (strcmp({V}->key, key) == 0) {
            *link = {V}->next;
            char *removed = {V}->key;
            free(removed);
            free({V});
            printf("removed %s\n", removed);
            return 0;
        }
        link = &{V}->next;
    }
    return -1;
}
""",
        """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct {T}_entry {
    char *key;
    struct {T}_entry *next;
};

int {F}_remove(struct {T}_entry **head, const char *key) {
    struct {T}_entry **link = head;
    while (*link != NULL) {
        struct {T}_entry *{V} = *link;
        if (strcmp({V}->key, key) == 0) {
            *link = {V}->next;
            char *removed = {V}->key;
            printf("removed %s\n", removed);
            free(removed);
            free({V});
            return 0;
        }
        link = &{V}->next;
    }
    return -1;
}
""",
        "c",
    ),
    (
        "use-after-free",
        "close-connection",
        """#include <cstdio>
#include <cstring>

struct {T}Connection {
    int fd;
    char peer[64];
};

void {F}_close(char *buffer, {T}Connection *conn) {
    std::snprintf(buffer, 64, "closing %d", conn->fd);
    delete[] buffer;
    std::puts(buffer);
    delete conn;
}
""",
        """#include <cstdio>
#include <cstring>

struct {T}Connection {
    int fd;
    char peer[64];
};

void {F}_close(char *buffer, {T}Connection *conn) {
    std::snprintf(buffer, 64, "closing %d", conn->fd);
    std::puts(buffer);
    delete[] buffer;
    delete conn;
}
""",
        "cpp",
    ),
    (
        "use-after-free",
        "pop-job",
        """#include <stdlib.h>

struct {T}_job {
    int id;
    struct {T}_job *next;
};

int {F}_pop(struct {T}_job **queue) {
    struct {T}_job *{V} = *queue;
    if ({V} == NULL) {
        return -1;
    }
    free({V});
    *queue = {V}->next;
    return {V}->id;
}
""",
        """#include <stdlib.h>

struct {T}_job {
    int id;
    struct {T}_job *next;
};

int {F}_pop(struct {T}_job **queue) {
    struct {T}_job *{V} = *queue;
    if ({V} == NULL) {
        return -1;
    }
    *queue = {V}->next;
    int id = {V}->id;
    free({V});
    return id;
}
""",
        "c",
    ),
    (
        "null-deref",
        "copy-string",
        """#include <stdlib.h>
#include <string.h>

char *{F}_copy(const char *text) {
    size_t {V} = strlen(text);
    char *copy = malloc({V} + 1);
    memcpy(copy, text, {V} + 1);
    return copy;
}
""",
        """#include <stdlib.h>
#include <string.h>

char *{F}_copy(const char *text) {
    size_t {V} = strlen(text);
    char *copy = malloc({V} + 1);
    if (copy == NULL) {
        return NULL;
    }
    memcpy(copy, text, {V} + 1);
    return copy;
}
""",
        "c",
    ),
    (
        "null-deref",
        "new-node",
        """#include <stdlib.h>

struct {T}_node {
    int value;
    struct {T}_node *next;
};

struct {T}_node *{F}_push(struct {T}_node *head, int {V}) {
    struct {T}_node *node = malloc(sizeof(*node));
    node->value = {V};
    node->next = head;
    return node;
}
""",
        """#include <stdlib.h>

struct {T}_node {
    int value;
    struct {T}_node *next;
};

struct {T}_node *{F}_push(struct {T}_node *head, int {V}) {
    struct {T}_node *node = malloc(sizeof(*node));
    if (!node) {
        return head;
    }
    node->value = {V};
    node->next = head;
    return node;
}
""",
        "c",
    ),
    (
        "null-deref",
        "grow-buffer",
        """#include <cstdlib>
#include <cstring>

struct {T}Buffer {
    char *data;
    std::size_t used;
    std::size_t size;
};

void {F}_append({T}Buffer *buffer, const char *{V}, std::size_t n) {
    if (buffer->used + n > buffer->size) {
        buffer->size = (buffer->used + n) * 2;
        buffer->data = static_cast<char *>(std::realloc(buffer->data, buffer->size));
    }
    char *data = buffer->data;
    std::memcpy(data + buffer->used, {V}, n);
    buffer->used += n;
}

int {F}_init({T}Buffer *buffer) {
    char *data = static_cast<char *>(std::calloc(64, 1));
    data[0] = 0;
    buffer->data = data;
    buffer->size = 64;
    return 0;
}
""",
        """#include <cstdlib>
#include <cstring>

struct {T}Buffer {
    char *data;
    std::size_t used;
    std::size_t size;
};

void {F}_append({T}Buffer *buffer, const char *{V}, std::size_t n) {
    if (buffer->used + n > buffer->size) {
        buffer->size = (buffer->used + n) * 2;
        buffer->data = static_cast<char *>(std::realloc(buffer->data, buffer->size));
    }
    char *data = buffer->data;
    std::memcpy(data + buffer->used, {V}, n);
    buffer->used += n;
}

int {F}_init({T}Buffer *buffer) {
    char *data = static_cast<char *>(std::calloc(64, 1));
    if (data == nullptr) {
        return -1;
    }
    data[0] = 0;
    buffer->data = data;
    buffer->size = 64;
    return 0;
}
""",
        "cpp",
    ),
]
