"""Hostile shapes of real code stay cheap: the work and the facts of the engine are counted, not timed.

The first shape is the one that held a real Go change for 86 s and 3.6 GB: a run of `if x.f != nil`
checks on one value, each join keeping the checked and the unchecked copy of its data."""

from __future__ import annotations

from analyzers.contract.syntax import parse_text
from analyzers.flow.engine import FILE_STEPS, Engine
from analyzers.flow.interpret import FunctionRun
from analyzers.flow.program import Program, SourceFile
from analyzers.flow.value import MAX_FACTS, Fact, Value, join, unite

HEADER = 'package main\n\nimport (\n\t"net/http"\n\t"os/exec"\n)\n\n'


def _run(source: str, name: str = "h") -> tuple[Engine, FunctionRun]:
    tree = parse_text("go", source)
    assert tree is not None
    program = Program([SourceFile("hostile.go", "go", tree, None)])
    engine = Engine(program)
    engine.analyze()
    function = program.function("hostile.go", name)
    assert function is not None
    bindings = {param.name: engine.entry_value(function, param) for param in function.params}
    run = FunctionRun(engine, function, bindings, 0)
    run.run()
    return engine, run


def _largest(run: FunctionRun) -> int:
    return max((len(value.deep_facts()) for value in run.final_state.values()), default=0)


def test_a_run_of_nil_checks_keeps_one_fact_per_source() -> None:
    checks = "".join(f'\tif c.F{i} != nil {{\n\t\tlabels["k{i}"] = *c.F{i}\n\t}}\n' for i in range(60))
    body = f'\tc := decode(r.Body)\n\tlabels := map[string]string{{}}\n{checks}\texec.Command(labels["k0"]).Run()\n'
    engine, run = _run(HEADER + f"func h(w http.ResponseWriter, r *http.Request) {{\n{body}}}\n")
    assert _largest(run) <= 2  # the request's data (one source), checked on no way out
    assert engine.steps < 20 * 60 * 4  # a few statements per check, once for the entry, once here
    [hit] = [hit for hit in engine.hits.values() if hit.kind == "command"]
    assert {fact.kind for fact in hit.facts} == {"http"}


def test_hundreds_of_struct_fields_and_cases_stay_within_the_fact_bound() -> None:
    fields = "".join(f'\t\tF{i}: r.FormValue("f{i}"),\n' for i in range(300))
    cases = "".join(f'\tcase "c{i}":\n\t\tx = x + r.Header.Get("h{i}")\n' for i in range(300))
    chain = "r" + "".join(f".A{i}" for i in range(300))
    body = (
        f"\tt := T{{\n{fields}\t}}\n\tx := {chain}\n\tswitch r.Method {{\n{cases}\t}}\n"
        "\texec.Command(x, t.F1).Run()\n"
    )
    engine, run = _run(HEADER + f"func h(w http.ResponseWriter, r *http.Request) {{\n{body}}}\n")
    assert _largest(run) <= MAX_FACTS + 2  # and one for each further kind: here `unknown`
    assert engine.steps < 5 * 3_000
    assert any(hit.kind == "command" for hit in engine.hits.values())


def test_nested_loops_of_many_checks_stay_within_the_file_budget_with_their_sinks_checked() -> None:
    checks = "".join(f"\t\t\tif len(v) > {i} {{\n\t\t\t\tx = x + v + y\n\t\t\t}}\n" for i in range(300))
    loops = (
        f'\tfor _, v := range r.Form["q"] {{\n\t\tfor _, y := range r.Form["p"] {{\n{checks}\t\t}}\n\t}}\n'
    )
    body = f'\tx := ""\n{loops}\texec.Command(x).Run()\n'
    engine, run = _run(HEADER + f"func h(w http.ResponseWriter, r *http.Request) {{\n{body}}}\n")
    assert engine.steps <= 2 * (FILE_STEPS + 3_000)  # the analysis, then the test's own run
    assert _largest(run) <= 2
    assert any(hit.kind == "command" for hit in engine.hits.values())


def test_variants_of_one_source_meet_into_the_fact_that_is_safe_for_less() -> None:
    plain = Fact("http", "`r.Form`", "a.go", 3)
    checked = Fact("http", "`r.Form`", "a.go", 3, cleared=frozenset({"path", "sql"}), marks=frozenset({"m"}))
    other = Fact("http", "`r.Form`", "a.go", 3, cleared=frozenset({"sql"}))
    [met] = unite(frozenset({checked}), frozenset({other}))
    assert (met.cleared, met.marks) == (frozenset({"sql"}), frozenset())
    [met] = join(Value(facts=frozenset({plain})), Value(facts=frozenset({checked}))).facts
    assert (met.cleared, met.marks) == (frozenset(), frozenset())


def test_past_the_bound_facts_of_one_kind_merge_and_placeholders_never_do() -> None:
    many = frozenset(Fact("http", f"`q{i}`", "a.go", i) for i in range(3 * MAX_FACTS))
    holders = frozenset(Fact("parameter", f"p{i}", "a.go::f", 0) for i in range(MAX_FACTS))
    kept = unite(many, holders)
    assert sum(1 for fact in kept if fact.kind == "parameter") == MAX_FACTS
    assert len(kept) <= 2 * MAX_FACTS
    assert {fact.kind for fact in kept} == {"http", "parameter"}
