"""Capabilities a change starts to use: process execution, network, file system, crypto,
deserialization, environment and secrets access, dynamic code.

One small tree-sitter query per language finds calls (and a few member accesses) inside the added
lines only; the callee's dotted name is then looked up in per-language tables. A table entry ending in
`.` matches a prefix (`subprocess.`), one starting with `.` a method suffix, anything else exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from tree_sitter import Node, Tree

from analyzers.contract.query import captures, compile_query
from analyzers.record import record
from app.context.scopes import added_runs

PROCESS, NETWORK, FILES = "process-execution", "network", "file-system"
CRYPTO, DESERIALIZE = "crypto", "deserialization"
ENVIRONMENT, DYNAMIC = "environment-access", "dynamic-code"

CALL_TYPES: dict[str, tuple[str, ...]] = {
    "python": ("call",),
    "javascript": ("call_expression", "new_expression"),
    "typescript": ("call_expression", "new_expression"),
    "tsx": ("call_expression", "new_expression"),
    "go": ("call_expression",),
    "java": ("method_invocation", "object_creation_expression"),
    "ruby": ("call", "subshell"),
    "php": (
        "function_call_expression",
        "member_call_expression",
        "scoped_call_expression",
        "object_creation_expression",
    ),
    "c": ("call_expression",),
    "cpp": ("call_expression",),
    "csharp": ("invocation_expression", "object_creation_expression"),
    "rust": ("call_expression",),
    "bash": ("command",),
}
REFERENCE_TYPES: dict[str, tuple[str, ...]] = {
    "python": ("attribute",),
    "javascript": ("member_expression",),
    "typescript": ("member_expression",),
    "tsx": ("member_expression",),
    "ruby": ("element_reference",),
    "php": ("subscript_expression",),
}

_COMMON_C = {
    PROCESS: "system popen execl execlp execle execv execvp execve fork posix_spawn",
    NETWORK: "socket connect getaddrinfo curl_easy_perform send recv",
    FILES: "fopen open unlink remove rename mkdir chmod",
    CRYPTO: "EVP_ MD5 SHA1 RAND_bytes",
    ENVIRONMENT: "getenv secure_getenv",
    DYNAMIC: "dlopen dlsym",
}
_JS = {
    PROCESS: "child_process. exec execSync execFile execFileSync spawn spawnSync fork",
    NETWORK: "fetch axios axios. http.request http.get https.request https.get net.connect "
    "net.createConnection XMLHttpRequest WebSocket got got. request superagent.",
    FILES: "fs. fsPromises. readFile readFileSync writeFile writeFileSync unlink unlinkSync rm rmSync",
    CRYPTO: "crypto. createHash createHmac createCipheriv createDecipheriv subtle.",
    DESERIALIZE: "unserialize serialize.unserialize v8.deserialize",
    ENVIRONMENT: "process.env",
    DYNAMIC: "eval Function vm. vm.runInNewContext vm.runInThisContext setTimeout setInterval",
}
TABLES: dict[str, dict[str, str]] = {
    "python": {
        PROCESS: "subprocess. os.system os.popen os.spawnl os.spawnv os.execv os.execl os.execve "
        "os.execvp os.execlp os.fork pty.spawn commands.getoutput asyncio.create_subprocess_exec "
        "asyncio.create_subprocess_shell",
        NETWORK: "requests. httpx. urllib.request. urlopen urllib3. socket. http.client. aiohttp. "
        "ftplib. smtplib. paramiko. websocket. websockets.",
        FILES: "open os.remove os.unlink os.rmdir os.makedirs os.mkdir os.chmod os.rename shutil. "
        "tempfile. .write_text .write_bytes .read_text .read_bytes .unlink .rmtree io.open",
        CRYPTO: "hashlib. hmac. secrets. ssl. cryptography. Crypto. Cryptodome. nacl. jwt. bcrypt.",
        DESERIALIZE: "pickle. cPickle. dill. marshal.loads marshal.load shelve.open yaml.load "
        "yaml.unsafe_load yaml.full_load jsonpickle.decode joblib.load torch.load",
        ENVIRONMENT: "os.environ os.getenv os.environ.get os.putenv dotenv. load_dotenv getpass.",
        DYNAMIC: "eval exec compile __import__ importlib.import_module runpy. ctypes.",
    },
    "javascript": _JS,
    "typescript": _JS,
    "tsx": _JS,
    "go": {
        PROCESS: "exec.Command exec.CommandContext syscall.Exec os.StartProcess",
        NETWORK: "http.Get http.Post http.PostForm http.NewRequest http.NewRequestWithContext "
        "net.Dial net.DialTimeout net.Listen http.ListenAndServe grpc.Dial",
        FILES: "os.Open os.OpenFile os.Create os.WriteFile os.ReadFile os.Remove os.RemoveAll "
        "os.Mkdir os.MkdirAll os.Chmod ioutil.",
        CRYPTO: "md5. sha1. sha256. sha512. aes. cipher. rsa. hmac. rand.Read tls. x509.",
        DESERIALIZE: "gob.NewDecoder",
        ENVIRONMENT: "os.Getenv os.LookupEnv os.Environ os.Setenv",
        DYNAMIC: "plugin.Open reflect.ValueOf",
    },
    "java": {
        PROCESS: "Runtime.getRuntime.exec ProcessBuilder",
        NETWORK: "URL .openConnection HttpClient. HttpClient.newHttpClient Socket ServerSocket "
        "HttpURLConnection RestTemplate WebClient.",
        FILES: "Files. FileInputStream FileOutputStream FileReader FileWriter RandomAccessFile",
        CRYPTO: "MessageDigest.getInstance Cipher.getInstance Mac.getInstance SecureRandom "
        "KeyGenerator.getInstance Signature.getInstance",
        DESERIALIZE: "ObjectInputStream .readObject XMLDecoder .fromXML",
        ENVIRONMENT: "System.getenv System.getProperty",
        DYNAMIC: "Class.forName .newInstance ScriptEngineManager .getEngineByName",
    },
    "ruby": {
        PROCESS: "system exec spawn ` IO.popen Open3. Kernel.system Kernel.exec Process.spawn",
        NETWORK: "Net::HTTP. Net::HTTP Faraday. HTTParty. RestClient. TCPSocket.new URI.open",
        FILES: "File. FileUtils. Dir. IO.read IO.write Pathname.new",
        CRYPTO: "Digest:: OpenSSL:: SecureRandom. BCrypt::",
        DESERIALIZE: "Marshal.load YAML.load Psych.load YAML.unsafe_load Oj.load",
        ENVIRONMENT: "ENV ENV.fetch",
        DYNAMIC: "eval instance_eval class_eval module_eval send public_send const_get",
    },
    "php": {
        PROCESS: "shell_exec system exec passthru proc_open popen pcntl_exec",
        NETWORK: "curl_exec curl_init fsockopen file_get_contents stream_socket_client",
        FILES: "fopen file_put_contents unlink rmdir mkdir chmod rename move_uploaded_file",
        CRYPTO: "md5 sha1 hash openssl_ mcrypt_ random_bytes password_hash crypt",
        DESERIALIZE: "unserialize",
        ENVIRONMENT: "getenv putenv $_ENV $_SERVER",
        DYNAMIC: "eval assert create_function call_user_func call_user_func_array preg_replace",
    },
    "c": _COMMON_C,
    "cpp": {**_COMMON_C, PROCESS: _COMMON_C[PROCESS] + " std::system"},
    "csharp": {
        PROCESS: "Process.Start ProcessStartInfo",
        NETWORK: "HttpClient WebClient WebRequest.Create TcpClient Socket",
        FILES: "File. Directory. FileStream StreamWriter StreamReader",
        CRYPTO: "MD5.Create SHA1.Create SHA256.Create Aes.Create RSA.Create RandomNumberGenerator.",
        DESERIALIZE: "BinaryFormatter .Deserialize JsonConvert.DeserializeObject",
        ENVIRONMENT: "Environment.GetEnvironmentVariable Environment.GetEnvironmentVariables",
        DYNAMIC: "Assembly.Load Assembly.LoadFrom Activator.CreateInstance CSharpScript.",
    },
    "rust": {
        PROCESS: "Command::new std::process::Command::new process::Command::new",
        NETWORK: "reqwest:: TcpStream::connect TcpListener::bind UdpSocket::bind hyper::",
        FILES: "fs:: std::fs:: File::open File::create OpenOptions::new",
        CRYPTO: "ring:: sha2:: md5:: aes:: rand:: openssl::",
        DESERIALIZE: "bincode::deserialize serde_pickle::",
        ENVIRONMENT: "env::var std::env::var env::vars std::env::vars env::var_os",
        DYNAMIC: "libloading::Library::new",
    },
    "bash": {
        NETWORK: "curl wget nc ncat ssh scp rsync",
        FILES: "rm chmod chown dd",
        CRYPTO: "openssl gpg",
        DYNAMIC: "eval source .",
    },
}
_PARENS = re.compile(r"\([^()]*\)")
_SPACE = re.compile(r"\s+")
_MAX_CALLEE = 120


@record
class CapabilityUse:
    capability: str
    path: str
    line: int
    callee: str


@record
class _Lookup:
    exact: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]  # (prefix, capability), longest first
    suffixes: tuple[tuple[str, str], ...]


@cache
def _lookup(language: str) -> _Lookup:
    """The table of one language, indexed once: exact names, prefixes and method suffixes."""
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    suffixes: list[tuple[str, str]] = []
    for capability, entries in TABLES.get(language, {}).items():
        for entry in entries.split():
            if entry.endswith((".", "::")):
                prefixes.append((entry, capability))
                exact.setdefault(entry.rstrip(".:"), capability)
            elif entry.startswith("."):
                suffixes.append((entry, capability))
            else:
                exact.setdefault(entry, capability)
    prefixes.sort(key=lambda item: -len(item[0]))
    return _Lookup(exact, tuple(prefixes), tuple(suffixes))


def _query_source(language: str) -> str:
    parts = [f"({name}) @call" for name in CALL_TYPES[language]]
    parts += [f"({name}) @ref" for name in REFERENCE_TYPES.get(language, ())]
    return "\n".join(parts)


def _arguments(node: Node) -> Node | None:
    found = node.child_by_field_name("arguments")
    if found is not None:
        return found
    for child in node.named_children:
        if child.type in ("arguments", "argument_list"):
            return child
    return None


def callee_name(node: Node) -> str:
    """The dotted name a call node invokes: `subprocess.run`, `Runtime.getRuntime.exec`."""
    if node.type == "subshell":
        return "`"
    if node.type == "command":
        name = node.child_by_field_name("name")
        return _text(name)[:_MAX_CALLEE]
    end = _arguments(node)
    raw = node.text or b""
    if end is not None:
        raw = raw[: end.start_byte - node.start_byte]
    text = raw.decode("utf-8", "replace")[:_MAX_CALLEE].strip()
    text = text.removeprefix("new ").strip()
    previous = None
    while previous != text:
        previous, text = text, _PARENS.sub("", text)
    return _SPACE.sub("", text).replace("->", ".").replace("?.", ".")


def _text(node: Node | None) -> str:
    return (node.text or b"").decode("utf-8", "replace") if node is not None else ""


def _reference_name(node: Node) -> str:
    text = _text(node)[:_MAX_CALLEE]
    return _SPACE.sub("", text.split("[", 1)[0])


def capability_of(language: str, name: str) -> str | None:
    """The capability a callee name stands for in `language`, if any."""
    lookup = _lookup(language)
    found = lookup.exact.get(name)
    if found is not None:
        return found
    for prefix, capability in lookup.prefixes:
        if name.startswith(prefix):
            return capability
    for suffix, capability in lookup.suffixes:
        if name.endswith(suffix):
            return capability
    return None


def _names(language: str, tree: Tree, runs: Iterable[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    query = compile_query(language, _query_source(language))
    for start, end in runs:
        found = captures(query, tree.root_node, lines=(start, end))
        named = [(node, callee_name) for node in found.get("call", [])]
        named += [(node, _reference_name) for node in found.get("ref", [])]
        named.sort(key=lambda pair: (pair[0].start_byte, pair[0].end_byte))  # capture order varies
        for node, name_of in named:
            yield node.start_point.row + 1, name_of(node)


def find_capabilities(
    language: str | None,
    tree: Tree | None,
    path: str,
    added: Iterable[int],
    base_text: str | None = None,
) -> tuple[CapabilityUse, ...]:
    """Capabilities used on added lines and not already named in the file's base version."""
    if language not in CALL_TYPES or tree is None:
        return ()
    wanted = set(added)
    found: dict[tuple[str, int], CapabilityUse] = {}
    for line, name in _names(language, tree, added_runs(wanted)):
        if line not in wanted or not name:
            continue
        capability = capability_of(language, name)
        if capability is None or (base_text and name in base_text):
            continue
        found.setdefault((capability, line), CapabilityUse(capability, path, line, name))
    return tuple(sorted(found.values(), key=lambda use: (use.line, use.capability)))
