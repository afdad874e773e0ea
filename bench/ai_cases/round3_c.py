"""Third round of C and C++ scenarios of the AI-style suite, written blind (before reading the models or
any earlier miss list): "write a C function / small C++ tool that ...". Same format as `round2_c.py`:
(category, scenario, vulnerable, safe, extension); braces are literal, and the markers `__V__`, `__F__`,
`__T__` become `{V}`, `{F}`, `{T}`."""

from __future__ import annotations


def _c(text: str) -> str:
    for token in "VFRT":
        text = text.replace(f"__{token}__", "{" + token + "}")
    return text


STD = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
NET = STD + "#include <stdint.h>\n#include <unistd.h>\n#include <sys/socket.h>\n#include <arpa/inet.h>\n"

_RAW: list[tuple[str, str, str, str, str]] = [
    (
        "buffer",
        "r3-strcpy-argv-config",
        STD
        + """
int main(int argc, char *argv[]) {
    char __V__[128];
    if (argc < 2) {
        fprintf(stderr, "usage: %s <config>\\n", argv[0]);
        return 1;
    }
    strcpy(__V__, argv[1]);
    strcat(__V__, ".conf");
    printf("loading %s\\n", __V__);
    return 0;
}
""",
        STD
        + """
int main(int argc, char *argv[]) {
    char __V__[128];
    if (argc < 2) {
        fprintf(stderr, "usage: %s <config>\\n", argv[0]);
        return 1;
    }
    int n = snprintf(__V__, sizeof(__V__), "%s.conf", argv[1]);
    if (n < 0 || (size_t)n >= sizeof(__V__)) {
        fprintf(stderr, "name too long\\n");
        return 1;
    }
    printf("loading %s\\n", __V__);
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "r3-memcpy-strlen-getenv",
        STD
        + """
void __F___home_path(char *out) {
    char __V__[64];
    const char *home = getenv("HOME");
    memcpy(__V__, home, strlen(home) + 1);
    sprintf(out, "%s/.appdata", __V__);
}
""",
        STD
        + """
int __F___home_path(char *out, size_t out_size) {
    char __V__[64];
    const char *home = getenv("HOME");
    if (home == NULL || strlen(home) >= sizeof(__V__)) {
        return -1;
    }
    memcpy(__V__, home, strlen(home) + 1);
    snprintf(out, out_size, "%s/.appdata", __V__);
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "r3-recv-header-length",
        NET
        + """
struct __T___msg {
    uint16_t len;
    char body[256];
};

int __F___recv_msg(int fd, struct __T___msg *msg) {
    uint16_t __V__;
    char wire[4096];
    if (recv(fd, &__V__, sizeof(__V__), MSG_WAITALL) != sizeof(__V__)) return -1;
    __V__ = ntohs(__V__);
    if (recv(fd, wire, __V__, MSG_WAITALL) != __V__) return -1;
    memcpy(msg->body, wire, __V__);
    msg->len = __V__;
    return 0;
}
""",
        NET
        + """
struct __T___msg {
    uint16_t len;
    char body[256];
};

int __F___recv_msg(int fd, struct __T___msg *msg) {
    uint16_t __V__;
    char wire[4096];
    if (recv(fd, &__V__, sizeof(__V__), MSG_WAITALL) != sizeof(__V__)) return -1;
    __V__ = ntohs(__V__);
    if (__V__ > sizeof(msg->body)) return -1;
    if (recv(fd, wire, __V__, MSG_WAITALL) != __V__) return -1;
    memcpy(msg->body, wire, __V__);
    msg->len = __V__;
    return 0;
}
""",
        "c",
    ),
    (
        "buffer",
        "r3-sscanf-unbounded",
        STD
        + """
int __F___parse_line(const char *line) {
    char __V__[32];
    int age;
    if (sscanf(line, "%s %d", __V__, &age) != 2) return -1;
    printf("%s is %d\\n", __V__, age);
    return 0;
}

int main(void) {
    char line[512];
    while (fgets(line, sizeof(line), stdin)) __F___parse_line(line);
    return 0;
}
""",
        STD
        + """
int __F___parse_line(const char *line) {
    char __V__[32];
    int age;
    if (sscanf(line, "%31s %d", __V__, &age) != 2) return -1;
    printf("%s is %d\\n", __V__, age);
    return 0;
}

int main(void) {
    char line[512];
    while (fgets(line, sizeof(line), stdin)) __F___parse_line(line);
    return 0;
}
""",
        "c",
    ),
    (
        "format",
        "r3-printf-user-message",
        STD
        + """
int main(void) {
    char __V__[256];
    if (fgets(__V__, sizeof(__V__), stdin) == NULL) return 1;
    printf(__V__);
    return 0;
}
""",
        STD
        + """
int main(void) {
    char __V__[256];
    if (fgets(__V__, sizeof(__V__), stdin) == NULL) return 1;
    printf("%s", __V__);
    return 0;
}
""",
        "c",
    ),
    (
        "format",
        "r3-syslog-request",
        NET
        + """#include <syslog.h>

void __F___log_request(int fd) {
    char __V__[512];
    ssize_t n = read(fd, __V__, sizeof(__V__) - 1);
    if (n <= 0) return;
    __V__[n] = '\\0';
    syslog(LOG_INFO, __V__);
}
""",
        NET
        + """#include <syslog.h>

void __F___log_request(int fd) {
    char __V__[512];
    ssize_t n = read(fd, __V__, sizeof(__V__) - 1);
    if (n <= 0) return;
    __V__[n] = '\\0';
    syslog(LOG_INFO, "request: %s", __V__);
}
""",
        "c",
    ),
    (
        "command",
        "r3-system-snprintf",
        STD
        + """
int main(int argc, char **argv) {
    char __V__[256];
    if (argc < 2) return 1;
    snprintf(__V__, sizeof(__V__), "tar -czf backup.tgz %s", argv[1]);
    return system(__V__);
}
""",
        STD
        + """#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    pid_t pid = fork();
    if (pid == 0) {
        execlp("tar", "tar", "-czf", "backup.tgz", "--", argv[1], (char *)NULL);
        _exit(127);
    }
    int __V__;
    waitpid(pid, &__V__, 0);
    return WEXITSTATUS(__V__);
}
""",
        "c",
    ),
    (
        "command",
        "r3-popen-allowlist-loop",
        STD
        + """
int __F___service_status(const char *__V__) {
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "systemctl status %s", __V__);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    char line[256];
    while (fgets(line, sizeof(line), p)) fputs(line, stdout);
    return pclose(p);
}

int main(int argc, char **argv) {
    return argc > 1 ? __F___service_status(argv[1]) : 1;
}
""",
        STD
        + """#include <ctype.h>

static int valid_name(const char *s) {
    if (*s == '\\0') return 0;
    for (; *s; s++) {
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_') return 0;
    }
    return 1;
}

int __F___service_status(const char *__V__) {
    char cmd[128];
    if (!valid_name(__V__)) return -1;
    snprintf(cmd, sizeof(cmd), "systemctl status %s", __V__);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    char line[256];
    while (fgets(line, sizeof(line), p)) fputs(line, stdout);
    return pclose(p);
}

int main(int argc, char **argv) {
    return argc > 1 ? __F___service_status(argv[1]) : 1;
}
""",
        "c",
    ),
    (
        "command",
        "r3-cpp-system-string",
        """#include <cstdlib>
#include <iostream>
#include <string>

int main() {
    std::string __V__;
    std::getline(std::cin, __V__);
    std::string cmd = "convert " + __V__ + " -resize 50% thumb.png";
    return std::system(cmd.c_str());
}
""",
        """#include <iostream>
#include <string>
#include <unistd.h>
#include <sys/wait.h>

int main() {
    std::string __V__;
    std::getline(std::cin, __V__);
    pid_t pid = fork();
    if (pid == 0) {
        execlp("convert", "convert", __V__.c_str(), "-resize", "50%", "thumb.png", static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WEXITSTATUS(status);
}
""",
        "cpp",
    ),
    (
        "path",
        "r3-fopen-user-filename",
        NET
        + """
void __F___serve_file(int client, const char *__V__) {
    char path[512];
    snprintf(path, sizeof(path), "/var/www/static/%s", __V__);
    FILE *f = fopen(path, "rb");
    if (!f) return;
    char buf[1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) send(client, buf, n, 0);
    fclose(f);
}

void __F___handle(int client) {
    char req[256];
    ssize_t n = recv(client, req, sizeof(req) - 1, 0);
    if (n <= 0) return;
    req[n] = '\\0';
    __F___serve_file(client, req);
}
""",
        NET
        + """
void __F___serve_file(int client, const char *__V__) {
    char path[512];
    if (strstr(__V__, "..") != NULL || strchr(__V__, '/') != NULL) return;
    snprintf(path, sizeof(path), "/var/www/static/%s", __V__);
    FILE *f = fopen(path, "rb");
    if (!f) return;
    char buf[1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) send(client, buf, n, 0);
    fclose(f);
}

void __F___handle(int client) {
    char req[256];
    ssize_t n = recv(client, req, sizeof(req) - 1, 0);
    if (n <= 0) return;
    req[n] = '\\0';
    __F___serve_file(client, req);
}
""",
        "c",
    ),
    (
        "index",
        "r3-atoi-index-upper-only",
        STD
        + """
static const char *__T___names[] = {"red", "green", "blue", "black"};

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    int __V__ = atoi(argv[1]);
    if (__V__ >= 4) {
        fprintf(stderr, "out of range\\n");
        return 1;
    }
    puts(__T___names[__V__]);
    return 0;
}
""",
        STD
        + """
static const char *__T___names[] = {"red", "green", "blue", "black"};

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    int __V__ = atoi(argv[1]);
    if (__V__ < 0 || __V__ >= 4) {
        fprintf(stderr, "out of range\\n");
        return 1;
    }
    puts(__T___names[__V__]);
    return 0;
}
""",
        "c",
    ),
    (
        "index",
        "r3-packet-slot-index",
        NET
        + """
static int __T___slots[16];

int __F___update(int fd) {
    uint8_t hdr[2];
    if (read(fd, hdr, sizeof(hdr)) != sizeof(hdr)) return -1;
    unsigned int __V__ = hdr[0];
    __T___slots[__V__] = hdr[1];
    return __T___slots[__V__];
}
""",
        NET
        + """
static int __T___slots[16];

int __F___update(int fd) {
    uint8_t hdr[2];
    if (read(fd, hdr, sizeof(hdr)) != sizeof(hdr)) return -1;
    unsigned int __V__ = hdr[0];
    if (__V__ >= sizeof(__T___slots) / sizeof(__T___slots[0])) return -1;
    __T___slots[__V__] = hdr[1];
    return __T___slots[__V__];
}
""",
        "c",
    ),
    (
        "index",
        "r3-cpp-vector-cin",
        """#include <iostream>
#include <vector>

int main() {
    std::vector<int> scores = {10, 20, 30, 40};
    int __V__;
    std::cin >> __V__;
    std::cout << scores[__V__] << std::endl;
    return 0;
}
""",
        """#include <iostream>
#include <vector>

int main() {
    std::vector<int> scores = {10, 20, 30, 40};
    int __V__;
    std::cin >> __V__;
    if (__V__ < 0 || static_cast<size_t>(__V__) >= scores.size()) {
        std::cerr << "bad index" << std::endl;
        return 1;
    }
    std::cout << scores[__V__] << std::endl;
    return 0;
}
""",
        "cpp",
    ),
    (
        "alloc",
        "r3-malloc-count-times-size",
        NET
        + """
struct __T___item {
    uint32_t id;
    char label[60];
};

struct __T___item *__F___read_items(int fd, uint32_t *out_count) {
    uint32_t __V__;
    if (read(fd, &__V__, sizeof(__V__)) != sizeof(__V__)) return NULL;
    __V__ = ntohl(__V__);
    struct __T___item *items = malloc(__V__ * sizeof(struct __T___item));
    if (items == NULL) return NULL;
    if (read(fd, items, __V__ * sizeof(struct __T___item)) < 0) {
        free(items);
        return NULL;
    }
    *out_count = __V__;
    return items;
}
""",
        NET
        + """
struct __T___item {
    uint32_t id;
    char label[60];
};

struct __T___item *__F___read_items(int fd, uint32_t *out_count) {
    uint32_t __V__;
    if (read(fd, &__V__, sizeof(__V__)) != sizeof(__V__)) return NULL;
    __V__ = ntohl(__V__);
    if (__V__ == 0 || __V__ > 4096) return NULL;
    struct __T___item *items = calloc(__V__, sizeof(struct __T___item));
    if (items == NULL) return NULL;
    if (read(fd, items, (size_t)__V__ * sizeof(struct __T___item)) < 0) {
        free(items);
        return NULL;
    }
    *out_count = __V__;
    return items;
}
""",
        "c",
    ),
    (
        "alloc",
        "r3-width-height-image",
        STD
        + """#include <stdint.h>

unsigned char *__F___load_image(FILE *f) {
    uint32_t width, height;
    if (fread(&width, 4, 1, f) != 1 || fread(&height, 4, 1, f) != 1) return NULL;
    size_t __V__ = width * height * 4;
    unsigned char *pixels = malloc(__V__);
    if (!pixels) return NULL;
    fread(pixels, 1, __V__, f);
    return pixels;
}
""",
        STD
        + """#include <stdint.h>

unsigned char *__F___load_image(FILE *f) {
    uint32_t width, height;
    if (fread(&width, 4, 1, f) != 1 || fread(&height, 4, 1, f) != 1) return NULL;
    if (width == 0 || height == 0 || width > 16384 || height > 16384) return NULL;
    size_t __V__ = (size_t)width * height * 4;
    unsigned char *pixels = malloc(__V__);
    if (!pixels) return NULL;
    fread(pixels, 1, __V__, f);
    return pixels;
}
""",
        "c",
    ),
    (
        "null-deref",
        "r3-malloc-unchecked-copy",
        STD
        + """
char *__F___dup_upper(const char *__V__) {
    size_t n = strlen(__V__);
    char *out = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        out[i] = (char)(__V__[i] >= 'a' && __V__[i] <= 'z' ? __V__[i] - 32 : __V__[i]);
    }
    out[n] = '\\0';
    return out;
}
""",
        STD
        + """
char *__F___dup_upper(const char *__V__) {
    size_t n = strlen(__V__);
    char *out = malloc(n + 1);
    if (out == NULL) return NULL;
    for (size_t i = 0; i < n; i++) {
        out[i] = (char)(__V__[i] >= 'a' && __V__[i] <= 'z' ? __V__[i] - 32 : __V__[i]);
    }
    out[n] = '\\0';
    return out;
}
""",
        "c",
    ),
    (
        "null-deref",
        "r3-realloc-buffer-grow",
        STD
        + """
struct __T___buf {
    char *data;
    size_t len;
    size_t cap;
};

void __F___append(struct __T___buf *b, const char *__V__, size_t n) {
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, __V__, n);
    b->len += n;
}
""",
        STD
        + """
struct __T___buf {
    char *data;
    size_t len;
    size_t cap;
};

int __F___append(struct __T___buf *b, const char *__V__, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = (b->len + n) * 2;
        char *grown = realloc(b->data, cap);
        if (grown == NULL) return -1;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, __V__, n);
    b->len += n;
    return 0;
}
""",
        "c",
    ),
    (
        "use-after-free",
        "r3-free-then-log",
        STD
        + """
struct __T___session {
    char user[32];
    int id;
};

void __F___close_session(struct __T___session *__V__) {
    free(__V__);
    printf("closed session %d for %s\\n", __V__->id, __V__->user);
}
""",
        STD
        + """
struct __T___session {
    char user[32];
    int id;
};

void __F___close_session(struct __T___session *__V__) {
    printf("closed session %d for %s\\n", __V__->id, __V__->user);
    free(__V__);
}
""",
        "c",
    ),
    (
        "use-after-free",
        "r3-double-free-error-path",
        STD
        + """
int __F___process(const char *path) {
    char *__V__ = malloc(4096);
    if (!__V__) return -1;
    FILE *f = fopen(path, "rb");
    if (!f) {
        free(__V__);
        goto fail;
    }
    fread(__V__, 1, 4096, f);
    fclose(f);
    free(__V__);
    return 0;
fail:
    free(__V__);
    return -1;
}
""",
        STD
        + """
int __F___process(const char *path) {
    char *__V__ = malloc(4096);
    if (!__V__) return -1;
    FILE *f = fopen(path, "rb");
    if (!f) {
        goto fail;
    }
    fread(__V__, 1, 4096, f);
    fclose(f);
    free(__V__);
    return 0;
fail:
    free(__V__);
    return -1;
}
""",
        "c",
    ),
    (
        "weak-random",
        "r3-rand-session-token",
        STD
        + """#include <time.h>

void __F___make_token(char *__V__, size_t len) {
    static const char hex[] = "0123456789abcdef";
    srand((unsigned)time(NULL));
    for (size_t i = 0; i + 1 < len; i++) {
        __V__[i] = hex[rand() % 16];
    }
    __V__[len - 1] = '\\0';
}
""",
        STD
        + """#include <sys/random.h>

int __F___make_token(char *__V__, size_t len) {
    static const char hex[] = "0123456789abcdef";
    unsigned char raw[64];
    if (len == 0 || len - 1 > sizeof(raw)) return -1;
    if (getrandom(raw, len - 1, 0) != (ssize_t)(len - 1)) return -1;
    for (size_t i = 0; i + 1 < len; i++) {
        __V__[i] = hex[raw[i] & 0x0f];
    }
    __V__[len - 1] = '\\0';
    return 0;
}
""",
        "c",
    ),
    (
        "weak-hash",
        "r3-openssl-sha1-password",
        """#include <string.h>
#include <openssl/sha.h>

void __F___hash_password(const char *__V__, unsigned char out[SHA_DIGEST_LENGTH]) {
    SHA1((const unsigned char *)__V__, strlen(__V__), out);
}
""",
        """#include <string.h>
#include <openssl/evp.h>

int __F___hash_password(const char *__V__, const unsigned char *salt, size_t salt_len, unsigned char out[32]) {
    return PKCS5_PBKDF2_HMAC(__V__, (int)strlen(__V__), salt, (int)salt_len, 310000, EVP_sha256(), 32, out);
}
""",
        "c",
    ),
    (
        "temp-file",
        "r3-tmpnam-scratch",
        STD
        + """
FILE *__F___scratch(void) {
    char __V__[L_tmpnam];
    tmpnam(__V__);
    return fopen(__V__, "w+");
}
""",
        STD
        + """#include <unistd.h>

FILE *__F___scratch(void) {
    char __V__[] = "/tmp/scratch-XXXXXX";
    int fd = mkstemp(__V__);
    if (fd < 0) return NULL;
    unlink(__V__);
    return fdopen(fd, "w+");
}
""",
        "c",
    ),
    (
        "file-mode",
        "r3-open-creat-0666",
        """#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int __F___save_key(const char *__V__) {
    int fd = open("/var/lib/app/private.key", O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) return -1;
    write(fd, __V__, strlen(__V__));
    return close(fd);
}
""",
        """#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int __F___save_key(const char *__V__) {
    int fd = open("/var/lib/app/private.key", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return -1;
    write(fd, __V__, strlen(__V__));
    return close(fd);
}
""",
        "c",
    ),
]

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (category, name, _c(vulnerable), _c(safe), extension)
    for category, name, vulnerable, safe, extension in _RAW
]
