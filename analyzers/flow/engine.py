"""The engine: every changed function interpreted, callees followed with the values they receive.

Each function that holds a changed line is an entry: its parameters are untrusted where a model says
so (a routed view's URL parameters, a Django view's `request`) and of unknown origin otherwise. A call
to a function of the program is followed with the abstract values of its arguments (the function's
summary in that context, kept per context), up to `MAX_DEPTH` calls deep and `MAX_CONTEXTS` contexts
per function; past a bound, or past the time budget, a call is treated like a library call the models
do not know (its result holds its arguments' data) and the hits found that way are marked `bounded`,
so a finding falls back to the plain confidence scale instead of vanishing.
"""

from __future__ import annotations

import builtins
import re
import time
from collections.abc import Mapping
from dataclasses import replace

from analyzers.base import TraceStep as Step
from analyzers.flow.hit import Hit
from analyzers.flow.interpret import FunctionRun, Outcome
from analyzers.flow.ir import Assign, Function, Import, Param
from analyzers.flow.model import Models, load_models
from analyzers.flow.program import Program
from analyzers.flow.value import (
    EMPTY,
    RECEIVER,
    Fact,
    Value,
    placeholder,
    substitute,
    substitute_facts,
    summarize,
)

MAX_DEPTH = 5  # calls followed below an entry
MAX_CONTEXTS = 8  # contexts analysed per function with their constants
MAX_SUMMARIES = 4  # summaries per function (of differently shaped arguments) beyond the contexts
# Time bounds are processor time of the thread running the engine (`time.thread_time`), not wall time:
# a bound is there to stop hostile input, and on a loaded machine wall time would cut a file short
# (and so lower findings to the fallback confidence) on one run and not on the next.
BUDGET_SECONDS = 120.0  # for following calls in a whole change
FILE_BUDGET_SECONDS = 3.0  # for following calls from the entries of one file
FILE_STEPS = 100_000  # statements interpreted from the entries of one file (a bound on work, not time)
MAX_FACTS_PER_HIT = 16
_BUILTINS = frozenset(dir(builtins))
# Java names every file sees without an import.
_JAVA_LANG = frozenset({"String", "Integer", "Long", "Double", "Float", "Boolean", "Character", "Byte", "Short",
                        "Math", "System", "Object", "StringBuilder", "StringBuffer", "Runtime", "ProcessBuilder",
                        "Process", "Thread", "Class", "Exception", "RuntimeException", "Number", "Iterable"})  # fmt: skip
# Declared types whose values hold no text an attacker could shape: a framework that types a request
# parameter `int` (FastAPI, Spring) converts it or refuses the request.
_SCALAR_TYPES = frozenset({"int", "float", "bool", "complex", "long", "short", "byte", "double", "boolean",
                           "Integer", "Long", "Short", "Double", "Float", "Boolean", "uint", "int8", "int16",
                           "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
                           "uuid.UUID", "UUID", "datetime.date", "datetime.datetime", "date", "datetime"})  # fmt: skip
_ROUTE_PLACEHOLDER = re.compile(r"<(?:[A-Za-z_]\w*:)?([A-Za-z_]\w*)>|\{([A-Za-z_]\w*)(?::[^}]*)?\}")


class Engine:
    def __init__(self, program: Program, *, budget: float = BUDGET_SECONDS) -> None:
        self.program = program
        self.deadline = time.thread_time() + budget
        self.hits: dict[tuple[str, int, str], Hit] = {}
        self._memo: dict[tuple[object, ...], Outcome] = {}
        self._contexts: dict[tuple[str, str], int] = {}
        self._active: set[tuple[str, str]] = set()
        self._globals: dict[str, dict[str, Value] | None] = {}
        self._imports: dict[str, frozenset[str]] = {}
        self._words: dict[int, tuple[str, ...]] = {}
        self._file_deadline = self.deadline
        self.steps = 0  # statements interpreted in all
        self._file_steps = FILE_STEPS
        self._package: dict[tuple[str, str], Value | None] = {}

    # -- entry ----------------------------------------------------------------------------------
    def analyze(self) -> list[Hit]:
        for path, file in self.program.files.items():
            if not file.in_change:
                continue
            self._file_deadline = min(self.deadline, time.thread_time() + FILE_BUDGET_SECONDS)
            self._file_steps = self.steps + FILE_STEPS
            module = self.program.modules[path]
            for identifier in module.ids_at(file.changed):
                self.entry(path, identifier)
        return sorted(self.hits.values(), key=lambda hit: (hit.path, hit.line, hit.kind))

    def entry(self, path: str, identifier: str) -> None:
        module = self.program.modules[path]
        if identifier == module.module.top:
            self.module_globals(path)
            return
        if not module.decorated(identifier) and not module.mentions(identifier, self._entry_words(path)):
            return  # no sink, source, flag, typed call or call of the program's own: nothing to find
        function = self.program.function(path, identifier)
        if function is None:
            return
        bindings = {param.name: self.entry_value(function, param) for param in function.params}
        key = ("entry", path, identifier)
        if key in self._memo:
            return
        self._memo[key] = FunctionRun(self, function, bindings, 0).run()

    def _entry_words(self, path: str) -> tuple[str, ...]:
        models = self.models(path)
        key = id(models)
        known = self._words.get(key)
        if known is None:
            if models.sourced_sinks:
                # A sink risky by itself (`tmpnam()`, `chmod(p, 0777)`) needs no source to report;
                # typestate sinks (`flag`, `absent_flag`) are entered through the calls that set flags.
                alone = tuple(
                    f"{c}("
                    for sink in models.sinks
                    if not sink.args and sink.flag is None and sink.absent_flag is None
                    for c in sink.calls
                    if "*" not in c
                )
                known = self._words[key] = (*models.source_words, *self._feeding(models), *alone)
            else:
                names = tuple(f"{name}(" for name in sorted(self.program.defined_names()))
                known = self._words[key] = (*models.sink_words, *models.source_words, *names)
        return known

    def _feeding(self, models: Models) -> tuple[str, ...]:
        """Calls of the program's functions that read a source themselves: when every sink counts only
        data from a source (the C models), a function that neither reads one nor calls one of these
        has nothing to report, whatever sinks it calls."""
        names: set[str] = set()
        for module in self.program.modules.values():
            if module.language != models.language:
                continue
            for identifier in module.ids_at(None):
                if identifier != module.module.top and module.mentions(identifier, models.source_words):
                    names.add(identifier.rstrip("'").rsplit(".", 1)[-1])
        return tuple(f"{name}(" for name in sorted(names))

    def entry_value(self, function: Function, param: Param) -> Value:
        """What a parameter holds when nothing is known of the callers."""
        if param.annotation.strip("'\" ") in _SCALAR_TYPES:
            return EMPTY
        models = self.models(function.path)
        for source in models.sources:
            if self._is_source_parameter(function, param, source):
                if source.type is not None and source.parameters == "":
                    return Value(ref=source.type)
                fact = Fact(source.kind, f"parameter `{param.name}`", function.path, function.start_line)
                fact = fact.step(
                    Step(function.path, function.start_line, f"`{param.name}` comes from the request")
                )
                return Value(facts=frozenset({fact}), ref=source.type)
        receiver = param.kind == "receiver" or (param is function.params[0] and param.name in ("self", "cls"))
        if function.class_name is not None and receiver:
            qualified = f"{function.module}.{function.class_name}"
            return Value(ref=qualified, container="object", flags=frozenset({f"{RECEIVER}{param.name}"}))
        declared = self.annotation_ref(function, param.annotation) if param.annotation else None
        if declared is not None:
            declared = models.types.get(declared, declared)
            if declared in models.source_holders:
                return Value(ref=declared)  # what sources are read from is not data itself
        return Value(facts=self._unknown(function, param), ref=declared)

    def _unknown(self, function: Function, param: Param) -> frozenset[Fact]:
        origin = f"parameter `{param.name}`"
        step = Step(function.path, function.start_line, f"{origin} of `{function.name}`")
        return frozenset({Fact("unknown", origin, function.path, function.start_line, steps=(step,))})

    def _is_source_parameter(self, function: Function, param: Param, source: object) -> bool:
        from analyzers.flow.model import Source, call_matches

        if not isinstance(source, Source) or (
            source.imports and not self._imports_any(function.path, source.imports)
        ):
            return False
        if source.markers and any(marker.rsplit(".", 1)[-1] in source.markers for marker in param.markers):
            return True
        if source.annotations and param.annotation:
            resolved = self.annotation_ref(function, param.annotation)
            if resolved in source.annotations or param.annotation in source.annotations:
                return True
        if source.names and param.name in source.names and (not source.decorators or function.decorators):
            plain = [p for p in function.params if p.kind != "receiver"]
            at = source.position if source.position < len(plain) else -1
            return (at >= 0 and param is plain[at]) or source.parameters == "all"
        if not source.decorators or not any(
            call_matches(source.decorators, d, d.rsplit(".", 1)[-1]) for d in function.decorators
        ):
            return False
        if param.name in ("self", "cls"):
            return False
        if source.parameters == "all":
            return True
        placeholders = {
            m.group(1) or m.group(2)
            for a in function.decorator_args
            for s in a
            for m in _ROUTE_PLACEHOLDER.finditer(s)
        }
        return source.parameters == "route" and param.name in placeholders

    def annotation_ref(self, function: Function, annotation: str) -> str | None:
        head, _, rest = annotation.strip("'\" ").partition(".")
        value = self.free_name(function, head)
        if value.ref is None:
            return None
        return f"{value.ref}.{rest}" if rest else value.ref

    def _imports_any(self, path: str, prefixes: tuple[str, ...]) -> bool:
        imports = self.imports_of(path)
        return any(i == p or i.startswith(p + ".") for i in imports for p in prefixes)

    def imports_of(self, path: str) -> frozenset[str]:
        """What the file imports; for Go, what the files of its package in the program import (a
        package's files share their names, so `s.db.Query` may be typed in a sibling file)."""
        known = self._imports.get(path)
        if known is None:
            known = self._read_imports(path)
            if self.program.language(path) == "go":
                folder = path.rpartition("/")[0]
                for other in sorted(self.program.modules):
                    if other != path and other.rpartition("/")[0] == folder and other.endswith(".go"):
                        known |= self._read_imports(other)
            self._imports[path] = known
        return known

    def _read_imports(self, path: str) -> frozenset[str]:
        top = self.program.function(path, "<module>")
        if top is None:
            return frozenset()
        wildcards = getattr(self.program.modules.get(path), "wildcards", ())  # Java's `import pkg.*;`
        return frozenset(
            s.expr.path
            for b in top.blocks
            for s in b.statements
            if isinstance(s, Assign) and isinstance(s.expr, Import)
        ) | frozenset(wildcards)

    # -- calls ----------------------------------------------------------------------------------
    def invoke(self, function: Function, bindings: Mapping[str, Value], depth: int) -> Outcome | None:
        """`function` run with `bindings`, or None when a bound stops the call being followed."""
        identity = (function.path, function.id)
        if depth > MAX_DEPTH or identity in self._active or self.exhausted():
            return None
        key = (identity, tuple(sorted(bindings.items(), key=lambda item: item[0])))
        known = self._memo.get(key)
        if known is not None:
            return known
        count = self._contexts.get(identity, 0)
        if count >= MAX_CONTEXTS:
            return self._summary(function, bindings, depth)
        self._contexts[identity] = count + 1
        return self._run(function, bindings, depth, key)

    def _summary(self, function: Function, bindings: Mapping[str, Value], depth: int) -> Outcome | None:
        """The function's summary (parameters as placeholders), with the call's data put back."""
        owner = f"{function.path}::{function.id}"
        stand_ins = {name: summarize(value, placeholder(owner, name)) for name, value in bindings.items()}
        identity = (function.path, function.id)
        key = ("summary", identity, tuple(sorted(stand_ins.items(), key=lambda item: item[0])))
        outcome = self._memo.get(key)
        if outcome is None:
            count = self._contexts.get(identity, 0)
            if count >= MAX_CONTEXTS + MAX_SUMMARIES:
                return None
            self._contexts[identity] = count + 1
            outcome = self._run(function, stand_ins, depth, key)
        actual = {(owner, name): value.deep_facts() for name, value in bindings.items()}
        return Outcome(
            returned=substitute(outcome.returned, actual),
            params={name: substitute(value, actual) for name, value in outcome.params.items()},
            bounded=outcome.bounded,
            reaches=[replace(hit, facts=substitute_facts(hit.facts, actual)) for hit in outcome.reaches],
        )

    def _run(
        self, function: Function, bindings: Mapping[str, Value], depth: int, key: tuple[object, ...]
    ) -> Outcome:
        identity = (function.path, function.id)
        self._active.add(identity)
        try:
            outcome = FunctionRun(self, function, bindings, depth).run()
        finally:
            self._active.discard(identity)
        self._memo[key] = outcome
        return outcome

    def exhausted(self) -> bool:
        """Whether the file's budget is spent, in statements or in processor time: calls are then not
        followed and loops not iterated again, so the rest of the file costs one pass over its
        statements."""
        return self.steps > self._file_steps or time.thread_time() > self._file_deadline

    # -- names ----------------------------------------------------------------------------------
    def models(self, path: str) -> Models:
        return load_models(self.program.language(path) or "python")

    def module_globals(self, path: str) -> dict[str, Value] | None:
        """The values the module's top level leaves in its names (None while it is being run)."""
        if path in self._globals:
            return self._globals[path]
        self._globals[path] = None
        top = self.program.function(path, "<module>")
        state: dict[str, Value] = {}
        if top is not None:
            run = FunctionRun(self, top, {}, MAX_DEPTH + 1)  # top levels: calls not followed
            run.run()
            state = run.final_state
        self._globals[path] = state
        return state

    def free_name(self, function: Function, name: str) -> Value:
        """A name the function did not bind: the module's, a builtin, or of unknown origin."""
        module = self.module_globals(function.path) if function.id != "<module>" else None
        if module is not None and name in module:
            value = module[name]
            return value if value.ref is not None else replace(value, ref=f"{function.module}.{name}")
        language = self.program.language(function.path)
        if language == "java":
            if name in _JAVA_LANG:
                return Value(ref=f"java.lang.{name}", container="module")
            return Value(ref=self._wildcard(function.path, name), container="module")
        if language == "javascript":
            from analyzers.flow.javascript.module import GLOBALS  # lowered already: no import cost

            if name in GLOBALS:
                return Value(ref=name)
        if language == "go":
            from analyzers.flow.go.module import BUILTINS  # lowered already: no import cost

            if name in BUILTINS:
                return Value(ref=name)
            sibling = self._package_name(function.path, name)
            if sibling is not None:
                return sibling
        if language == "c" and name in self.models(function.path).qualified_names:
            return Value(ref=name)  # a library function the models know
        if name in _BUILTINS:
            return Value(ref=name)
        fact = Fact("unknown", f"`{name}`", function.path, function.start_line)
        return Value(ref=name, facts=frozenset({fact}))

    def _package_name(self, path: str, name: str) -> Value | None:
        """A Go function of another file of the same package (the same folder): no import names it."""
        folder = path.rpartition("/")[0]
        key = (folder, name)
        if key not in self._package:
            self._package[key] = None
            for other in sorted(self.program.modules):
                if (
                    other == path
                    or other.rpartition("/")[0] != folder
                    or self.program.language(other) != "go"
                ):
                    continue
                value = (self.module_globals(other) or {}).get(name)
                if value is not None and value.function is not None:
                    self._package[key] = value
                    break
        return self._package[key]

    def _package_method(self, path: str, class_name: str, name: str) -> tuple[str, str] | None:
        """A Go method declared in another file of the package of `path` (a type's methods may be
        spread over its package's files)."""
        folder = path.rpartition("/")[0]
        for other in sorted(self.program.modules):
            if other == path or other.rpartition("/")[0] != folder or self.program.language(other) != "go":
                continue
            info = self.program.modules[other].module.classes.get(class_name)
            if info is not None and name in info.methods:
                return other, info.methods[name]
        return None

    def _wildcard(self, path: str, name: str) -> str:
        """A Java class name through the file's `import package.*;`, when the models know the class."""
        packages = getattr(self.program.modules.get(path), "wildcards", ())
        if not packages:
            return name
        known = self.models(path).qualified_names
        return next((f"{p}.{name}" for p in packages if f"{p}.{name}" in known), name)

    def resolve(self, ref: str) -> Value | None:
        """The value the program gives a qualified name (`helpers.utils.escape`), if it defines it."""
        found = self.program.split(ref)
        if found is None:
            path = self.program.module_path(ref)
            if path is None:
                return None
            if self.program.language(path) == "java":  # a Java file is named for its class
                primary = (self.module_globals(path) or {}).get(ref.rsplit(".", 1)[-1])
                if primary is not None and primary.function is not None:
                    return primary
            return Value(ref=ref, container="module")
        path, rest = found
        names = rest.split(".")
        module = self.module_globals(path)
        value = module.get(names[0]) if module is not None else None
        if value is None and self.program.language(path) == "go":  # another file of the package
            value = self._package_name(path, names[0])
        if value is None:
            return None
        for name in names[1:]:
            inner = value.slot("." + name)
            if inner is None:
                return None
            value = inner
        return value if value.ref is not None else replace(value, ref=ref)

    def method(self, class_ref: str, name: str, depth: int = 0) -> tuple[str, str] | None:
        """(path, function id) of method `name` of the program's class `class_ref`, through bases."""
        found = self.program.split(class_ref)
        if found is None:
            path = self.program.module_path(class_ref)  # a Java file named for its class
            if path is not None and self.program.language(path) == "java":
                found = (path, class_ref.rsplit(".", 1)[-1])
        if found is None or depth > 4:
            return None
        path, class_name = found
        module = self.program.modules[path]
        info = next((c for c in module.module.classes.values() if c.id == class_name), None)
        if (info is None or name not in info.methods) and self.program.language(path) == "go":
            sibling = self._package_method(path, class_name, name)
            if sibling is not None:
                return sibling
        if info is None:
            return None
        if name in info.methods:
            return path, info.methods[name]
        top = self.program.function(path, "<module>")
        for base in info.bases:
            head = base.split(".")[0]
            value = self.free_name(top, head) if top is not None else EMPTY
            base_ref = f"{value.ref}{base[len(head) :]}" if value.ref else None
            if base_ref is not None:
                hit = self.method(base_ref, name, depth + 1)
                if hit is not None:
                    return hit
        return None

    # -- hits -----------------------------------------------------------------------------------
    def record(self, hit: Hit) -> None:
        key = (hit.path, hit.line, hit.kind)
        old = self.hits.get(key)
        if old is None:
            self.hits[key] = replace(
                hit, facts=frozenset(sorted(hit.facts, key=_fact_order)[:MAX_FACTS_PER_HIT])
            )
            return
        facts = frozenset(sorted(old.facts | hit.facts, key=_fact_order)[:MAX_FACTS_PER_HIT])
        self.hits[key] = replace(
            old, facts=facts, built=old.built or hit.built, bounded=old.bounded and hit.bounded
        )


def _fact_order(fact: Fact) -> tuple[int, str, int, str]:
    return (fact.kind == "unknown", fact.path, fact.line, fact.origin)
