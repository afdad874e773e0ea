"""Models as data: what libraries and frameworks do with untrusted data, read from TOML files.

Each file `analyzers/models/<language>/<framework>.toml` describes one framework or library family:

- `[types]`: the type of what a call or attribute returns (`"sqlite3.connect" = "sqlite3.Connection"`),
  so methods on the result are named by type (`sqlite3.Connection.cursor`).
- `[[source]]`: where untrusted data enters, of a `kind` (`http`, `cli`, `env`, `file`, `network`,
  `database`, or `random` for predictable randomness): `refs` read or called (`flask.request.args`,
  `os.getenv()`), or parameters of decorated functions (`decorators`, `parameters = "route"` for the
  route's placeholders or `"all"`), of annotated types (`annotations`) or with given `names`; a called
  ref with `outputs` fills those arguments instead of returning the data (`recv(fd, buf, n, 0)`).
- `[[sink]]`: where data must not arrive: a `kind` (which selects the rule), `cwe`, `calls` (qualified,
  or `*.method` for any receiver), the `args` that matter (positions, keyword names, `receiver`),
  conditions `when`/`unless` on the call's arguments, `argv = true` for a program's argument vector,
  `element` to look only at one element of a tuple (or one key of a dict), `shallow` to count only
  the value's own data (not its items'), `origins` to count only data that entered at these source
  refs (`flask.request.files`; `!ref`: not there), `flag` a typestate the argument (or `flag_arg`) must carry and
  `absent_flag` one it must lack,
  `text` a shape the constant part of the string must have (`sql`), `sources` to restrict the source
  kinds; or `stores` (item and attribute stores into these refs), `attributes` (stores into an
  attribute of this name on any object, `innerHTML`, or of a qualified one, `koa.Context.body`) or
  `returns` (values returned by functions with these decorators, or named `def:*token*`). A sink without `args` reports the call itself;
  `unless_then` lists methods that, called at once on the call's result, make it no sink
  (`new File(name).getName()` opens nothing); `marked = "product"` counts only data that went through
  a multiplication or a left shift (an allocation size that may wrap around); `direct = true` counts
  only data that reached the sink without going through a library call the models do not describe
  (an id looked up by name, a count returned by a helper: not the input itself).
- `[[sanitizer]]`: calls whose result is safe for the sink kinds in `clears` (`*`: every kind); with
  `own = true` the names also apply to the program's own functions (`*escape_html`).
- `[[propagator]]`: calls that move data in a way the default does not (the default: a call's result
  holds the data of its receiver and arguments): `action` is one of the engine's container operations.
- `[[flag]]`: calls that set a typestate `flag` on their `receiver` or `result` when `when` holds;
  with `carry = true`, on the result only when the receiver holds it (a factory's settings passed on
  to what it makes: `factory.newDocumentBuilder()`); `on = "argument"` flags the argument at `position`
  (`free(p)` marks `p` freed); `until = "null-check"` drops the flag on the way out of a branch that
  proved the value not null (`if (!p) return;` after `p = malloc(n)`).
- `exits`: calls that never return (`sys.exit`, `flask.abort`): code after them is not reached.
- `[[guard]]`: checks (`marks`, all required) that make data safe for the sink kinds in `clears` on the
  branch where they hold.

A condition is a table: `{position = 0, keyword = "shell", equals = [true], ref = "...", absent = true}`:
the argument is looked up by keyword, then by position (then, with `key`, that key of it: an options
object); `equals` lists constants one of which it must
be, `ref` the qualified name it must be, `prefix` the start of the constant string it must be
(`http://`), `removes` characters that the argument, a regular expression
that is one character class (`[<>&"']`, `/[\r\n]/g`), must all match (a replacement that removes or
rewrites them), and `absent = true` lets a missing argument satisfy it.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import field
from functools import cache
from pathlib import Path
from typing import Any

from analyzers.record import record

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
ACTIONS = frozenset(
    {"append", "extend", "insert", "pop", "get", "store", "load", "update", "copy", "absorb", "identity", "items",
     "keys", "values", "join", "derive", "format", "new-list", "new-dict", "flatten", "fill", "emit"}
)  # fmt: skip


class ModelError(ValueError):
    """A model file does not follow the schema; the message names the file and the entry."""


@record
class Condition:
    position: int | None = None
    keyword: str | None = None
    equals: tuple[object, ...] | None = None
    ref: str | None = None
    absent: bool = False
    key: str | None = None  # the argument is an object or dict: look at this key of it
    removes: str | None = None  # the argument is a regular expression of one class holding these characters
    prefix: str | None = None  # the argument is a constant string starting with this (`http://`)
    length_of: int | None = None  # the argument is the length of the argument at this position


@record
class Source:
    kind: str
    origin: str  # the file that declared it
    refs: tuple[str, ...] = ()
    decorators: tuple[str, ...] = ()
    parameters: str = ""  # route, all, rest
    annotations: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    type: str | None = None  # the parameter's type, for models of its attributes
    imports: tuple[str, ...] = ()  # the module must import one of these
    position: int = 0  # for `names`: the parameter's position (the receiver not counted)
    markers: tuple[str, ...] = ()  # parameters carrying one of these annotations (`RequestParam`)
    outputs: tuple[int, ...] = ()  # for called refs: the arguments the call fills (`recv(fd, buf, ...)`)


@record
class Sink:
    kind: str
    cwe: tuple[int, ...]
    origin: str
    calls: tuple[str, ...] = ()
    args: tuple[int | str, ...] = ()
    when: tuple[Condition, ...] = ()
    unless: tuple[Condition, ...] = ()
    argv: bool = False
    element: int | str | None = None
    flag: str | None = None
    flag_arg: int | str | None = None
    absent_flag: str | None = None  # report only when the flag holder lacks this flag
    shallow: bool = False  # only the value's own data, not what its items or attributes hold
    imports: tuple[str, ...] = ()  # for `returns`: the module must import one of these
    origins: tuple[str, ...] = ()  # only data that entered here (a source ref, globs allowed)
    text: str | None = None
    sources: tuple[str, ...] | None = None
    stores: tuple[str, ...] = ()
    returns: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()  # attribute stores: `innerHTML` on any object, or `koa.Context.body`
    unless_then: tuple[str, ...] = ()  # not when the result is only read by one of these methods
    marked: str | None = None  # only data that carries this mark (`product`: it went through `*`)
    direct: bool = False  # not data that went through a library call the models do not describe
    format_arg: int | None = None  # a printf format here: arguments it quotes (`%q`) are not checked
    named_by: int | str | None = None  # the name the data is stored under: a check of it covers the data
    fields: bool = False  # the fields of a dict argument, those not made a string or number (`str(x)`)
    note: str = ""


@record
class Sanitizer:
    calls: tuple[str, ...]
    clears: frozenset[str]
    when: tuple[Condition, ...] = ()
    own: bool = False  # also names the program's own functions (taken at their word, bodies not read)


@record
class Propagator:
    calls: tuple[str, ...]
    action: str
    key: tuple[int, ...] = (0,)
    value: int = 1


@record
class Flag:
    calls: tuple[str, ...]
    flag: str
    on: str = "result"  # result, receiver, or argument (the one at `position`: `free(p)`)
    when: tuple[Condition, ...] = ()
    carry: bool = False  # on the result only when the receiver holds the flag (`factory.newBuilder()`)
    position: int = 0  # for `on = "argument"`
    until: str | None = None  # `null-check`: a branch proving the value not null drops the flag


@record
class Guard:
    marks: frozenset[str]
    clears: frozenset[str]


@record
class Callback:
    """A function handed to a library call that the library calls back (multer's `filename` option):
    it is run with parameters of the types the library gives it."""

    calls: tuple[str, ...]
    position: int = 0  # the argument holding the function (or the options object holding it)
    key: str | None = None  # the option of that object holding the function
    parameters: tuple[str, ...] = ()  # the type of each parameter, in order ("" for none)


@record
class Models:
    """Every model of one language, with indexes by call name for the interpreter."""

    language: str
    files: tuple[str, ...] = ()
    types: Mapping[str, str] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    sinks: tuple[Sink, ...] = ()
    sanitizers: tuple[Sanitizer, ...] = ()
    propagators: tuple[Propagator, ...] = ()
    flags: tuple[Flag, ...] = ()
    guards: tuple[Guard, ...] = ()
    callbacks: tuple[Callback, ...] = ()
    source_refs: Mapping[str, Source] = field(default_factory=dict)
    exits: frozenset[str] = frozenset()  # calls that never return (`sys.exit`, `flask.abort`)

    @property
    def null_checked(self) -> frozenset[str]:
        """The flags a null check drops (`until = "null-check"`)."""
        return frozenset(flag.flag for flag in self.flags if flag.until == "null-check")

    @property
    def sourced_sinks(self) -> bool:
        """Whether every sink that reads arguments counts only data from a source (never `unknown`)."""
        return bool(self.sinks) and all(
            sink.sources is not None and "unknown" not in sink.sources for sink in self.sinks if sink.args
        )

    @property
    def marks_calls(self) -> bool:
        """Whether a `direct` sink needs the results of undescribed library calls marked `called`."""
        known = _MARKS_CALLS.get(id(self))
        if known is None or known[0] is not self:
            known = _MARKS_CALLS[id(self)] = (self, any(sink.direct for sink in self.sinks))
        return known[1]

    @property
    def return_sinks(self) -> tuple[Sink, ...]:
        """The sinks on what functions return (`returns`), looked up once per set of models."""
        known = _RETURN_SINKS.get(id(self))
        if known is None or known[0] is not self:
            known = _RETURN_SINKS[id(self)] = (self, tuple(sink for sink in self.sinks if sink.returns))
        return known[1]

    @property
    def named_returns(self) -> bool:
        """Whether a sink reads what functions of a given name return (`returns = ["def:*token*"]`)."""
        return any(p.startswith("def:") for sink in self.return_sinks for p in sink.returns)

    @property
    def source_holders(self) -> frozenset[str]:
        """Qualified names of values that sources are read from (`flask.request`,
        `django.http.HttpRequest`): a call given one of these may read untrusted data."""
        return _holders(self)

    @property
    def qualified_names(self) -> frozenset[str]:
        """Every qualified name the models mention and its prefixes (`java.io.File`, `java.io`)."""
        return _qualified(self)

    @property
    def sink_words(self) -> tuple[str, ...]:
        """Words that show a function may reach a sink itself: a sink's call (`execute(`) or the
        container it stores into (`session`)."""
        return _sink_words(self)

    @property
    def source_words(self) -> tuple[str, ...]:
        """Words that show a function may give its result data or a type of its own: it reads a
        source (`request.args`, `getenv(`), sets a flag (`setFeature(`) or makes a typed value
        (`connect(`)."""
        return _words(self)

    def matching(self, entries: tuple[Any, ...], ref: str | None, method: str | None) -> list[Any]:
        """The entries whose `calls` name this call, those naming it exactly first, then by pattern,
        then by method name alone (`*.get`); answers are kept (model lists never change)."""
        key = (id(entries), ref, method)
        known = _MATCHES.get(key)
        if known is not None and known[0] is entries:
            return known[1]
        found = _matching(entries, ref, method)
        if len(_MATCHES) >= _MAX_MATCHES:
            _MATCHES.clear()
        _MATCHES[key] = (entries, found)
        return found


_MARKS_CALLS: dict[int, tuple[Models, bool]] = {}
_RETURN_SINKS: dict[int, tuple[Models, tuple[Sink, ...]]] = {}
_MATCHES: dict[tuple[int, str | None, str | None], tuple[tuple[Any, ...], list[Any]]] = {}
_MAX_MATCHES = 20_000


def _matching(entries: tuple[Any, ...], ref: str | None, method: str | None) -> list[Any]:
    index = _index(entries)
    exact = index.exact.get(ref, []) if ref is not None else []
    named = [] if method is None else index.methods.get(method, [])
    if ref is not None:
        last = ref.rsplit(".", 1)[-1]
        named = named + [e for e in index.methods.get(last, []) if e not in named]
    globbed = [e for pattern, e in index.globs if ref is not None and fnmatch.fnmatchcase(ref, pattern)]
    ordered: list[Any] = []
    for entry in [*exact, *globbed, *named]:
        if entry not in ordered:
            ordered.append(entry)
    return ordered


_DERIVED: dict[int, tuple[Models, frozenset[str], tuple[str, ...]]] = {}


def _derive(models: Models) -> tuple[frozenset[str], tuple[str, ...]]:
    known = _DERIVED.get(id(models))
    if known is not None and known[0] is models:
        return known[1], known[2]
    holders: set[str] = {s.type for s in models.sources if s.type}
    words: set[str] = set()
    for ref in models.source_refs:
        parts = ref.removesuffix("()").split(".")
        holders.update(".".join(parts[:cut]) for cut in range(2, len(parts)))
        last = parts[-1]
        words.add(f"{last}(" if ref.endswith("()") else (f".{last}" if len(parts) > 1 else last))
    for flag in models.flags:
        words.update(f"{call.rsplit('.', 1)[-1]}(" for call in flag.calls)
    words.update(_type_word(models.language, call) for call in models.types if "." in call)
    _DERIVED[id(models)] = (models, frozenset(holders), tuple(sorted(words)))
    return frozenset(holders), tuple(sorted(words))


def _type_word(language: str, call: str) -> str:
    """The text that shows a call whose result the models type. In Java the class is named with the
    method (`DocumentBuilderFactory.newInstance(`): a bare `newInstance(` is also every reflective
    constructor call, which would make every such function worth interpreting."""
    parts = call.split(".")
    if language == "java" and len(parts) > 1 and parts[-2][:1].isupper():
        return f"{parts[-2]}.{parts[-1]}("
    return f"{parts[-1]}("


_SINK_WORDS: dict[int, tuple[Models, tuple[str, ...]]] = {}


def _sink_words(models: Models) -> tuple[str, ...]:
    known = _SINK_WORDS.get(id(models))
    if known is not None and known[0] is models:
        return known[1]
    words: set[str] = set()
    for sink in models.sinks:
        for call in sink.calls:
            last = call.rsplit(".", 1)[-1]
            if call.startswith("jsx."):  # a JSX attribute, written `name=`
                words.add(f"{last}=")
                continue
            words.add(f"{last}(" if "*" not in last else last.replace("*", ""))
        words.update(attribute.rsplit(".", 1)[-1] for attribute in sink.attributes)
        words.update(store.rsplit(".", 1)[-1].replace("*", "") for store in sink.stores)
    words.update(f"{call.rsplit('.', 1)[-1]}(" for callback in models.callbacks for call in callback.calls)
    result = tuple(sorted(word for word in words if word))
    _SINK_WORDS[id(models)] = (models, result)
    return result


_QUALIFIED: dict[int, tuple[Models, frozenset[str]]] = {}


def _qualified(models: Models) -> frozenset[str]:
    known = _QUALIFIED.get(id(models))
    if known is not None and known[0] is models:
        return known[1]
    names: set[str] = set()
    written = [*models.types, *models.types.values(), *models.source_refs]
    for entries in (models.sinks, models.sanitizers, models.propagators, models.flags):
        written += [call for entry in entries for call in entry.calls]
    for name in written:
        parts = name.removesuffix("()").split(".")
        names.update(".".join(parts[:cut]) for cut in range(1, len(parts) + 1))
    result = frozenset(names)
    _QUALIFIED[id(models)] = (models, result)
    return result


def _holders(models: Models) -> frozenset[str]:
    return _derive(models)[0]


def _words(models: Models) -> tuple[str, ...]:
    return _derive(models)[1]


@record
class _CallIndex:
    exact: dict[str, list[Any]]
    methods: dict[str, list[Any]]
    globs: list[tuple[str, Any]]


_INDEXES: dict[int, tuple[tuple[Any, ...], _CallIndex]] = {}


def _index(entries: tuple[Any, ...]) -> _CallIndex:
    """The entries of one model list by the names they call (built once per list)."""
    known = _INDEXES.get(id(entries))
    if known is not None and known[0] is entries:
        return known[1]
    index = _CallIndex({}, {}, [])
    for entry in entries:
        for pattern in getattr(entry, "calls", ()):
            if pattern.startswith("*.") and "*" not in pattern[2:]:
                index.methods.setdefault(pattern[2:], []).append(entry)
            elif "*" in pattern:
                index.globs.append((pattern, entry))
            else:
                index.exact.setdefault(pattern, []).append(entry)
    _INDEXES[id(entries)] = (entries, index)
    return index


def call_matches(patterns: Iterable[str], ref: str | None, method: str | None) -> bool:
    """Whether a call of `ref` (or of method `method` on a receiver of unknown type) is named by one
    of `patterns`: a qualified name, `*.name` (any receiver or module), or a glob (`*escape_html`)."""
    for pattern in patterns:
        if pattern.startswith("*.") and "*" not in pattern[2:]:
            name = pattern[2:]
            if method == name or (ref is not None and (ref == name or ref.endswith("." + name))):
                return True
        elif "*" in pattern:
            if ref is not None and fnmatch.fnmatchcase(ref, pattern):
                return True
        elif pattern == ref:
            return True
    return False


@cache
def load_models(language: str) -> Models:
    """Every model file of `language`, read once per process."""
    from analyzers.flow.schema import merge, read_model

    folder = MODELS_DIR / language
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return merge(language, [read_model(path) for path in files])
