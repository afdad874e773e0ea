"""What each expression and store does to abstract values (calls are in `analyzers.flow.calls`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from analyzers.base import TraceStep as Step
from analyzers.flow import constant
from analyzers.flow.ir import (
    Attr,
    Binary,
    Call,
    Cast,
    Compare,
    Const,
    Element,
    Expr,
    Format,
    Function,
    FunctionRef,
    Import,
    Item,
    Opaque,
    Operand,
    Pack,
    SetAttr,
    SetItem,
    Slice,
    Unary,
    Var,
)
from analyzers.flow.value import (
    EMPTY,
    MAX_TEXT,
    NOT_CONSTANT,
    RECEIVER,
    Fact,
    Value,
    attribute_key,
    item_key,
    join,
    join_all,
    map_facts,
)

if TYPE_CHECKING:
    from analyzers.flow.engine import Engine
    from analyzers.flow.interpret import FunctionRun

State = dict[str, Value]
_STRINGS = frozenset({"str", "bytes", "java.lang.String"})
_PRIMITIVES = frozenset({"int", "long", "short", "byte", "char", "boolean", "float", "double", "var", "void"})
UNSIGNED = "$unsigned"  # the type of the C lowering's own casts of unsigned data
_FLOORED = frozenset({"floored"})


class Evaluator:
    """Evaluates the expressions of one function run against a state."""

    def __init__(self, engine: Engine, function: Function, depth: int, run: FunctionRun) -> None:
        from analyzers.flow.calls import CallEvaluator

        self.engine = engine
        self.function = function
        self.path = function.path
        self.depth = depth
        self.run = run
        self.models = engine.models(function.path)
        self.calls = CallEvaluator(self)

    # -- operands and names ---------------------------------------------------------------------
    def operand(self, operand: Operand | None, state: State) -> Value:
        if operand is None:
            return _constant(None)
        if isinstance(operand, Const):
            return _constant(operand.value)
        value = state.get(operand.name)
        if value is not None:
            return value
        if operand.name.startswith("$"):
            return EMPTY
        return self.engine.free_name(self.function, operand.name)

    def expr(self, expr: Expr, state: State, line: int) -> Value:
        if isinstance(expr, Var | Const):
            return self.operand(expr, state)
        if isinstance(expr, Call):
            return self.calls.call(expr, state, line)
        if isinstance(expr, Attr):
            return self.attribute(self.operand(expr.obj, state), expr.name, line)
        if isinstance(expr, Item):
            return self.item(self.operand(expr.obj, state), self.operand(expr.key, state))
        if isinstance(expr, Binary):
            return self.binary(expr.op, self.operand(expr.left, state), self.operand(expr.right, state))
        if isinstance(expr, Compare):
            left, right = self.operand(expr.left, state), self.operand(expr.right, state)
            return Value(const=constant.compare(expr.op, left.const, right.const), ref="bool")
        if isinstance(expr, Unary):
            return self.unary(expr.op, self.operand(expr.operand, state))
        if isinstance(expr, Format):
            return self.format([self.operand(part, state) for part in expr.parts])
        if isinstance(expr, Cast):
            return self.cast(self.operand(expr.operand, state), expr.type)
        if isinstance(expr, Pack):
            return self.pack(expr, state)
        if isinstance(expr, Slice):
            return self.slice(expr, state)
        if isinstance(expr, Element):
            return self.element(self.operand(expr.iterable, state))
        if isinstance(expr, Import):
            return self.imported(expr.path)
        if isinstance(expr, FunctionRef):
            return self.function_value(expr.function_id)
        if isinstance(expr, Opaque):
            return self.opaque(expr.reason, line)
        return EMPTY

    def cast(self, value: Value, written: str) -> Value:
        """A value given a declared type: it keeps a type of its own (or a constant's), else takes the
        declared one (`java.sql.Statement st = ...`). The C lowering's `UNSIGNED` (a variable declared
        unsigned, an item of an unsigned array) marks its data `floored`: never below zero, only an
        upper bound is needed to index with it. A cast written in the source marks nothing: new facts
        would leave a later check of the uncast value unseen."""
        if written == UNSIGNED:
            from analyzers.flow.guards import cleared

            return map_facts(
                value, {fact: cleared(self.models, fact.mark(_FLOORED)) for fact in value.deep_facts()}
            )
        if value.known or value.ref is not None or not written or written in _PRIMITIVES or "[" in written:
            return value
        declared = self.engine.annotation_ref(self.function, written) or written
        return replace(value, ref=self.models.types.get(declared, declared))

    def imported(self, path: str) -> Value:
        resolved = self.engine.resolve(path)
        return resolved if resolved is not None else Value(ref=path, container="module")

    def function_value(self, identifier: str) -> Value:
        """A function or class of the program, named by its module and its id there (`pkg.mod.Outer.Inner`)."""
        module = self.function.module
        return Value(ref=f"{module}.{identifier}" if module else identifier, function=(self.path, identifier))

    def opaque(self, reason: str, line: int) -> Value:
        if reason in ("loop", "exception", "case", "pattern", "slice", "markup", "error"):
            if reason == "exception":
                fact = Fact("error", "an exception's details", self.path, line)
                return Value(facts=frozenset({fact.step(Step(self.path, line, "exception caught"))}))
            if reason == "error":  # Go's `v, err := f()`
                fact = Fact("error", "an error's details", self.path, line)
                return Value(facts=frozenset({fact.step(Step(self.path, line, "error returned"))}))
            return EMPTY
        return Value(facts=frozenset({Fact("unknown", f"code not followed ({reason})", self.path, line)}))

    # -- reads ----------------------------------------------------------------------------------
    def attribute(self, obj: Value, name: str, line: int) -> Value:
        slot = obj.slot(attribute_key(name))
        if slot is None and obj.container == "dict":  # a JavaScript object's property is its key
            slot = obj.slot(item_key(name))
        if slot is not None:
            return slot
        ref = f"{obj.ref}.{name}" if obj.ref else None
        if obj.container == "module" and ref is not None:
            resolved = self.engine.resolve(ref)
            if resolved is not None:
                return resolved
            if self.engine.program.module_path(ref) is not None:
                return Value(ref=ref, container="module")
        facts = obj.facts
        owner = next((flag[len(RECEIVER) :] for flag in obj.flags if flag.startswith(RECEIVER)), None)
        if owner is not None:  # state of an object nothing is known of: of unknown origin
            facts = facts | {Fact("unknown", f"`{owner}.{name}`", self.path, line)}
        if ref is not None:
            facts = facts | self.source_facts(ref, line)
            typed = self.models.types.get(ref)
            if typed is not None:
                return Value(facts=facts, ref=typed)
        # A dotted name under a module or package stays a name (`org.example.Util.method`), so the
        # program's classes and functions are found at its end.
        container = "module" if obj.container == "module" and not facts else None
        return Value(facts=facts, ref=ref, container=container)

    def source_facts(self, ref: str, line: int, *, result: bool = False) -> frozenset[Fact]:
        source = self.models.source_refs.get(ref)
        if source is None or (source.imports and not self.engine._imports_any(self.path, source.imports)):
            return frozenset()
        if source.outputs and not result:
            return frozenset()  # the call fills its arguments; what it returns is a count
        label = ref.removesuffix("()")
        fact = Fact(source.kind, f"`{label}`", self.path, line)
        return frozenset({fact.step(Step(self.path, line, f"`{label}` read"))})

    def item(self, obj: Value, key: Value) -> Value:
        if key.known:
            index = key.const
            if (
                obj.length is not None
                and isinstance(index, int)
                and not isinstance(index, bool)
                and index < 0
            ):
                index = obj.length + index
            slot = obj.slot(item_key(index))  # type: ignore[arg-type]
            if slot is not None:
                return slot if not obj.facts else replace(slot, facts=slot.facts | obj.facts)
            folded = constant.index(obj.const, key.const)
            if not isinstance(folded, type(NOT_CONSTANT)):
                return _constant(folded)
        # An item picked by a predictable random index is as predictable as the index
        # (`letters[rand.Intn(n)]`); other data in a key picks among the table's own items.
        chosen = frozenset(fact for fact in key.facts if fact.kind == "random")
        if obj.container is not None or obj.slots:
            inner = obj.elements()
            return replace(inner, facts=inner.facts | obj.facts | chosen)
        return Value(facts=obj.facts | chosen, ref="str" if obj.ref in _STRINGS else None, built=obj.built)

    def slice(self, expr: Slice, state: State) -> Value:
        obj = self.operand(expr.obj, state)
        lower = self.operand(expr.lower, state).const if expr.lower is not None else None
        upper = self.operand(expr.upper, state).const if expr.upper is not None else None
        folded = constant.slice_of(obj.const, lower, upper)
        if not isinstance(folded, type(NOT_CONSTANT)):
            return _constant(folded)
        if obj.container in ("list", "tuple"):
            return Value(facts=obj.facts, container=obj.container, rest=obj.elements())
        return Value(facts=obj.deep_facts(), ref=obj.ref, built=obj.built, text=obj.text)

    def element(self, iterable: Value) -> Value:
        if iterable.container is not None or iterable.slots:
            inner = iterable.elements()
            return replace(inner, facts=inner.facts | iterable.facts)
        return Value(facts=iterable.deep_facts(), ref="str" if iterable.ref in _STRINGS else None)

    # -- operators ------------------------------------------------------------------------------
    def binary(self, op: str, left: Value, right: Value) -> Value:
        folded = constant.binary(op, left.const, right.const)
        if not isinstance(folded, type(NOT_CONSTANT)):
            return _constant(folded)
        if op in ("and", "or"):
            return join(left, right)
        if op == "%" and left.ref in _STRINGS:
            parts = [left, *(v for _, v in right.slots)] if right.container == "tuple" else [left, right]
            return self.format(parts, template=left)
        if op == "+" and (left.ref in _STRINGS or right.ref in _STRINGS or left.built or right.built):
            return self.format([left, right])
        if op == "+" and left.container in ("list", "tuple") and right.container in ("list", "tuple"):
            rest = join(left.elements(), right.elements())
            return Value(facts=left.facts | right.facts, container=left.container, rest=rest)
        facts = left.deep_facts() | right.deep_facts()
        if op in ("*", "<<") and not any(isinstance(side.const, str | bytes) for side in (left, right)):
            facts = frozenset(fact.mark(PRODUCT) for fact in facts)  # a size that may wrap around
        if op in ("+", "-") and self.models.language == "c" and (left.flags or right.flags):
            flags = left.flags | (right.flags if op == "+" else frozenset())  # `p + offset` is still `p`
            return Value(facts=facts, ref=left.ref or right.ref, flags=flags)
        return Value(facts=facts, ref=left.ref or right.ref)

    def unary(self, op: str, operand: Value) -> Value:
        folded = constant.unary(op, operand.const)
        if op == "not":
            return Value(const=folded, ref="bool")
        if not isinstance(folded, type(NOT_CONSTANT)):
            return _constant(folded)
        return Value(facts=operand.facts, ref=operand.ref)

    def format(self, parts: list[Value], template: Value | None = None) -> Value:
        """A string built from `parts`: constant when every part is, else built from their data."""
        if all(part.known for part in parts) and template is None:
            joined = "".join(str(part.const) for part in parts)
            return _constant(joined) if len(joined) <= constant.MAX_LENGTH else Value(ref="str")
        facts = frozenset().union(*(part.deep_facts() for part in parts))
        literal = any(part.known and part.const not in ("", None) for part in parts) or template is not None
        variable = any(not part.known for part in parts)
        skeleton = "".join(
            (str(part.const) if part.known else (part.text or "\x00"))
            for part in ([template] if template else parts)
        )
        return Value(
            facts=facts,
            ref="str",
            built=(literal and variable) or any(part.built for part in parts),
            text=skeleton[:MAX_TEXT],
        )

    def pack(self, expr: Pack, state: State) -> Value:
        items = [self.operand(item, state) for item in expr.items]
        if expr.keys is not None:
            keys = [self.operand(key, state) for key in expr.keys]
            value = Value(container="dict")
            loose: list[Value] = []
            for key, item in zip(keys, items, strict=False):
                if key.known and expr.exact:
                    value = value.with_slot(item_key(key.const), item)  # type: ignore[arg-type]
                else:
                    loose.extend([item, Value(facts=key.facts)])
            return replace(value, rest=join_all(loose)) if loose else value
        if not expr.exact:
            return Value(container=expr.kind, rest=join_all(items) if items else None)
        value = Value(container=expr.kind, length=len(items))
        for index, item in enumerate(items):
            value = value.with_slot(item_key(index), item)
        return value

    # -- stores ---------------------------------------------------------------------------------
    def set_attribute(self, statement: SetAttr, state: State) -> None:
        obj = self.operand(statement.obj, state)
        value = self.operand(statement.value, state)
        self.calls.check_store(obj, Value(), value, statement.line, f"{obj.ref or 'object'}.{statement.name}")
        self.calls.check_attribute(obj, statement.name, value, statement.line)
        self.write_back(statement.obj, obj.with_slot(attribute_key(statement.name), value), state)

    def set_item(self, statement: SetItem, state: State) -> None:
        obj = self.operand(statement.obj, state)
        key = self.operand(statement.key, state)
        value = self.operand(statement.value, state)
        self.calls.check_store(obj, key, value, statement.line, obj.ref or "container")
        if key.known:
            updated = obj.with_slot(item_key(key.const), value)  # type: ignore[arg-type]
        else:
            rest = value if obj.rest is None else join(obj.rest, value)
            updated = replace(obj, rest=replace(rest, facts=rest.facts | key.facts), length=None)
        self.write_back(statement.obj, updated, state)

    def write_back(self, target: Operand | None, value: Value, state: State, depth: int = 0) -> None:
        """Store the changed `value` of `target` where it lives: the variable, or the attribute or
        item of a variable it was read from."""
        if not isinstance(target, Var) or depth > 3:
            return
        if not target.name.startswith("$"):
            state[target.name] = value
            return
        state[target.name] = value
        definition = self.function.temporaries.get(target.name)
        if isinstance(definition, Attr):
            owner = self.operand(definition.obj, state)
            self.write_back(
                definition.obj, owner.with_slot(attribute_key(definition.name), value), state, depth + 1
            )
        elif isinstance(definition, Unary) and definition.op == "&":  # C's `&x`: `x` itself
            self.write_back(definition.operand, value, state, depth + 1)
        elif isinstance(definition, Item):
            key = self.operand(definition.key, state)
            if key.known:
                owner = self.operand(definition.obj, state)
                self.write_back(definition.obj, owner.with_slot(item_key(key.const), value), state, depth + 1)  # type: ignore[arg-type]


PRODUCT = frozenset({"product"})


def _constant(value: object) -> Value:
    from analyzers.flow.value import constant as make

    return make(value)  # type: ignore[arg-type]
