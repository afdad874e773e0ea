"""Calls: into the program's own functions (followed with the arguments' values), or into libraries
(described by the models: sinks, sanitizers, propagators, flags, sources and types).

A library call the models do not describe returns a value holding the data of its receiver and
arguments; when it holds none, the value is of unknown origin (`unknown`), as today's confidence
scale treats the result of a call it cannot see into.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from analyzers.base import TraceStep as Step
from analyzers.flow import constant
from analyzers.flow.hit import Hit
from analyzers.flow.ir import Call, Function, Operand, Var
from analyzers.flow.model import Condition, Sink
from analyzers.flow.value import (
    EMPTY,
    NOT_CONSTANT,
    PARAMETER,
    Fact,
    Value,
    item_key,
    join,
    join_all,
)

if TYPE_CHECKING:
    from analyzers.flow.transfer import Evaluator

State = dict[str, Value]
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
    "string": re.compile(r"[^\x00]"),  # a string with a literal part: built, not passed along
}
_CHAINED = frozenset({"append", "insert", "write", "concat"})  # methods that return their receiver
DEFAULT_SOURCES = frozenset({"http", "cli", "env", "file", "network", "database", "unknown"})
_PURE_BUILTINS = frozenset({"len", "str", "int", "float", "bool", "repr", "abs", "min", "max", "sorted", "list", "tuple",
                            "dict", "set", "frozenset", "range", "enumerate", "zip", "reversed", "sum", "any", "all",
                            "isinstance", "hasattr", "getattr", "type", "id", "hash", "round", "ord", "chr", "hex",
                            "format", "print", "iter", "next", "map", "filter", "bytes", "bytearray", "super"})  # fmt: skip


class CallEvaluator:
    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator
        self.engine = evaluator.engine
        self.models = evaluator.models
        self.path = evaluator.path
        self.attribute_sinks = tuple(sink for sink in self.models.sinks if sink.attributes)

    # -- dispatch -------------------------------------------------------------------------------
    def call(self, expr: Call, state: State, line: int) -> Value:
        operand = self.evaluator.operand
        func = operand(expr.func, state)
        args = [operand(a, state) for a in expr.args]
        keywords = {k: operand(v, state) for k, v in expr.keywords}
        spread = operand(expr.spread, state) if expr.spread is not None else None
        call = _Site(expr, args, keywords, spread, line, state)
        if expr.method is None:
            if func.function is not None and not self._conventional(func.ref):
                return self.user(func.function, None, call)
            return self.library(func.ref, None, None, call)
        method = expr.method
        if func.container == "module" and func.ref is not None:
            target = self.engine.resolve(f"{func.ref}.{method}")
            if target is not None and target.function is not None and not self._conventional(target.ref):
                return self.user(target.function, None, call)
            return self.library(f"{func.ref}.{method}", method, None, call)
        if func.ref is not None:
            found = self.engine.method(func.ref, method)
            if found is not None:
                return self.user(found, func, call)
        if func.function is not None:
            info = self.engine.program.class_info(*func.function)
            identifier = info.methods.get(method) if info is not None else None
            if identifier is not None:
                return self.user((func.function[0], identifier), None, call)
        ref = f"{func.ref}.{method}" if func.ref else None
        return self.library(ref, method, func, call)

    def _conventional(self, ref: str | None) -> bool:
        """Whether a function of the program is named like a sanitizer the models know
        (`escape_html`): the name is taken at its word rather than the body followed."""
        if ref is None:
            return False
        return any(entry.own for entry in self.models.matching(self.models.sanitizers, ref, None))

    # -- the program's own functions ------------------------------------------------------------
    def user(self, target: tuple[str, str], receiver: Value | None, call: _Site) -> Value:
        path, identifier = target
        program = self.engine.program
        info = program.class_info(path, identifier)
        if info is not None:
            return self.instantiate(path, identifier, call)
        function = program.function(path, identifier)
        if function is None:
            return self.library(None, call.expr.method, receiver, call)
        bindings = _bind(function, receiver, call, self._passed(call))
        if function.abstract:  # an interface's method: what implements it is not known here
            return Value(facts=self._inputs(receiver, call))
        if not self._worth_following(function, bindings):
            # Its arguments hold no data of a known kind and it reads no source: what it returns is
            # made of its arguments and its own constants.
            return Value(facts=self._inputs(receiver, call))
        outcome = self.engine.invoke(function, bindings, self.evaluator.depth + 1)
        if outcome is None:
            self.evaluator.run.bounded = True
            return self._default(None, receiver, call, bounded=True)
        self._write_back(function, receiver, call, outcome.params)
        for reach in outcome.reaches:
            self.report(reach)
        step = Step(self.path, call.line, f"returned from `{call.expr.label or function.name}`")
        returned = outcome.returned
        if returned.facts:
            returned = replace(returned, facts=frozenset(f.step(step) for f in returned.facts))
        if outcome.bounded:
            self.evaluator.run.bounded = True
        return returned

    def _worth_following(self, function: Function, bindings: dict[str, Value]) -> bool:
        """Whether following the call can tell more than its default (a result holding the
        arguments' data): an argument holds data of a known kind, a string built with a literal, or
        something sources are read from; or the function reads a source itself."""
        holders = self.models.source_holders
        for value in bindings.values():
            if value.built or any(fact.kind != "unknown" for fact in value.deep_facts()):
                return True
            if _holds_source(value, holders, 0):
                return True
        return self.engine.program.mentions(function.path, function.id, self.models.source_words)

    def instantiate(self, path: str, identifier: str, call: _Site) -> Value:
        module = self.engine.program.modules[path].module.name
        qualified = f"{module}.{identifier}" if module else identifier
        obj = Value(ref=qualified, container="object")
        found = self.engine.method(qualified, "__init__")
        function = self.engine.program.function(*found) if found is not None else None
        if function is None:
            return replace(obj, facts=self._inputs(None, call))
        bindings = _bind(function, obj, call, self._passed(call))
        outcome = self.engine.invoke(function, bindings, self.evaluator.depth + 1)
        if outcome is None:
            return replace(obj, facts=self._inputs(None, call))
        first = function.params[0].name if function.params else ""
        return outcome.params.get(first, obj)

    def _passed(self, call: _Site) -> Step:
        return Step(self.path, call.line, f"passed to `{call.expr.label}`")

    def _write_back(
        self, function: Function, receiver: Value | None, call: _Site, params: dict[str, Value]
    ) -> None:
        names = [p.name for p in function.params if p.kind == "positional"]
        operands: list[Operand] = list(call.expr.args)
        explicit = next((p.name for p in function.params if p.kind == "receiver"), None)
        if receiver is not None and explicit is not None:
            self.evaluator.write_back(call.expr.func, params.get(explicit, receiver), call.state)
        elif receiver is not None and names:
            self.evaluator.write_back(call.expr.func, params.get(names[0], receiver), call.state)
            names = names[1:]
        for name, operand in zip(names, operands, strict=False):
            final = params.get(name)
            if final is not None and isinstance(operand, Var) and (final.container or final.slots):
                self.evaluator.write_back(operand, final, call.state)

    # -- libraries ------------------------------------------------------------------------------
    def library(self, ref: str | None, method: str | None, receiver: Value | None, call: _Site) -> Value:
        if ref is not None and ref in self.models.exits:
            self.evaluator.run.halted = True
        self.check_sinks(ref, method, receiver, call)
        self.set_flags(ref, method, receiver, call)
        result = self._result(ref, method, receiver, call)
        if call.expr.new and ref is not None and result.ref is None:
            result = replace(result, ref=self.models.types.get(ref, ref))
        if call.flags_on_result:
            result = replace(result, flags=result.flags | call.flags_on_result)
        return result

    def _result(self, ref: str | None, method: str | None, receiver: Value | None, call: _Site) -> Value:
        models = self.models
        for sanitizer in models.matching(models.sanitizers, ref, method):
            if all(_holds(c, call) for c in sanitizer.when):
                return self._sanitized(ref, method, receiver, call, sanitizer.clears)
        for propagator in models.matching(models.propagators, ref, method):
            result = self.propagate(propagator.action, propagator.key, propagator.value, receiver, call)
            if result is not None:
                return self._typed(ref, result)
        return self._default(ref, receiver, call, method=method)

    def _typed(self, ref: str | None, value: Value) -> Value:
        if ref is None:
            return value
        typed = self.models.types.get(ref)
        return replace(value, ref=typed) if typed is not None else value

    def _default(
        self,
        ref: str | None,
        receiver: Value | None,
        call: _Site,
        *,
        bounded: bool = False,
        method: str | None = None,
    ) -> Value:
        facts = self._inputs(receiver, call)
        name = ref.rsplit(".", 1)[-1] if ref else (method or "")
        consts = [a.const for a in call.args]
        if ref in _PURE_BUILTINS or (receiver is not None and receiver.ref == "str"):
            key = ref if ref in _PURE_BUILTINS else f"str.{name}"
            folded = constant.builtin(key or "", ([receiver.const] if receiver is not None else []) + consts)
            if not isinstance(folded, type(NOT_CONSTANT)):
                return self.evaluator_constant(folded)
        entered = self.evaluator.source_facts(f"{ref}()", call.line) if ref is not None else frozenset()
        if method is not None:
            entered = entered | self.evaluator.source_facts(f"*.{method}()", call.line)
        if entered:
            facts = entered | (receiver.facts if receiver is not None else frozenset())  # not the arguments:
            # `getParameter("name")` returns the request's data, not its own argument
        known = (
            ref in _PURE_BUILTINS
            or ref in self.models.types
            or (receiver is not None and receiver.ref == "str")
            # A method of an object that holds no data: what it returns is made of safe state.
            or (receiver is not None and receiver.container != "module")
        )
        if not facts and (bounded or not known):
            label = call.expr.label or name or "a call"
            why = " (not followed: an analysis bound)" if bounded else ""
            fact = Fact("unknown", f"the result of `{label}`{why}", self.path, call.line)
            facts = frozenset({fact})
        result = Value(facts=facts, ref="str" if receiver is not None and receiver.ref == "str" else None)
        if (
            receiver is not None
            and receiver.ref == "str"
            and (receiver.built or any(a.built for a in call.args))
        ):
            result = replace(result, built=True, text=receiver.text)
        return self._typed(ref, result)

    def evaluator_constant(self, folded: object) -> Value:
        from analyzers.flow.value import constant as make

        return make(folded)  # type: ignore[arg-type]

    def _inputs(self, receiver: Value | None, call: _Site) -> frozenset[Fact]:
        facts = set(receiver.facts) if receiver is not None else set()
        for value in [*call.args, *call.keywords.values(), *([call.spread] if call.spread else [])]:
            facts |= value.deep_facts()
        return frozenset(facts)

    def _sanitized(
        self, ref: str | None, method: str | None, receiver: Value | None, call: _Site, clears: frozenset[str]
    ) -> Value:
        if "*" in clears:
            return self._typed(ref, Value())
        facts = frozenset(f.clear(clears) for f in self._inputs(receiver, call))
        base = (
            receiver
            if receiver is not None and method is not None
            else (call.args[0] if call.args else EMPTY)
        )
        return self._typed(ref, Value(facts=facts, ref="str", built=base.built, text=base.text))

    # -- container operations -------------------------------------------------------------------
    def propagate(
        self, action: str, key: tuple[int, ...], value_at: int, receiver: Value | None, call: _Site
    ) -> Value | None:
        from analyzers.flow.propagation import apply

        outcome = apply(action, key, value_at, receiver, call.args, call.keywords)
        if outcome is None:
            return None
        result, updated = outcome
        if updated is not None and receiver is not None:
            self.evaluator.write_back(call.expr.func, updated, call.state)
            if action == "absorb":
                self._chain_back(call.expr.func, updated, call.state)
        return result

    def _chain_back(self, operand: Operand, updated: Value, state: State) -> None:
        """`builder.append(a).append(b)`: the second call's receiver is what the first returned, the
        builder itself, so the builder takes the data too."""
        for _ in range(16):
            definition = (
                self.evaluator.function.temporaries.get(operand.name) if isinstance(operand, Var) else None
            )
            if not isinstance(definition, Call) or definition.method not in _CHAINED:
                return
            operand = definition.func
            self.evaluator.write_back(operand, updated, state)

    # -- flags ----------------------------------------------------------------------------------
    def set_flags(self, ref: str | None, method: str | None, receiver: Value | None, call: _Site) -> None:
        for flag in self.models.matching(self.models.flags, ref, method):
            if flag.on == "receiver" and receiver is not None and all(_holds(c, call) for c in flag.when):
                flagged = replace(receiver, flags=receiver.flags | {flag.flag})
                self.evaluator.write_back(call.expr.func, flagged, call.state)
            elif flag.on == "result" and all(_holds(c, call) for c in flag.when):
                call.flags_on_result = call.flags_on_result | {flag.flag}

    # -- sinks ----------------------------------------------------------------------------------
    def check_sinks(self, ref: str | None, method: str | None, receiver: Value | None, call: _Site) -> None:
        for sink in self.models.matching(self.models.sinks, ref, method):
            if not all(_holds(c, call) for c in sink.when) or any(_holds(c, call) for c in sink.unless):
                continue
            label = call.expr.label or ref or method or "call"
            if not sink.args:
                holder = _argument(sink.flag_arg, receiver, call) if sink.flag_arg is not None else receiver
                if sink.absent_flag is not None and holder is not None and sink.absent_flag in holder.flags:
                    continue
                self.report(self._hit(sink, label, call.line, frozenset(), literal=True))
                continue
            for spec in sink.args:
                value = _argument(spec, receiver, call)
                if sink.argv and spec == 0 and len(call.args) > 1:
                    value = _vector(call.args)  # `new ProcessBuilder("sh", "-c", command)`
                if value is not None:
                    self._reach(sink, value, label, call.line, receiver, call)

    def _reach(
        self, sink: Sink, value: Value, label: str, line: int, receiver: Value | None, call: _Site
    ) -> None:
        if sink.element is not None:
            inner = value.slot(item_key(sink.element))
            if inner is None and isinstance(sink.element, str):
                return  # the dict has no such key
            value = inner if inner is not None else value
        if sink.argv:
            value = _argv(value)
        holder = _argument(sink.flag_arg, receiver, call) if sink.flag_arg is not None else value
        if sink.flag is not None and (holder is None or sink.flag not in holder.flags):
            return
        if sink.absent_flag is not None and holder is not None and sink.absent_flag in holder.flags:
            return
        facts = self.live(sink, value, shallow=sink.shallow)
        if not facts:
            return
        if sink.text is not None and not _text_fits(sink.text, value, facts):
            return
        self.report(self._hit(sink, label, line, facts, built=value.built))

    def live(self, sink: Sink, value: Value, *, shallow: bool = False) -> frozenset[Fact]:
        """The facts of `value` that count for `sink` (a summary's placeholders always do: the data they
        stand for is known at the call)."""
        kinds = _accepted(sink)
        facts = value.facts if shallow else value.deep_facts()
        return frozenset(
            f for f in facts if (f.kind in kinds or f.kind == PARAMETER) and f.live_for(sink.kind)
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
            accepts=_accepted(sink),
        )

    def check_store(self, obj: Value, key: Value, value: Value, line: int, label: str) -> None:
        if obj.ref is None:
            return
        name = obj.ref.rsplit(".", 1)[-1]
        for sink in self.models.sinks:
            if not sink.stores or not any(_store_matches(p, obj.ref, name) for p in sink.stores):
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
        """Sinks on what a function returns (the response of a web view)."""
        from analyzers.flow.model import call_matches

        for sink in self.models.sinks:
            if not sink.returns or not any(
                call_matches(sink.returns, d, d.rsplit(".", 1)[-1]) for d in function.decorators
            ):
                continue
            if sink.imports and not self.engine._imports_any(self.path, sink.imports):
                continue
            returned = value
            if sink.element is not None:
                inner = value.slot(item_key(sink.element))
                returned = inner if inner is not None else value
            facts = self.live(sink, returned, shallow=sink.shallow)
            if facts:
                label = f"the response of `{function.name}`"
                self.report(self._hit(sink, label, line, facts, built=returned.built))


class _Site:
    """One call being evaluated: its expression, evaluated arguments and the caller's state."""

    __slots__ = ("args", "expr", "flags_on_result", "keywords", "line", "spread", "state")

    def __init__(
        self,
        expr: Call,
        args: list[Value],
        keywords: dict[str, Value],
        spread: Value | None,
        line: int,
        state: State,
    ) -> None:
        self.expr = expr
        self.args = args
        self.keywords = keywords
        self.spread = spread
        self.line = line
        self.state = state
        self.flags_on_result: frozenset[str] = frozenset()


def _entered_at(fact: Fact, origins: tuple[str, ...]) -> bool:
    import fnmatch

    name = fact.origin.strip("`")
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in origins)


def _holds_source(value: Value, holders: frozenset[str], depth: int) -> bool:
    if value.ref is not None and value.ref in holders:
        return True
    if depth >= 2:
        return False
    return any(_holds_source(inner, holders, depth + 1) for _, inner in value.slots)


def _accepted(sink: Sink) -> frozenset[str]:
    return frozenset(sink.sources) if sink.sources is not None else DEFAULT_SOURCES


def _bind(function: Function, receiver: Value | None, call: _Site, passed: Step) -> dict[str, Value]:
    params = list(function.params)
    bindings: dict[str, Value] = {}
    positional = [p for p in params if p.kind == "positional"]
    static = "staticmethod" in function.decorators
    explicit = next((p for p in params if p.kind == "receiver"), None)
    if explicit is not None:
        bindings[explicit.name] = receiver if receiver is not None else Value()
    elif receiver is not None and positional and not static:
        bindings[positional[0].name] = receiver
        positional = positional[1:]
    values = [_stepped(v, passed) for v in call.args]
    for param, value in zip(positional, values, strict=False):
        bindings[param.name] = value
    extra = values[len(positional) :]
    names = {p.name for p in params}
    loose = {k: _stepped(v, passed) for k, v in call.keywords.items() if k not in names}
    for name, value in call.keywords.items():
        if name in names:
            bindings[name] = _stepped(value, passed)
    for param in params:
        if param.kind == "star":
            bindings[param.name] = Value(container="tuple", rest=join_all(extra) if extra else None)
        elif param.kind == "double":
            bindings[param.name] = Value(
                container="dict", rest=join_all(list(loose.values())) if loose else None
            )
        elif param.name not in bindings:
            spread = call.spread
            bindings[param.name] = Value(facts=spread.deep_facts()) if spread is not None else Value()
    return bindings


def _stepped(value: Value, step: Step) -> Value:
    if not value.facts:
        return value
    return replace(value, facts=frozenset(f.step(step) for f in value.facts))


def _argument(spec: int | str | None, receiver: Value | None, call: _Site) -> Value | None:
    if spec == "receiver":
        return receiver
    if isinstance(spec, int):
        return (
            call.args[spec] if spec < len(call.args) else (call.spread if call.spread is not None else None)
        )
    if isinstance(spec, str):
        return call.keywords.get(spec)
    return None


def _holds(condition: Condition, call: _Site) -> bool:
    value: Value | None = None
    if condition.keyword is not None:
        value = call.keywords.get(condition.keyword)
    if value is None and condition.position is not None and condition.position < len(call.args):
        value = call.args[condition.position]
    if value is not None and condition.key is not None:
        value = value.slot(item_key(condition.key))
    if value is None:
        return condition.absent
    if condition.equals is not None:
        if not value.known:
            return False
        const = value.const
        lowered = const.lower() if isinstance(const, str) else const
        return any(type(c) is type(const) and c in (const, lowered) for c in condition.equals)
    if condition.ref is not None:
        return value.ref == condition.ref
    return True


def _vector(args: list[Value]) -> Value:
    vector = Value(container="list", length=len(args))
    for index, arg in enumerate(args):
        vector = vector.with_slot(item_key(index), arg)
    return vector


def _argv(value: Value) -> Value:
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


def _text_fits(shape: str, value: Value, facts: frozenset[Fact]) -> bool:
    """Whether data of unknown origin reaches a text of the sink's shape (SQL text, an LDAP filter):
    untrusted data counts whatever the text around it."""
    pattern = TEXT_SHAPES.get(shape)
    if pattern is None or any(f.kind not in ("unknown", PARAMETER) for f in facts):
        return True
    text = value.const if isinstance(value.const, str) else value.text
    return text is not None and bool(pattern.search(text))


def _store_matches(pattern: str, ref: str, name: str) -> bool:
    import fnmatch

    if pattern == ref:
        return True
    if pattern.startswith("*") and "." not in pattern:
        return fnmatch.fnmatchcase(name, pattern)
    return pattern.startswith("*.") and fnmatch.fnmatchcase(ref, pattern)
