"""Second round of C and C++ scenarios of the AI-style suite, written without reference to the models:
the way an assistant answers "write a C function that reads a record from a socket and ...". Same
format as `scenarios_c.py`: (category, scenario, vulnerable, safe, extension); braces are literal."""

from __future__ import annotations

NET = """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>
"""

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    # --- Buffer copies -------------------------------------------------------------------------
    (
        "buffer",
        "r2-gets-name",
        """#include <stdio.h>

int main(void) {
    char {V}[64];
    printf("Enter your name: ");
    gets({V});
    printf("Hello, %s\\n", {V});
    return 0;
}
""",
        """#include <stdio.h>
#include <string.h>

int main(void) {
    char {V}[64];
    printf("Enter your name: ");
    if (fgets({V}, sizeof({V}), stdin) == NULL) {
        return 1;
    }
    {V}[strcspn({V}, "\\n")] = '\\0';
    printf("Hello, %s\\n", {V});
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-sprintf-greeting",
        """#include <stdio.h>

int main(int argc, char **argv) {
    char {V}[32];
    if (argc < 2) {
        return 1;
    }
    sprintf({V}, "Welcome back, %s!", argv[1]);
    puts({V});
    return 0;
}
""",
        """#include <stdio.h>

int main(int argc, char **argv) {
    char {V}[32];
    if (argc < 2) {
        return 1;
    }
    snprintf({V}, sizeof({V}), "Welcome back, %s!", argv[1]);
    puts({V});
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-strncpy-srclen",
        """#include <string.h>

struct {T}_rec {
    char name[32];
    int id;
};

void {F}_set_name(struct {T}_rec *rec, const char *{V}) {
    strncpy(rec->name, {V}, strlen({V}));
    rec->name[sizeof(rec->name) - 1] = '\\0';
}
""",
        """#include <string.h>

struct {T}_rec {
    char name[32];
    int id;
};

void {F}_set_name(struct {T}_rec *rec, const char *{V}) {
    strncpy(rec->name, {V}, sizeof(rec->name) - 1);
    rec->name[sizeof(rec->name) - 1] = '\\0';
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-recv-length-prefix",
        NET
        + """
int {F}_read_record(int sock, char *out) {
    char {V}[256];
    uint32_t n;
    if (recv(sock, &n, sizeof(n), MSG_WAITALL) != sizeof(n)) {
        return -1;
    }
    n = ntohl(n);
    if (recv(sock, {V}, n, MSG_WAITALL) != (ssize_t) n) {
        return -1;
    }
    memcpy(out, {V}, n);
    return (int) n;
}
""",
        NET
        + """
int {F}_read_record(int sock, char *out) {
    char {V}[256];
    uint32_t n;
    if (recv(sock, &n, sizeof(n), MSG_WAITALL) != sizeof(n)) {
        return -1;
    }
    n = ntohl(n);
    if (n > sizeof({V})) {
        return -1;
    }
    if (recv(sock, {V}, n, MSG_WAITALL) != (ssize_t) n) {
        return -1;
    }
    memcpy(out, {V}, n);
    return (int) n;
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-scanf-string",
        """#include <stdio.h>

int main(void) {
    char {V}[40];
    int qty;
    printf("item and quantity: ");
    if (scanf("%s %d", {V}, &qty) != 2) {
        return 1;
    }
    printf("%d x %s\\n", qty, {V});
    return 0;
}
""",
        """#include <stdio.h>

int main(void) {
    char {V}[40];
    int qty;
    printf("item and quantity: ");
    if (scanf("%39s %d", {V}, &qty) != 2) {
        return 1;
    }
    printf("%d x %s\\n", qty, {V});
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-strcat-args",
        """#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char {V}[128] = "";
    for (int i = 1; i < argc; i++) {
        strcat({V}, argv[i]);
        strcat({V}, " ");
    }
    puts({V});
    return 0;
}
""",
        """#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char {V}[128] = "";
    size_t used = 0;
    for (int i = 1; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (used + n + 2 > sizeof({V})) {
            break;
        }
        memcpy({V} + used, argv[i], n);
        used += n;
        {V}[used++] = ' ';
        {V}[used] = '\\0';
    }
    puts({V});
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-strcpy-getenv",
        """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void {F}_config_path(void) {
    char {V}[64];
    strcpy({V}, getenv("HOME"));
    strcat({V}, "/.{T}rc");
    printf("config: %s\\n", {V});
}
""",
        """#include <stdio.h>
#include <stdlib.h>

void {F}_config_path(void) {
    char {V}[64];
    const char *home = getenv("HOME");
    if (home == NULL) {
        return;
    }
    snprintf({V}, sizeof({V}), "%s/.{T}rc", home);
    printf("config: %s\\n", {V});
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-read-header-len",
        """#include <stdint.h>
#include <unistd.h>

struct {T}_packet {
    uint16_t len;
    unsigned char body[512];
};

int {F}_read_packet(int fd, struct {T}_packet *pkt) {
    uint16_t {V};
    if (read(fd, &{V}, sizeof({V})) != sizeof({V})) {
        return -1;
    }
    pkt->len = {V};
    return (int) read(fd, pkt->body, {V});
}
""",
        """#include <stdint.h>
#include <unistd.h>

struct {T}_packet {
    uint16_t len;
    unsigned char body[512];
};

int {F}_read_packet(int fd, struct {T}_packet *pkt) {
    uint16_t {V};
    if (read(fd, &{V}, sizeof({V})) != sizeof({V})) {
        return -1;
    }
    if ({V} > sizeof(pkt->body)) {
        return -1;
    }
    pkt->len = {V};
    return (int) read(fd, pkt->body, {V});
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-snprintf-accumulate",
        """#include <stdio.h>

void {F}_join(int argc, char **argv) {
    char {V}[100];
    int n = 0;
    for (int i = 1; i < argc; i++) {
        n += snprintf({V} + n, sizeof({V}) - n, "%s,", argv[i]);
    }
    puts({V});
}
""",
        """#include <stdio.h>

void {F}_join(int argc, char **argv) {
    char {V}[100];
    size_t n = 0;
    {V}[0] = '\\0';
    for (int i = 1; i < argc; i++) {
        int w = snprintf({V} + n, sizeof({V}) - n, "%s,", argv[i]);
        if (w < 0 || (size_t) w >= sizeof({V}) - n) {
            break;
        }
        n += (size_t) w;
    }
    puts({V});
}
""",
        "c",
    ),
    (
        "buffer",
        "r2-cpp-memcpy-vector",
        """#include <cstring>
#include <cstdint>
#include <vector>
#include <unistd.h>

std::vector<char> {F}_read_frame(int fd) {
    char header[4];
    char {V}[1024];
    if (::read(fd, header, 4) != 4) {
        return {};
    }
    std::uint32_t size = static_cast<unsigned char>(header[0]) << 8 | static_cast<unsigned char>(header[1]);
    ::read(fd, {V}, size);
    std::vector<char> out(size);
    std::memcpy(out.data(), {V}, size);
    return out;
}
""",
        """#include <cstring>
#include <cstdint>
#include <vector>
#include <unistd.h>

std::vector<char> {F}_read_frame(int fd) {
    char header[4];
    char {V}[1024];
    if (::read(fd, header, 4) != 4) {
        return {};
    }
    std::uint32_t size = static_cast<unsigned char>(header[0]) << 8 | static_cast<unsigned char>(header[1]);
    if (size > sizeof({V})) {
        return {};
    }
    ::read(fd, {V}, size);
    std::vector<char> out(size);
    std::memcpy(out.data(), {V}, size);
    return out;
}
""",
        "cpp",
    ),
    # --- Indexing ------------------------------------------------------------------------------
    (
        "index",
        "r2-atoi-index",
        """#include <stdio.h>
#include <stdlib.h>

static const char *{T}_names[] = {"alpha", "beta", "gamma", "delta"};

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    int {V} = atoi(argv[1]);
    printf("%s\\n", {T}_names[{V}]);
    return 0;
}
""",
        """#include <stdio.h>
#include <stdlib.h>

static const char *{T}_names[] = {"alpha", "beta", "gamma", "delta"};

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    int {V} = atoi(argv[1]);
    if ({V} < 0 || {V} >= (int) (sizeof({T}_names) / sizeof({T}_names[0]))) {
        return 1;
    }
    printf("%s\\n", {T}_names[{V}]);
    return 0;
}
""",
        "c",
    ),
    (
        "index",
        "r2-signed-upper-only",
        """#include <stdio.h>

#define MAX_{T} 16
static int counters[MAX_{T}];

void {F}_bump(FILE *in) {
    int {V};
    if (fscanf(in, "%d", &{V}) != 1) {
        return;
    }
    if ({V} < MAX_{T}) {
        counters[{V}]++;
    }
}
""",
        """#include <stdio.h>

#define MAX_{T} 16
static int counters[MAX_{T}];

void {F}_bump(FILE *in) {
    int {V};
    if (fscanf(in, "%d", &{V}) != 1) {
        return;
    }
    if ({V} >= 0 && {V} < MAX_{T}) {
        counters[{V}]++;
    }
}
""",
        "c",
    ),
    (
        "index",
        "r2-recv-byte-index",
        NET
        + """
static const int {T}_table[8] = {1, 2, 4, 8, 16, 32, 64, 128};

int {F}_lookup(int sock) {
    unsigned char {V};
    if (recv(sock, &{V}, 1, 0) != 1) {
        return -1;
    }
    return {T}_table[{V}];
}
""",
        NET
        + """
static const int {T}_table[8] = {1, 2, 4, 8, 16, 32, 64, 128};

int {F}_lookup(int sock) {
    unsigned char {V};
    if (recv(sock, &{V}, 1, 0) != 1) {
        return -1;
    }
    if ({V} >= 8) {
        return -1;
    }
    return {T}_table[{V}];
}
""",
        "c",
    ),
    # --- Allocation ----------------------------------------------------------------------------
    (
        "alloc",
        "r2-malloc-count-size",
        NET
        + """
struct {T} {
    uint32_t id;
    char label[60];
};

struct {T} *{F}_read_all(int sock, uint32_t *out_count) {
    uint32_t {V};
    if (recv(sock, &{V}, sizeof({V}), MSG_WAITALL) != sizeof({V})) {
        return NULL;
    }
    {V} = ntohl({V});
    struct {T} *items = malloc({V} * sizeof(struct {T}));
    if (items == NULL) {
        return NULL;
    }
    for (uint32_t i = 0; i < {V}; i++) {
        recv(sock, &items[i], sizeof(struct {T}), MSG_WAITALL);
    }
    *out_count = {V};
    return items;
}
""",
        NET
        + """
struct {T} {
    uint32_t id;
    char label[60];
};

struct {T} *{F}_read_all(int sock, uint32_t *out_count) {
    uint32_t {V};
    if (recv(sock, &{V}, sizeof({V}), MSG_WAITALL) != sizeof({V})) {
        return NULL;
    }
    {V} = ntohl({V});
    struct {T} *items = calloc({V}, sizeof(struct {T}));
    if (items == NULL) {
        return NULL;
    }
    for (uint32_t i = 0; i < {V}; i++) {
        recv(sock, &items[i], sizeof(struct {T}), MSG_WAITALL);
    }
    *out_count = {V};
    return items;
}
""",
        "c",
    ),
    (
        "alloc",
        "r2-image-dimensions",
        """#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

uint8_t *{F}_load(FILE *fp) {
    uint32_t width, {V};
    if (fread(&width, 4, 1, fp) != 1 || fread(&{V}, 4, 1, fp) != 1) {
        return NULL;
    }
    uint8_t *pixels = malloc(width * {V} * 4);
    if (pixels == NULL) {
        return NULL;
    }
    fread(pixels, 4, (size_t) width * {V}, fp);
    return pixels;
}
""",
        """#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

uint8_t *{F}_load(FILE *fp) {
    uint32_t width, {V};
    if (fread(&width, 4, 1, fp) != 1 || fread(&{V}, 4, 1, fp) != 1) {
        return NULL;
    }
    if (width == 0 || {V} == 0 || width > 16384 || {V} > 16384) {
        return NULL;
    }
    uint8_t *pixels = malloc((size_t) width * {V} * 4);
    if (pixels == NULL) {
        return NULL;
    }
    fread(pixels, 4, (size_t) width * {V}, fp);
    return pixels;
}
""",
        "c",
    ),
    (
        "alloc",
        "r2-argv-count-alloc",
        """#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    int {V} = atoi(argv[1]);
    long *values = malloc({V} * sizeof(long));
    if (values == NULL) {
        return 1;
    }
    for (int i = 0; i < {V}; i++) {
        values[i] = i * 2L;
    }
    free(values);
    return 0;
}
""",
        """#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    int {V} = atoi(argv[1]);
    if ({V} <= 0 || {V} > 1000000) {
        return 1;
    }
    long *values = calloc((size_t) {V}, sizeof(long));
    if (values == NULL) {
        return 1;
    }
    for (int i = 0; i < {V}; i++) {
        values[i] = i * 2L;
    }
    free(values);
    return 0;
}
""",
        "c",
    ),
    # --- Null / UAF ----------------------------------------------------------------------------
    (
        "null-deref",
        "r2-realloc-unchecked",
        """#include <stdlib.h>
#include <string.h>

struct {T}_list {
    char **items;
    size_t len;
};

void {F}_push(struct {T}_list *list, const char *{V}) {
    list->items = realloc(list->items, (list->len + 1) * sizeof(char *));
    list->items[list->len] = strdup({V});
    list->len++;
}
""",
        """#include <stdlib.h>
#include <string.h>

struct {T}_list {
    char **items;
    size_t len;
};

int {F}_push(struct {T}_list *list, const char *{V}) {
    char **grown = realloc(list->items, (list->len + 1) * sizeof(char *));
    if (grown == NULL) {
        return -1;
    }
    list->items = grown;
    list->items[list->len] = strdup({V});
    list->len++;
    return 0;
}
""",
        "c",
    ),
    (
        "null-deref",
        "r2-malloc-memset",
        """#include <stdlib.h>
#include <string.h>

struct {T} {
    int id;
    char name[32];
};

struct {T} *{F}_new(int id) {
    struct {T} *{V} = malloc(sizeof(struct {T}));
    memset({V}, 0, sizeof(*{V}));
    {V}->id = id;
    return {V};
}
""",
        """#include <stdlib.h>
#include <string.h>

struct {T} {
    int id;
    char name[32];
};

struct {T} *{F}_new(int id) {
    struct {T} *{V} = malloc(sizeof(struct {T}));
    if ({V} == NULL) {
        return NULL;
    }
    memset({V}, 0, sizeof(*{V}));
    {V}->id = id;
    return {V};
}
""",
        "c",
    ),
    (
        "use-after-free",
        "r2-double-free-error",
        """#include <stdio.h>
#include <stdlib.h>

int {F}_process(const char *path) {
    char *{V} = malloc(4096);
    if ({V} == NULL) {
        return -1;
    }
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        free({V});
        goto fail;
    }
    fread({V}, 1, 4096, fp);
    fclose(fp);
    free({V});
    return 0;
fail:
    free({V});
    return -1;
}
""",
        """#include <stdio.h>
#include <stdlib.h>

int {F}_process(const char *path) {
    char *{V} = malloc(4096);
    if ({V} == NULL) {
        return -1;
    }
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        goto fail;
    }
    fread({V}, 1, 4096, fp);
    fclose(fp);
    free({V});
    return 0;
fail:
    free({V});
    return -1;
}
""",
        "c",
    ),
    (
        "use-after-free",
        "r2-list-free-next",
        """#include <stdlib.h>

struct {T}_node {
    int value;
    struct {T}_node *next;
};

void {F}_free_list(struct {T}_node *head) {
    struct {T}_node *{V};
    for ({V} = head; {V} != NULL; {V} = {V}->next) {
        free({V});
    }
}
""",
        """#include <stdlib.h>

struct {T}_node {
    int value;
    struct {T}_node *next;
};

void {F}_free_list(struct {T}_node *head) {
    struct {T}_node *{V} = head;
    while ({V} != NULL) {
        struct {T}_node *next = {V}->next;
        free({V});
        {V} = next;
    }
}
""",
        "c",
    ),
    (
        "use-after-free",
        "r2-free-then-log",
        """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void {F}_close(char *{V}) {
    free({V});
    printf("closed session %s\\n", {V});
}
""",
        """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void {F}_close(char *{V}) {
    printf("closed session %s\\n", {V});
    free({V});
}
""",
        "c",
    ),
    # --- Format strings ------------------------------------------------------------------------
    (
        "format",
        "r2-syslog-message",
        NET
        + """#include <syslog.h>

void {F}_audit(int sock) {
    char {V}[256];
    ssize_t n = recv(sock, {V}, sizeof({V}) - 1, 0);
    if (n <= 0) {
        return;
    }
    {V}[n] = '\\0';
    syslog(LOG_INFO, {V});
}
""",
        NET
        + """#include <syslog.h>

void {F}_audit(int sock) {
    char {V}[256];
    ssize_t n = recv(sock, {V}, sizeof({V}) - 1, 0);
    if (n <= 0) {
        return;
    }
    {V}[n] = '\\0';
    syslog(LOG_INFO, "%s", {V});
}
""",
        "c",
    ),
    (
        "format",
        "r2-fprintf-stderr",
        """#include <stdio.h>

void {F}_warn(const char *{V}) {
    char buf[256];
    snprintf(buf, sizeof(buf), "warning: %s\\n", {V});
    fprintf(stderr, buf);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        {F}_warn(argv[1]);
    }
    return 0;
}
""",
        """#include <stdio.h>

void {F}_warn(const char *{V}) {
    fprintf(stderr, "warning: %s\\n", {V});
}

int main(int argc, char **argv) {
    if (argc > 1) {
        {F}_warn(argv[1]);
    }
    return 0;
}
""",
        "c",
    ),
    (
        "format",
        "r2-printf-argv",
        """#include <stdio.h>

int main(int argc, char *argv[]) {
    for (int i = 1; i < argc; i++) {
        char *{V} = argv[i];
        printf({V});
        printf("\\n");
    }
    return 0;
}
""",
        """#include <stdio.h>

int main(int argc, char *argv[]) {
    for (int i = 1; i < argc; i++) {
        char *{V} = argv[i];
        printf("%s\\n", {V});
    }
    return 0;
}
""",
        "c",
    ),
    (
        "format",
        "r2-snprintf-user-format",
        """#include <stdio.h>
#include <string.h>

void {F}_title(char *out, size_t size) {
    char {V}[128];
    if (fgets({V}, sizeof({V}), stdin) == NULL) {
        return;
    }
    {V}[strcspn({V}, "\\n")] = '\\0';
    snprintf(out, size, {V});
}
""",
        """#include <stdio.h>
#include <string.h>

void {F}_title(char *out, size_t size) {
    char {V}[128];
    if (fgets({V}, sizeof({V}), stdin) == NULL) {
        return;
    }
    {V}[strcspn({V}, "\\n")] = '\\0';
    snprintf(out, size, "%s", {V});
}
""",
        "c",
    ),
    # --- Commands ------------------------------------------------------------------------------
    (
        "command",
        "r2-system-fgets",
        """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char {V}[128];
    char cmd[256];
    printf("file to compress: ");
    if (fgets({V}, sizeof({V}), stdin) == NULL) {
        return 1;
    }
    {V}[strcspn({V}, "\\n")] = '\\0';
    sprintf(cmd, "gzip -k %s", {V});
    return system(cmd);
}
""",
        """#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    char {V}[128];
    printf("file to compress: ");
    if (fgets({V}, sizeof({V}), stdin) == NULL) {
        return 1;
    }
    {V}[strcspn({V}, "\\n")] = '\\0';
    pid_t pid = fork();
    if (pid == 0) {
        execlp("gzip", "gzip", "-k", "--", {V}, (char *) NULL);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WEXITSTATUS(status);
}
""",
        "c",
    ),
    (
        "command",
        "r2-popen-getenv",
        """#include <stdio.h>
#include <stdlib.h>

int {F}_list_dir(void) {
    char cmd[512];
    const char *{V} = getenv("{T}_DIR");
    if ({V} == NULL) {
        return -1;
    }
    snprintf(cmd, sizeof(cmd), "ls -l %s", {V});
    FILE *p = popen(cmd, "r");
    if (p == NULL) {
        return -1;
    }
    char line[256];
    while (fgets(line, sizeof(line), p)) {
        fputs(line, stdout);
    }
    return pclose(p);
}
""",
        """#include <stdio.h>
#include <stdlib.h>
#include <dirent.h>

int {F}_list_dir(void) {
    const char *{V} = getenv("{T}_DIR");
    if ({V} == NULL) {
        return -1;
    }
    DIR *dir = opendir({V});
    if (dir == NULL) {
        return -1;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        puts(entry->d_name);
    }
    return closedir(dir);
}
""",
        "c",
    ),
    (
        "command",
        "r2-execl-sh-c",
        """#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char cmd[256];
    if (argc < 2) {
        return 1;
    }
    const char *{V} = argv[1];
    snprintf(cmd, sizeof(cmd), "tar xzf %s -C /tmp/{T}", {V});
    execl("/bin/sh", "sh", "-c", cmd, (char *) NULL);
    return 127;
}
""",
        """#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    const char *{V} = argv[1];
    execl("/bin/tar", "tar", "xzf", {V}, "-C", "/tmp/{T}", (char *) NULL);
    return 127;
}
""",
        "c",
    ),
    (
        "command",
        "r2-socket-system",
        NET
        + """
void {F}_handle(int client) {
    char {V}[64];
    char cmd[128];
    ssize_t n = read(client, {V}, sizeof({V}) - 1);
    if (n <= 0) {
        return;
    }
    {V}[n] = '\\0';
    snprintf(cmd, sizeof(cmd), "/usr/bin/host %s", {V});
    system(cmd);
}
""",
        NET
        + """#include <ctype.h>

void {F}_handle(int client) {
    char {V}[64];
    char cmd[128];
    ssize_t n = read(client, {V}, sizeof({V}) - 1);
    if (n <= 0) {
        return;
    }
    {V}[n] = '\\0';
    for (ssize_t i = 0; i < n; i++) {
        if (!isalnum((unsigned char) {V}[i]) && {V}[i] != '.' && {V}[i] != '-') {
            return;
        }
    }
    snprintf(cmd, sizeof(cmd), "/usr/bin/host %s", {V});
    system(cmd);
}
""",
        "c",
    ),
    (
        "command",
        "r2-cpp-string-system",
        """#include <cstdlib>
#include <iostream>
#include <string>

int main() {
    std::string {V};
    std::cout << "Host to ping: ";
    std::getline(std::cin, {V});
    std::string cmd = "ping -c 3 " + {V};
    return std::system(cmd.c_str());
}
""",
        """#include <iostream>
#include <string>
#include <unistd.h>
#include <sys/wait.h>

int main() {
    std::string {V};
    std::cout << "Host to ping: ";
    std::getline(std::cin, {V});
    pid_t pid = fork();
    if (pid == 0) {
        execlp("ping", "ping", "-c", "3", {V}.c_str(), static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return 0;
}
""",
        "cpp",
    ),
    # --- Path ----------------------------------------------------------------------------------
    (
        "path",
        "r2-fopen-request-name",
        NET
        + """
void {F}_serve(int client) {
    char {V}[128];
    char path[256];
    ssize_t n = recv(client, {V}, sizeof({V}) - 1, 0);
    if (n <= 0) {
        return;
    }
    {V}[n] = '\\0';
    snprintf(path, sizeof(path), "/var/www/{T}/%s", {V});
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return;
    }
    char buf[512];
    size_t got;
    while ((got = fread(buf, 1, sizeof(buf), fp)) > 0) {
        send(client, buf, got, 0);
    }
    fclose(fp);
}
""",
        NET
        + """
void {F}_serve(int client) {
    char {V}[128];
    char path[256];
    ssize_t n = recv(client, {V}, sizeof({V}) - 1, 0);
    if (n <= 0) {
        return;
    }
    {V}[n] = '\\0';
    if (strstr({V}, "..") != NULL || strchr({V}, '/') != NULL) {
        return;
    }
    snprintf(path, sizeof(path), "/var/www/{T}/%s", {V});
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return;
    }
    char buf[512];
    size_t got;
    while ((got = fread(buf, 1, sizeof(buf), fp)) > 0) {
        send(client, buf, got, 0);
    }
    fclose(fp);
}
""",
        "c",
    ),
    # --- Files, randomness, hashing ------------------------------------------------------------
    (
        "temp-file",
        "r2-tmpnam",
        """#include <stdio.h>

int {F}_spool(const char *data) {
    char {V}[L_tmpnam];
    tmpnam({V});
    FILE *fp = fopen({V}, "w");
    if (fp == NULL) {
        return -1;
    }
    fputs(data, fp);
    return fclose(fp);
}
""",
        """#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int {F}_spool(const char *data) {
    char {V}[] = "/tmp/{T}-XXXXXX";
    int fd = mkstemp({V});
    if (fd < 0) {
        return -1;
    }
    FILE *fp = fdopen(fd, "w");
    if (fp == NULL) {
        close(fd);
        return -1;
    }
    fputs(data, fp);
    return fclose(fp);
}
""",
        "c",
    ),
    (
        "temp-file",
        "r2-mktemp-c",
        """#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int {F}_scratch(void) {
    char {V}[] = "/tmp/{T}XXXXXX";
    mktemp({V});
    return open({V}, O_CREAT | O_WRONLY, 0600);
}
""",
        """#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int {F}_scratch(void) {
    char {V}[] = "/tmp/{T}XXXXXX";
    return mkstemp({V});
}
""",
        "c",
    ),
    (
        "file-mode",
        "r2-chmod-0777",
        """#include <stdio.h>
#include <sys/stat.h>

int {F}_publish(const char *{V}) {
    FILE *fp = fopen({V}, "w");
    if (fp == NULL) {
        return -1;
    }
    fputs("ready\\n", fp);
    fclose(fp);
    return chmod({V}, 0777);
}
""",
        """#include <stdio.h>
#include <sys/stat.h>

int {F}_publish(const char *{V}) {
    FILE *fp = fopen({V}, "w");
    if (fp == NULL) {
        return -1;
    }
    fputs("ready\\n", fp);
    fclose(fp);
    return chmod({V}, 0640);
}
""",
        "c",
    ),
    (
        "file-mode",
        "r2-open-0666",
        """#include <fcntl.h>
#include <unistd.h>

int {F}_open_log(const char *{V}) {
    return open({V}, O_WRONLY | O_CREAT | O_APPEND, 0666);
}
""",
        """#include <fcntl.h>
#include <unistd.h>

int {F}_open_log(const char *{V}) {
    return open({V}, O_WRONLY | O_CREAT | O_APPEND, 0600);
}
""",
        "c",
    ),
    (
        "weak-random",
        "r2-rand-session",
        """#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void {F}_session_token(char *{V}, size_t size) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    srand((unsigned) time(NULL));
    for (size_t i = 0; i + 1 < size; i++) {
        {V}[i] = alphabet[rand() % (sizeof(alphabet) - 1)];
    }
    {V}[size - 1] = '\\0';
}
""",
        """#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>

void {F}_session_token(char *{V}, size_t size) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char bytes[64];
    if (size > sizeof(bytes) || getrandom(bytes, size, 0) != (ssize_t) size) {
        abort();
    }
    for (size_t i = 0; i + 1 < size; i++) {
        {V}[i] = alphabet[bytes[i] % (sizeof(alphabet) - 1)];
    }
    {V}[size - 1] = '\\0';
}
""",
        "c",
    ),
    (
        "weak-hash",
        "r2-openssl-md5-password",
        """#include <string.h>
#include <openssl/md5.h>

void {F}_hash_password(const char *{V}, unsigned char out[MD5_DIGEST_LENGTH]) {
    MD5((const unsigned char *) {V}, strlen({V}), out);
}
""",
        """#include <string.h>
#include <openssl/evp.h>

int {F}_hash_password(const char *{V}, const unsigned char *salt, unsigned char out[32]) {
    return PKCS5_PBKDF2_HMAC({V}, (int) strlen({V}), salt, 16, 600000, EVP_sha256(), 32, out);
}
""",
        "c",
    ),
]
