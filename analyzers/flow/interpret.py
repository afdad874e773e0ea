"""One function interpreted over its control-flow graph until the values reach a fixpoint.

The state at a block's entry is the join of the states its predecessors leave (and, for a handler, of
the states inside its `try`). A branch whose test folds to a constant sends the state one way only;
otherwise each way gets the state refined by what the test proves (`analyzers.flow.guards`). Loops
iterate until nothing changes; a block visited more than `WIDEN_AFTER` times forgets its constants
and contents, and one visited `MAX_VISITS` times, or again once the file's budget is spent
(`Engine.exhausted`), is not run again (the function is then `bounded`): every block reached is still
run once, so its sinks are still checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from analyzers.flow.constant import truth
from analyzers.flow.guards import refine
from analyzers.flow.hit import Hit
from analyzers.flow.ir import Assign, Branch, Function, Goto, Return, SetAttr, SetItem
from analyzers.flow.nullness import drop, proven
from analyzers.flow.transfer import Evaluator
from analyzers.flow.value import EMPTY, Value, join

if TYPE_CHECKING:
    from analyzers.flow.engine import Engine

WIDEN_AFTER = 6
MAX_VISITS = 24

State = dict[str, Value]


@dataclass(slots=True)
class Outcome:
    returned: Value
    params: dict[str, Value] = field(default_factory=dict)
    bounded: bool = False
    reaches: list[Hit] = field(default_factory=list)  # hits by a summary's placeholders, for the caller


class FunctionRun:
    """Interprets `function` with its parameters bound to `bindings`."""

    def __init__(self, engine: Engine, function: Function, bindings: Mapping[str, Value], depth: int) -> None:
        self.engine = engine
        self.function = function
        self.bindings = dict(bindings)
        self.depth = depth
        self.bounded = False
        self.halted = False  # a call that never returns ended the block being run
        self.reaches: list[Hit] = []
        self.final_state: State = {}
        self.evaluator = Evaluator(engine, function, depth, self)
        self.null_checked = self.evaluator.models.null_checked
        self.fills_buffers = self.evaluator.models.language == "c"  # results left where parameters point
        # What the function leaves behind: its parameters' values (for the caller), or every name of
        # a module's top level (its globals); joining every local at every return would cost the
        # square of a long function's length.
        self.whole = function.id == "<module>"
        self.kept = frozenset(p.name for p in function.params)

    def run(self) -> Outcome:
        blocks = self.function.blocks
        entry_states: list[State | None] = [None] * len(blocks)
        entry_states[0] = dict(self.bindings)
        visits = [0] * len(blocks)
        pending = [0]
        returned: Value | None = None
        finals: State = {}
        while pending:
            index = min(pending)
            pending.remove(index)
            state = entry_states[index]
            if state is None:
                continue
            visits[index] += 1
            if visits[index] > MAX_VISITS or (visits[index] > 1 and self.engine.exhausted()):
                self.bounded = True
                continue
            block = blocks[index]
            out = self.execute(index, dict(state))
            if out is None:
                continue
            if block.handler is not None:
                self._merge(entry_states, visits, pending, block.handler, _join_states(state, out))
            terminator = block.terminator
            if isinstance(terminator, Goto):
                self._merge(
                    entry_states,
                    visits,
                    pending,
                    terminator.target,
                    _cleanup(out) if terminator.cleanup else out,
                )
            elif isinstance(terminator, Branch):
                self._branch(terminator, out, entry_states, visits, pending)
            else:
                value = (
                    self.evaluator.operand(terminator.value, out) if isinstance(terminator, Return) else EMPTY
                )
                if (
                    isinstance(terminator, Return)
                    and terminator.value is not None
                    and (self.function.decorators or self.evaluator.calls.named_returns)
                ):
                    self.evaluator.calls.check_return(self.function, value, terminator.line)
                if (
                    isinstance(terminator, Return)
                    and self.fills_buffers
                    and self.evaluator.calls.named_returns
                ):
                    self.evaluator.calls.check_filled(self.function, out, terminator.line)
                returned = value if returned is None else join(returned, value)
                out = _outgoing(out) if self.whole else {n: v for n, v in out.items() if n in self.kept}
                finals = _join_states(finals, out) if finals else out
        self.final_state = finals
        params = {p.name: finals[p.name] for p in self.function.params if p.name in finals}
        return Outcome(returned if returned is not None else EMPTY, params, self.bounded, self.reaches)

    def execute(self, index: int, state: State) -> State | None:
        """The state after the block's statements, or None when a call that never returns ends it."""
        self.halted = False
        statements = self.function.blocks[index].statements
        self.engine.steps += len(statements)
        for statement in statements:
            if isinstance(statement, Assign):
                state[statement.target] = self.evaluator.expr(statement.expr, state, statement.line)
            elif isinstance(statement, SetAttr):
                self.evaluator.set_attribute(statement, state)
            elif isinstance(statement, SetItem):
                self.evaluator.set_item(statement, state)
            if self.halted:
                return None
        return state

    def _branch(
        self,
        terminator: Branch,
        state: State,
        entry_states: list[State | None],
        visits: list[int],
        pending: list[int],
    ) -> None:
        decided = truth(self.evaluator.operand(terminator.test, state).const)
        kept = _outgoing(state)
        models = self.evaluator.models
        if decided is not False:
            then = refine(models, self.function, terminator.test, state, True, kept, self.evaluator.operand)
            self._merge(
                entry_states, visits, pending, terminator.then, self._checked(then, state, True, terminator)
            )
        if decided is not True:
            orelse = refine(
                models, self.function, terminator.test, state, False, kept, self.evaluator.operand
            )
            orelse = self._checked(orelse, state, False, terminator)
            self._merge(entry_states, visits, pending, terminator.orelse, orelse)

    def _checked(self, out: State, tested: State, holds: bool, terminator: Branch) -> State:
        """`out` without the flags a null check drops, for what the test proved not null."""
        if not self.null_checked:
            return out
        names = proven(self.function, terminator.test, holds)
        return drop(out, tested, names, self.null_checked) if names else out

    def _merge(
        self,
        entry_states: list[State | None],
        visits: list[int],
        pending: list[int],
        target: int,
        state: State,
    ) -> None:
        state = _outgoing(state)
        old = entry_states[target]
        new = state if old is None else _join_states(old, state)
        if visits[target] >= WIDEN_AFTER:
            new = {name: _widen(value) for name, value in new.items()}
        if old is None or new != old:
            entry_states[target] = new
            if target not in pending:
                pending.append(target)


def _outgoing(state: State) -> State:
    """The state a block hands on: temporaries live within their block, except the lasting ones
    (`$$...`: a loop's iterable, a conditional expression's result)."""
    if not any(name[0] == "$" for name in state):
        return state
    return {name: value for name, value in state.items() if name[0] != "$" or name.startswith("$$")}


def _join_states(a: State, b: State) -> State:
    if a is b:
        return a
    joined = dict(a)
    for name, value in b.items():
        mine = joined.get(name)
        joined[name] = value if mine is None else join(mine, value)
    return joined


def _widen(value: Value) -> Value:
    """Forget what can keep growing in a loop: constants, contents, skeletons."""
    if (
        not value.known
        and not value.slots
        and value.rest is None
        and value.text is None
        and value.alternatives is None
    ):
        return value
    contents = Value(facts=value.deep_facts()) if value.slots or value.rest is not None else None
    return replace(value, const=Value().const, slots=(), rest=contents, text=None, alternatives=None)


RELEASED = frozenset({"freed", "all:freed"})  # the typestate a `goto` to cleanup code carries


def _cleanup(state: State) -> State:
    """What a C `goto` takes to its label: which memory was released (so the cleanup code's `free(p)`
    after a `free(p); goto fail;` is a double free) and no data, constants or other checks: the jump
    usually follows a failed check, and the values it skipped are not the cleanup code's business."""
    return {
        name: Value(flags=value.flags & RELEASED) if value.flags & RELEASED else EMPTY
        for name, value in state.items()
    }
