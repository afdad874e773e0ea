"""Calls: into the program's own functions (followed with the arguments' values), or into libraries
(described by the models: sinks, sanitizers, propagators, flags, sources and types).

A library call the models do not describe returns a value holding the data of its receiver and
arguments; when it holds none, the value is of unknown origin (`unknown`), as today's confidence
scale treats the result of a call it cannot see into.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from analyzers.base import TraceStep as Step
from analyzers.flow import constant
from analyzers.flow.ir import Attr, Call, Function, Operand, Unary, Var
from analyzers.flow.sinks import CALLED, SinkChecks
from analyzers.flow.site import Site, argument, holds
from analyzers.flow.value import (
    EMPTY,
    NOT_CONSTANT,
    Fact,
    Value,
    item_key,
    join_all,
)

if TYPE_CHECKING:
    from analyzers.flow.transfer import Evaluator

State = dict[str, Value]
_CHAINED = frozenset({"append", "insert", "write", "concat"})  # methods that return their receiver
_PURE_BUILTINS = frozenset({"len", "str", "int", "float", "bool", "repr", "abs", "min", "max", "sorted", "list", "tuple",
                            "dict", "set", "frozenset", "range", "enumerate", "zip", "reversed", "sum", "any", "all",
                            "isinstance", "hasattr", "getattr", "type", "id", "hash", "round", "ord", "chr", "hex",
                            "format", "print", "iter", "next", "map", "filter", "bytes", "bytearray", "super"})  # fmt: skip


class CallEvaluator(SinkChecks):
    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator
        self.engine = evaluator.engine
        self.models = evaluator.models
        self.path = evaluator.path
        self.attribute_sinks = tuple(sink for sink in self.models.sinks if sink.attributes)
        self.named_returns = self.models.named_returns  # `def:*token*` sinks: check every return

    # -- dispatch -------------------------------------------------------------------------------
    def call(self, expr: Call, state: State, line: int) -> Value:
        operand = self.evaluator.operand
        func = operand(expr.func, state)
        args = [operand(a, state) for a in expr.args]
        keywords = {k: operand(v, state) for k, v in expr.keywords}
        spread = operand(expr.spread, state) if expr.spread is not None else None
        call = Site(expr, args, keywords, spread, line, state)
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
    def user(self, target: tuple[str, str], receiver: Value | None, call: Site) -> Value:
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
        # A trace names each file the data went through: a function of another file by its path.
        where = f" in {function.path}" if function.path != self.path else ""
        step = Step(self.path, call.line, f"returned from `{call.expr.label or function.name}`{where}")
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

    def instantiate(self, path: str, identifier: str, call: Site) -> Value:
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

    def _passed(self, call: Site) -> Step:
        return Step(self.path, call.line, f"passed to `{call.expr.label}`")

    def _write_back(
        self, function: Function, receiver: Value | None, call: Site, params: dict[str, Value]
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
    def library(self, ref: str | None, method: str | None, receiver: Value | None, call: Site) -> Value:
        if ref is not None and ref in self.models.exits:
            self.evaluator.run.halted = True
        self.check_sinks(ref, method, receiver, call)
        if self.models.callbacks:
            self.call_back(ref, method, call)
        self.set_flags(ref, method, receiver, call)
        self.renew_addressed(call)
        if ref is not None:
            self.fill_outputs(ref, call)
        result = self._result(ref, method, receiver, call)
        if call.expr.new and ref is not None and result.ref is None:
            result = replace(result, ref=self.models.types.get(ref, ref))
        if call.flags_on_result:
            result = replace(result, flags=result.flags | call.flags_on_result)
        return result

    def call_back(self, ref: str | None, method: str | None, call: Site) -> None:
        """Run the program's functions a library call will call back, with the parameters the models
        say the library gives them (`multer.diskStorage({filename: (req, file, cb) => ...})`)."""
        # imported here: the engine imports this module (through `interpret`)
        from analyzers.flow.engine import MAX_DEPTH

        for entry in self.models.matching(self.models.callbacks, ref, method):
            holder = argument(entry.position, None, call)
            if holder is not None and entry.key is not None:
                holder = holder.slot(item_key(entry.key))
            if holder is None or holder.function is None:
                continue
            function = self.engine.program.function(*holder.function)
            if function is None:
                continue
            params = [p for p in function.params if p.kind != "receiver"]
            bindings = {p.name: Value(ref=t) for p, t in zip(params, entry.parameters, strict=False) if t}
            # Run even from a module's top level (whose own calls are not followed), where options
            # objects are usually built; its calls are then followed no further.
            depth = min(self.evaluator.depth + 1, MAX_DEPTH)
            outcome = self.engine.invoke(function, bindings, depth)
            if outcome is None:
                self.evaluator.run.bounded = True
                continue
            for reach in outcome.reaches:
                self.report(reach)

    def _result(self, ref: str | None, method: str | None, receiver: Value | None, call: Site) -> Value:
        models = self.models
        for sanitizer in models.matching(models.sanitizers, ref, method):
            if all(holds(c, call) for c in sanitizer.when):
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
        call: Site,
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
        if facts and not entered and self.models.marks_calls:
            facts = frozenset(fact.mark(CALLED) for fact in facts)
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

    def _inputs(self, receiver: Value | None, call: Site) -> frozenset[Fact]:
        facts = set(receiver.facts) if receiver is not None else set()
        for value in [*call.args, *call.keywords.values(), *([call.spread] if call.spread else [])]:
            facts |= value.deep_facts()
        return frozenset(facts)

    def _sanitized(
        self, ref: str | None, method: str | None, receiver: Value | None, call: Site, clears: frozenset[str]
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
        self, action: str, key: tuple[int, ...], value_at: int, receiver: Value | None, call: Site
    ) -> Value | None:
        from analyzers.flow.propagation import apply

        if action == "fill":  # C's `strcpy(dst, src)`, `sprintf(buf, fmt, ...)`: the first argument
            if not call.args or not call.expr.args:  # takes in the data of the others
                return None
            taken = frozenset().union(*(a.deep_facts() for a in call.args[1:]))
            filled = Value(facts=call.args[0].facts | taken, built=bool(taken), flags=call.args[0].flags)
            self.evaluator.write_back(call.expr.args[0], filled, call.state)
            return filled
        if action == "emit":  # Java's `e.printStackTrace(new PrintWriter(sw))`: the argument takes in
            return self._emit(receiver, value_at, call)  # the receiver's data
        outcome = apply(action, key, value_at, receiver, call.args, call.keywords)
        if outcome is None:
            return None
        result, updated = outcome
        if updated is not None and receiver is not None:
            self.evaluator.write_back(call.expr.func, updated, call.state)
            if action == "absorb":
                self._chain_back(call.expr.func, updated, call.state)
        return result

    def _emit(self, receiver: Value | None, position: int, call: Site) -> Value | None:
        """The receiver writes itself into the argument at `position` (a writer); a writer made on the
        spot around another (`new PrintWriter(sw)`) passes what it takes to the one it wraps."""
        if receiver is None or position >= len(call.args) or position >= len(call.expr.args):
            return None
        taken = receiver.deep_facts()
        target: Operand = call.expr.args[position]
        value = call.args[position]
        for _ in range(4):
            filled = replace(value, facts=value.facts | taken, const=NOT_CONSTANT)
            self.evaluator.write_back(target, filled, call.state)
            definition = (
                self.evaluator.function.temporaries.get(target.name) if isinstance(target, Var) else None
            )
            if not (isinstance(definition, Call) and definition.new and definition.args):
                break
            target = definition.args[0]
            value = self.evaluator.operand(target, call.state)
        return Value()

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

    def renew_addressed(self, call: Site) -> None:
        """A library call given `&x` may store a new value in `x`: `x` loses its flags (`freed`)."""
        temporaries = self.evaluator.function.temporaries
        for operand in call.expr.args:
            definition = temporaries.get(operand.name) if isinstance(operand, Var) else None
            if isinstance(definition, Unary) and definition.op == "&":
                current = self.evaluator.operand(definition.operand, call.state)
                if current.flags:
                    self.evaluator.write_back(
                        definition.operand, replace(current, flags=frozenset()), call.state
                    )

    def fill_outputs(self, ref: str, call: Site) -> None:
        """A source that fills its arguments (`recv(fd, buf, n, 0)`, `fgets(buf, n, stdin)`): those
        arguments hold its data afterwards."""
        source = self.models.source_refs.get(f"{ref}()")
        if source is None or not source.outputs:
            return
        facts = self.evaluator.source_facts(f"{ref}()", call.line, result=True)
        for position in source.outputs:
            if position < len(call.expr.args) and position < len(call.args):
                filled = Value(facts=call.args[position].facts | facts)
                self.evaluator.write_back(call.expr.args[position], filled, call.state)

    # -- flags ----------------------------------------------------------------------------------
    def set_flags(self, ref: str | None, method: str | None, receiver: Value | None, call: Site) -> None:
        for flag in self.models.matching(self.models.flags, ref, method):
            if flag.on == "receiver" and receiver is not None and all(holds(c, call) for c in flag.when):
                flagged = replace(receiver, flags=receiver.flags | {flag.flag})
                self.evaluator.write_back(call.expr.func, flagged, call.state)
            elif flag.on == "argument" and flag.position < len(call.args):
                if not _own_object(self.evaluator.function, call.expr.args[flag.position]):
                    continue  # one element of many (`items[i]`), or a name another call may set
                if all(holds(c, call) for c in flag.when):  # as now: an earlier flag may have set it
                    value = self.evaluator.operand(call.expr.args[flag.position], call.state)
                    flagged = replace(value, flags=value.flags | {flag.flag})
                    self.evaluator.write_back(call.expr.args[flag.position], flagged, call.state)
            elif flag.carry:
                if flag.on == "result" and receiver is not None and flag.flag in receiver.flags:
                    call.flags_on_result = call.flags_on_result | {flag.flag}
            elif flag.on == "result" and all(holds(c, call) for c in flag.when):
                call.flags_on_result = call.flags_on_result | {flag.flag}


def _own_object(function: Function, operand: Operand) -> bool:
    """Whether `operand` is a variable of the function's own, or a field of one (`p`, `s->buf`): not
    one element of many (`items[i]`), nor a name outside it (a global or a member another call may set
    anew)."""
    for _ in range(8):
        if not isinstance(operand, Var):
            return False
        definition = function.temporaries.get(operand.name)
        if definition is None:
            return operand.name in function.locals
        if isinstance(definition, Attr):
            operand = definition.obj
        elif isinstance(definition, Var):
            operand = definition
        else:
            return False
    return False


def _holds_source(value: Value, holders: frozenset[str], depth: int) -> bool:
    if value.ref is not None and value.ref in holders:
        return True
    if depth >= 2:
        return False
    return any(_holds_source(inner, holders, depth + 1) for _, inner in value.slots)


def _bind(function: Function, receiver: Value | None, call: Site, passed: Step) -> dict[str, Value]:
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
