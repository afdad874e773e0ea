"""What the engine reports: data (or a dangerous call) reaching a sink, with the path it took."""

from __future__ import annotations

from analyzers.base import TraceStep as Step
from analyzers.flow.value import Fact
from analyzers.record import record


@record
class Hit:
    kind: str  # the sink kind, which selects the rule
    cwe: tuple[int, ...]
    path: str
    line: int
    sink: str  # what was called or stored into, as written: "cursor.execute"
    facts: frozenset[Fact]  # the data that arrived, still live for this kind
    built: bool = False  # the value was a string built from a literal and non-constant parts
    literal: bool = False  # a dangerous call reported for itself, with no data involved
    bounded: bool = False  # an analysis bound was hit on the way: the facts may be incomplete
    note: str = ""  # the model's note on this sink
    function: str = ""  # id of the function holding the sink
    accepts: frozenset[str] = frozenset()  # the kinds of data the sink counts (for summaries replayed)

    def trace(self, fact: Fact) -> tuple[Step, ...]:
        """The steps of `fact` from its source to this sink."""
        steps = fact.steps or (Step(fact.path, fact.line, f"{fact.origin} enters"),)
        sink = Step(self.path, self.line, f"reaches `{self.sink}`")
        return steps if steps[-1] == sink else (*steps, sink)
