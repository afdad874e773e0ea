from pathlib import Path

from bench.injection_cost import instructions


def test_instructions_sum_every_process_output(tmp_path: Path) -> None:
    (tmp_path / "out.101").write_text("events: Ir\nfn=main\n1 5\nsummary: 1200\ntotals: 1200\n")
    (tmp_path / "out.102").write_text("events: Ir\nsummary: 34\n")
    (tmp_path / "out.103").write_text("events: Ir\n")  # a process that counted nothing yet
    assert instructions(tmp_path) == 1234
