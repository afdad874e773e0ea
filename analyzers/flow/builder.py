"""Building one function's control-flow graph, shared by the lowerings of every language.

A `FunctionBuilder` holds the block being filled, the targets of `break`/`continue`, the exception
handler of the innermost `try`, and the bounds: a lowering that goes deeper than `MAX_DEPTH` nested
expressions or statements, or past `MAX_STEPS` syntax nodes, stops following the code and records an
`Opaque` value (`Function.truncated`), so hostile input costs bounded time and the values it hides are
of unknown origin, never constant.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzers.flow.ir import (
    Assign,
    Block,
    Branch,
    Expr,
    Function,
    Goto,
    Opaque,
    Operand,
    Statement,
    Terminator,
    Var,
)

MAX_DEPTH = 80  # nested expressions or statements followed
MAX_STEPS = 40_000  # syntax nodes lowered per function


@dataclass(slots=True)
class Loop:
    head: int  # `continue` goes here
    exit: int  # `break` goes here


class FunctionBuilder:
    """Appends statements to the current block and wires blocks together."""

    def __init__(self, function: Function) -> None:
        self.function = function
        self.loops: list[Loop] = []
        self.handlers: list[int] = []
        self.steps = 0
        self._temps = 0
        self.current = self.new_block()

    # -- blocks ---------------------------------------------------------------------------------
    def new_block(self) -> Block:
        block = Block(index=len(self.function.blocks))
        block.handler = self.handlers[-1] if self.handlers else None
        self.function.blocks.append(block)
        return block

    def start(self, block: Block) -> None:
        """Continue filling `block` (already created)."""
        self.current = block

    def end(self, terminator: Terminator) -> None:
        """End the current block unless it already ended; later statements go to a fresh block that
        nothing reaches (dead code is lowered but never interpreted)."""
        if self.current.terminator is None:
            self.current.terminator = terminator
        self.current = self.new_block()

    def goto(self, target: Block) -> None:
        if self.current.terminator is None:
            self.current.terminator = Goto(target.index)

    def branch(self, test: Operand, then: Block, orelse: Block, line: int) -> None:
        if self.current.terminator is None:
            self.current.terminator = Branch(test, then.index, orelse.index, line)

    # -- statements -----------------------------------------------------------------------------
    def emit(self, statement: Statement) -> None:
        self.current.statements.append(statement)

    def temp(self, expr: Expr, line: int) -> Var:
        """A fresh temporary holding `expr`."""
        self._temps += 1
        name = f"${self._temps}"
        self.function.temporaries[name] = expr
        self.emit(Assign(name, expr, line))
        return Var(name)

    def lasting(self, operand: Operand, line: int) -> Operand:
        """`operand` kept in a variable that outlives its block (a loop's iterable, a `match`
        subject): block temporaries are dropped when their block ends."""
        if not isinstance(operand, Var) or not operand.name.startswith("$"):
            return operand
        self._temps += 1
        name = f"$${self._temps}"
        self.emit(Assign(name, operand, line))
        return Var(name)

    def assign(self, name: str, expr: Expr, line: int) -> None:
        self.emit(Assign(name, expr, line))

    def unknown(self, reason: str, line: int) -> Var:
        """A value of unknown origin (a condition that cannot be decided, a construct not followed)."""
        return self.temp(Opaque(reason), line)

    # -- bounds ---------------------------------------------------------------------------------
    def spend(self, depth: int) -> bool:
        """Count one syntax node; False when a bound is reached (the caller records `Opaque`)."""
        self.steps += 1
        if depth > MAX_DEPTH or self.steps > MAX_STEPS:
            self.function.truncated = True
            return False
        return True
