"""Sinks: where a call, a store, an attribute store or a function's return meets data of a kind the
models say must not arrive there, and the hit it records (or hands to the caller, for a summary's
placeholders)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from analyzers.flow.hit import Hit
from analyzers.flow.ir import Call, Function, Pack, Var
from analyzers.flow.model import Models, Sink
from analyzers.flow.site import Site, argument, holds
from analyzers.flow.value import EMPTY, PARAMETER, Fact, Value, item_key, join, join_all

if TYPE_CHECKING:
    from analyzers.flow.engine import Engine
    from analyzers.flow.transfer import Evaluator

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/bash", "cmd", "cmd.exe",
                    "powershell", "powershell.exe", "pwsh"})  # fmt: skip
SHELL_SWITCHES = frozenset({"-c", "/c", "/C", "-Command", "-command"})
TEXT_SHAPES = {
    "sql": re.compile(
        r"\b(?:select\s[^;]{0,400}?\sfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|create\s+table"
        r"|drop\s+table|alter\s+table|where|order\s+by|group\s+by|values)\b",
        re.IGNORECASE,
    ),
    "ldap": re.compile(r"\((?:[&|!]|[\w.;-]+[~<>]?=)"),
    "redirect-view": re.compile(r"^redirect:"),
    "markup": re.compile(r"<[a-zA-Z/!]"),
    "string": re.compile(r"[^\x00]"),  # a string with a literal part: built, not passed along
}
CALLED = frozenset({"called"})  # the data went through a library call the models do not describe
DEFAULT_SOURCES = frozenset({"http", "cli", "env", "file", "network", "database", "unknown"})
NAMED = "def:"  # a `returns` pattern naming functions (`def:*token*`) rather than decorators


class SinkChecks:
    """The sink half of `analyzers.flow.calls.CallEvaluator`."""

    evaluator: Evaluator
    engine: Engine
    models: Models
    path: str
    attribute_sinks: tuple[Sink, ...]
    named_returns: bool

    # -- sinks ----------------------------------------------------------------------------------
    def check_sinks(self, ref: str | None, method: str | None, receiver: Value | None, call: Site) -> None:
        for sink in self.models.matching(self.models.sinks, ref, method):
            temporaries = self.evaluator.function.temporaries
            if not all(holds(c, call, temporaries) for c in sink.when) or any(
                holds(c, call, temporaries) for c in sink.unless
            ):
                continue
            if sink.imports and not self.engine._imports_any(self.path, sink.imports):
                continue  # `*.Exec` is SQL only where a database package is imported
            if sink.unless_then and read_only_by(self.evaluator.function, call.expr, sink.unless_then):
                continue
            label = call.expr.label or ref or method or "call"
            if not sink.args:
                holder = argument(sink.flag_arg, receiver, call) if sink.flag_arg is not None else receiver
                if sink.absent_flag is not None and holder is not None and sink.absent_flag in holder.flags:
                    continue
                if sink.flag is not None and (holder is None or sink.flag not in holder.flags):
                    continue
                self.report(self._hit(sink, label, call.line, frozenset(), literal=True))
                continue
            quoted = quoted_arguments(call, sink.format_arg) if sink.format_arg is not None else frozenset()
            for spec in sink.args:
                if spec in quoted:
                    continue
                value = argument(spec, receiver, call)
                if sink.argv and spec == 0 and len(call.args) > 1:
                    value = vector(call.args)  # `new ProcessBuilder("sh", "-c", command)`
                if value is not None and sink.fields:
                    value = self.untyped_fields(value, spec, call)
                if value is not None:
                    self._reach(sink, value, label, call.line, receiver, call)

    def _reach(
        self, sink: Sink, value: Value, label: str, line: int, receiver: Value | None, call: Site
    ) -> None:
        if sink.element is not None:
            inner = value.slot(item_key(sink.element))
            if inner is None and isinstance(sink.element, str):
                return  # the dict has no such key
            value = inner if inner is not None else value
        if sink.argv:
            value = argv_of(value)
        holder = argument(sink.flag_arg, receiver, call) if sink.flag_arg is not None else value
        if sink.flag is not None and (holder is None or sink.flag not in holder.flags):
            return
        if sink.absent_flag is not None and holder is not None and sink.absent_flag in holder.flags:
            return
        facts = self.live(sink, value, shallow=sink.shallow)
        if facts and sink.named_by is not None:
            facts = unchecked_by_name(sink.kind, facts, argument(sink.named_by, receiver, call))
        if not facts:
            return
        if sink.text is not None and not text_fits(sink.text, value, facts):
            return
        self.report(self._hit(sink, label, line, facts, built=value.built))

    def untyped_fields(self, value: Value, spec: int | str, call: Site) -> Value:
        """The data a dict's fields hold when they may be objects themselves (`{"user": body["user"]}`,
        where a decoded JSON body can put `{"$ne": null}`). Fields made a string or a number
        (`str(x)`), constant, or written as a call's result (`hash_password(p)`: what it makes) cannot;
        a value that is not a dict is not looked into (the whole-document sink covers it)."""
        if value.container != "dict":
            return EMPTY
        display = None
        if isinstance(spec, int) and spec < len(call.expr.args):
            operand = call.expr.args[spec]
            if isinstance(operand, Var):
                display = self.evaluator.function.temporaries.get(operand.name)
        if isinstance(display, Pack) and display.keys is not None:
            temporaries = self.evaluator.function.temporaries
            fields = [
                self.evaluator.operand(item, call.state)
                for item in display.items
                if not (isinstance(item, Var) and isinstance(temporaries.get(item.name), Call))
            ]
        else:
            fields = [v for _, v in value.slots] + ([value.rest] if value.rest is not None else [])
        kept = [v for v in fields if not v.known and v.ref not in SCALARS]
        return Value(facts=frozenset().union(*(v.facts for v in kept))) if kept else EMPTY

    def live(self, sink: Sink, value: Value, *, shallow: bool = False) -> frozenset[Fact]:
        """The facts of `value` that count for `sink` (a summary's placeholders always do: the data they
        stand for is known at the call)."""
        kinds = accepted(sink)
        facts = value.facts if shallow else value.deep_facts()
        return frozenset(
            f
            for f in facts
            if (f.kind in kinds or f.kind == PARAMETER)
            and f.live_for(sink.kind)
            and (sink.marked is None or sink.marked in f.marks)
            and not (sink.direct and "called" in f.marks)
            and (not sink.origins or entered_at(f, sink.origins))
        )

    def report(self, hit: Hit) -> None:
        """Record a hit; the part made by a summary's placeholders goes to the caller, which knows the
        data they stand for."""
        live = frozenset(
            f for f in hit.facts if f.live_for(hit.kind) and (f.kind in hit.accepts or f.kind == PARAMETER)
        )
        pending = frozenset(f for f in live if f.kind == PARAMETER)
        real = live - pending
        if pending:
            self.evaluator.run.reaches.append(replace(hit, facts=pending))
        if real or (hit.literal and not pending):
            self.engine.record(replace(hit, facts=real))

    def _hit(
        self,
        sink: Sink,
        label: str,
        line: int,
        facts: frozenset[Fact],
        *,
        built: bool = False,
        literal: bool = False,
    ) -> Hit:
        return Hit(
            kind=sink.kind,
            cwe=sink.cwe,
            path=self.path,
            line=line,
            sink=label,
            facts=facts,
            built=built,
            literal=literal,
            bounded=self.evaluator.run.bounded,
            note=sink.note,
            function=self.evaluator.function.id,
            accepts=accepted(sink),
        )

    def check_store(self, obj: Value, key: Value, value: Value, line: int, label: str) -> None:
        if obj.ref is None:
            return
        name = obj.ref.rsplit(".", 1)[-1]
        for sink in self.models.sinks:
            if not sink.stores or not any(store_matches(p, obj.ref, name) for p in sink.stores):
                continue
            facts = self.live(sink, key) | self.live(sink, value)
            if facts:
                self.report(self._hit(sink, label, line, facts, built=value.built))

    def check_attribute(self, obj: Value, name: str, value: Value, line: int) -> None:
        """Sinks on a store into an attribute (`element.innerHTML = html`, `ctx.body = page`)."""
        qualified = f"{obj.ref}.{name}" if obj.ref else None
        for sink in self.attribute_sinks:
            if name not in sink.attributes and (qualified is None or qualified not in sink.attributes):
                continue
            facts = self.live(sink, value, shallow=sink.shallow)
            if facts:
                self.report(self._hit(sink, name, line, facts, built=value.built))

    def check_return(self, function: Function, value: Value, line: int) -> None:
        """Sinks on what a function returns (the response of a web view, the value of `make_token()`)."""
        from analyzers.flow.model import call_matches

        for sink in self.models.return_sinks:
            if not (
                any(call_matches(sink.returns, d, d.rsplit(".", 1)[-1]) for d in function.decorators)
                or _named(sink.returns, function.name)
            ):
                continue
            if sink.imports and not self.engine._imports_any(self.path, sink.imports):
                continue
            returned = value
            if sink.element is not None:
                inner = value.slot(item_key(sink.element))
                returned = inner if inner is not None else value
            facts = self.live(sink, returned, shallow=sink.shallow)
            if facts and sink.text is not None and not text_fits(sink.text, returned, facts):
                continue
            if facts:
                label = (
                    f"the response of `{function.name}`"
                    if function.decorators and not _named(sink.returns, function.name)
                    else f"what `{function.name}` returns"
                )
                self.report(self._hit(sink, label, line, facts, built=returned.built))

    def check_filled(self, function: Function, state: dict[str, Value], line: int) -> None:
        """Named return sinks (`def:*token*`) on what a function leaves in the buffers its parameters
        point to (C's `void make_token(char *out, size_t n)`): data of a source only."""
        for sink in self.models.return_sinks:
            if not _named(sink.returns, function.name):
                continue
            for param in function.params:
                value = state.get(param.name)
                if value is None:
                    continue
                facts = frozenset(f for f in self.live(sink, value) if f.kind != PARAMETER)
                if facts:
                    label = f"what `{function.name}` leaves in `{param.name}`"
                    self.report(self._hit(sink, label, line, facts, built=value.built))


SCALARS = frozenset(
    {"str", "int", "float", "bool", "builtins.str", "builtins.int", "builtins.float", "builtins.bool"}
)


def unchecked_by_name(kind: str, facts: frozenset[Fact], name: Value | None) -> frozenset[Fact]:
    """Of `facts` (an uploaded file about to be stored), those its storage name does not vouch for: a
    name made from the same upload (`secure_filename(f.filename)`) and checked for `kind` on the way
    (its extension tested against an allow-list) covers the file it names, unless the name also holds
    that upload's data unchecked."""
    if name is None:
        return facts
    checked: set[tuple[str, str, str, int]] = set()
    unchecked: set[tuple[str, str, str, int]] = set()
    for fact in name.deep_facts():
        (unchecked if fact.live_for(kind) else checked).add((fact.kind, fact.origin, fact.path, fact.line))
    vouched = checked - unchecked
    return frozenset(f for f in facts if (f.kind, f.origin, f.path, f.line) not in vouched)


def _named(patterns: tuple[str, ...], name: str) -> bool:
    import fnmatch

    lowered = name.lower()
    return any(p.startswith(NAMED) and fnmatch.fnmatchcase(lowered, p[len(NAMED) :]) for p in patterns)


def entered_at(fact: Fact, origins: tuple[str, ...]) -> bool:
    """Whether `fact` entered at one of `origins` (source refs, globs allowed) and at none of those
    written `!ref`."""
    import fnmatch

    name = fact.origin.strip("`")
    wanted = [pattern for pattern in origins if not pattern.startswith("!")]
    if wanted and not any(fnmatch.fnmatchcase(name, pattern) for pattern in wanted):
        return False
    return not any(fnmatch.fnmatchcase(name, pattern[1:]) for pattern in origins if pattern.startswith("!"))


def accepted(sink: Sink) -> frozenset[str]:
    return frozenset(sink.sources) if sink.sources is not None else DEFAULT_SOURCES


def read_only_by(function: Function, expr: Call, methods: tuple[str, ...]) -> bool:
    """Whether the result of `expr` is a temporary whose one reader calls one of `methods` on it
    (`new File(name).getName()`): the value made by the call goes nowhere else."""
    uses = _receivers(function)
    name = uses[0].get(id(expr))
    return name is not None and uses[1].get(name) in methods


_RECEIVERS: dict[int, tuple[Function, tuple[dict[int, str], dict[str, str]]]] = {}


def _receivers(function: Function) -> tuple[dict[int, str], dict[str, str]]:
    """For the temporaries of `function`: the name each call is kept in, and for each temporary the
    method called on it when that is what reads it."""
    known = _RECEIVERS.get(id(function))
    if known is not None and known[0] is function:
        return known[1]
    names: dict[int, str] = {}
    methods: dict[str, str] = {}
    for name, expr in function.temporaries.items():
        if isinstance(expr, Call):
            names[id(expr)] = name
            if expr.method is not None and isinstance(expr.func, Var) and expr.func.name.startswith("$"):
                methods[expr.func.name] = expr.method
    if len(_RECEIVERS) > 4096:
        _RECEIVERS.clear()
    _RECEIVERS[id(function)] = (function, (names, methods))
    return names, methods


QUOTING_VERBS = frozenset("qxX")  # verbs that print a string quoted or as hexadecimal digits
_FORMAT_FLAGS = frozenset("+-# 0")
_MAX_FORMAT = 2000  # longer formats are not read


def quoted_arguments(call: Site, position: int) -> frozenset[int]:
    """The positions of the arguments that the constant printf format at `position` prints through a
    quoting verb (`log.Printf("user %q", name)`: the name cannot forge a line). None when the format is
    not a known string or uses explicit argument indexes (`%[2]s`)."""
    if position >= len(call.args):
        return frozenset()
    text = call.args[position].const
    if not isinstance(text, str) or len(text) > _MAX_FORMAT or "%[" in text:
        return frozenset()
    quoted: set[int] = set()
    consumed = position
    index = 0
    while True:
        index = text.find("%", index)
        if index < 0 or index + 1 >= len(text):
            return frozenset(quoted)
        index += 1
        if text[index] == "%":
            index += 1
            continue
        while index < len(text) and text[index] in _FORMAT_FLAGS:
            index += 1
        for _part in ("width", "precision"):
            if index < len(text) and text[index] == "*":
                consumed += 1  # the width or precision is an argument of its own
                index += 1
            while index < len(text) and text[index].isdigit():
                index += 1
            if _part == "width" and index < len(text) and text[index] == ".":
                index += 1
            else:
                break
        if index >= len(text):
            return frozenset(quoted)
        consumed += 1
        if text[index] in QUOTING_VERBS:
            quoted.add(consumed)
        index += 1


def vector(args: list[Value]) -> Value:
    vector = Value(container="list", length=len(args))
    for index, arg in enumerate(args):
        vector = vector.with_slot(item_key(index), arg)
    return vector


def argv_of(value: Value) -> Value:
    """Of an argument vector, what reaches a shell or names the program: the program (element 0),
    and every later element when the program is a shell run with `-c`."""
    if value.container not in ("list", "tuple") or value.slot(item_key(0)) is None:
        return value
    program = value.slot(item_key(0)) or EMPTY
    names = program.possible()
    if not names or not all(str(name).rsplit("/", 1)[-1].lower() in SHELLS for name in names):
        return program
    words = [v for k, v in value.slots if k != item_key(0)] + ([value.rest] if value.rest is not None else [])
    switches = any(w.possible() and all(c in SHELL_SWITCHES for c in w.possible() or ()) for w in words)
    return join(program, join_all(words)) if switches or not words else program


_TEXT_ALWAYS = frozenset({"redirect-view", "markup"})  # shapes that say what the sink is, whatever the data


def text_fits(shape: str, value: Value, facts: frozenset[Fact]) -> bool:
    """Whether data of unknown origin reaches a text of the sink's shape (SQL text, an LDAP filter):
    untrusted data counts whatever the text around it, except for shapes that make the sink what it
    is (a Spring view name starting `redirect:`, a String response with markup in it)."""
    pattern = TEXT_SHAPES.get(shape)
    if pattern is None or (
        shape not in _TEXT_ALWAYS and any(f.kind not in ("unknown", PARAMETER) for f in facts)
    ):
        return True
    text = value.const if isinstance(value.const, str) else value.text
    return text is not None and bool(pattern.search(text))


def store_matches(pattern: str, ref: str, name: str) -> bool:
    import fnmatch

    if pattern == ref:
        return True
    if pattern.startswith("*") and "." not in pattern:
        return fnmatch.fnmatchcase(name, pattern)
    return pattern.startswith("*.") and fnmatch.fnmatchcase(ref, pattern)
