"""The engine on small programs: sources, sinks and sanitizers per kind, containers, constant branches,
guards, calls across functions and files, and the bounds that keep hostile input cheap."""

from __future__ import annotations

from analyzers.contract.syntax import parse_text
from analyzers.flow.engine import Engine
from analyzers.flow.hit import Hit
from analyzers.flow.program import Program, SourceFile
from tests.analyzers.flow.helpers import hits_of, untrusted

FLASK = "from flask import request\nimport os, subprocess\n\n\n"


def _lines(hits: list[Hit], kind: str | None = None) -> list[int]:
    return sorted(h.line for h in hits if untrusted(h) and (kind is None or h.kind == kind))


def test_request_data_reaches_a_shell_through_two_helpers_in_another_file() -> None:
    hits = hits_of(
        {
            "views.py": FLASK + "from tools import run\n\ndef view():\n    run(request.args['host'])\n",
            "tools.py": "import os\n\ndef run(host):\n    build(host)\n\ndef build(h):\n    os.system('ping ' + h)\n",
        },
        entries={"views.py"},
    )
    (hit,) = [h for h in hits if untrusted(h)]
    assert (hit.path, hit.line, hit.kind) == ("tools.py", 7, "command")
    (fact,) = hit.facts
    notes = [step.note for step in hit.trace(fact)]
    assert notes[0] == "`flask.request.args` read"
    assert "passed to `run`" in notes
    assert "passed to `build`" in notes
    assert notes[-1] == "reaches `os.system`"


def test_a_sanitizer_clears_only_the_kinds_it_protects() -> None:
    text = FLASK + (
        "import html\n\ndef view():\n    name = html.escape(request.args['n'])\n"
        "    os.system('echo ' + name)\n    return name\n"
    )
    hits = hits_of({"app.py": text})
    assert _lines(hits, "command") == [9]


def test_containers_keep_their_keys_and_positions() -> None:
    text = FLASK + (
        "def view():\n"
        "    box = {'a': 'safe', 'b': request.args['x']}\n"
        "    os.system(box['a'])\n"
        "    os.system(box['b'])\n"
        "    items = ['safe']\n"
        "    items.append(request.args['y'])\n"
        "    items.pop(0)\n"
        "    os.system(items[0])\n"
        "    first, second = 'ls', request.args['z']\n"
        "    os.system(first)\n"
        "    os.system(second)\n"
    )
    assert _lines(hits_of({"app.py": text}), "command") == [8, 12, 15]


def test_constant_conditions_fold_and_loops_reach_a_fixpoint() -> None:
    text = FLASK + (
        "def view():\n"
        "    num = 86\n"
        "    bar = 'constant' if 7 * 42 - num > 200 else request.args['x']\n"
        "    os.system(bar)\n"
        "    guess = 'ABC'[1]\n"
        "    match guess:\n"
        "        case 'A':\n"
        "            other = request.args['y']\n"
        "        case _:\n"
        "            other = 'safe'\n"
        "    os.system(other)\n"
        "    acc = ''\n"
        "    for part in request.args.getlist('p'):\n"
        "        acc = acc + part\n"
        "    os.system(acc)\n"
    )
    assert _lines(hits_of({"app.py": text}), "command") == [19]


def test_a_check_on_the_way_clears_the_kinds_its_model_names() -> None:
    text = FLASK + (
        "from urllib.parse import urlparse\nfrom flask import redirect\n\n"
        "def view():\n"
        "    target = request.args['next']\n"
        "    if urlparse(target).netloc not in ('example.org',):\n"
        "        return redirect('/')\n"
        "    os.system(target)\n"
        "    return redirect(target)\n"
    )
    hits = hits_of({"app.py": text})
    assert _lines(hits, "redirect") == []
    assert _lines(hits, "command") == [12]


def test_parameters_of_unknown_origin_and_bounded_calls_still_report() -> None:
    text = "import os\n\ndef run(cmd):\n    os.system(cmd)\n"
    (hit,) = hits_of({"tool.py": text})
    assert {fact.kind for fact in hit.facts} == {"unknown"}
    deep = "import os\n" + "".join(f"def f{i}(x):\n    return f{i + 1}(x)\n" for i in range(12))
    deep += "def f12(x):\n    os.system(x)\n\ndef entry():\n    from flask import request\n"
    deep += "    f0(request.args['x'])\n"
    hits = hits_of({"deep.py": deep})
    sink = deep.splitlines().index("    os.system(x)") + 1
    (found,) = [hit for hit in hits if hit.line == sink]
    assert {fact.kind for fact in found.facts} >= {"unknown"}  # past the depth bound: unknown, not lost


def test_hostile_nesting_is_bounded_and_marked() -> None:
    text = "import os\n\ndef run(x):\n    os.system(" + "(" * 300 + "x" + ")" * 300 + ")\n"
    tree = parse_text("python", text)
    assert tree is not None
    program = Program([SourceFile("deep.py", "python", tree, None)])
    hits = Engine(program).analyze()
    function = program.function("deep.py", "run")
    assert function is not None
    assert function.truncated
    assert [hit.line for hit in hits] == [4]  # the sink is still reported, its value not followed


JAVA = """
import javax.servlet.http.HttpServletRequest;

public class Shop {
    public void view(HttpServletRequest request, java.sql.Statement statement) throws Exception {
        String param = request.getParameter("q");
        String bar = new Helper().pass(param);
        char pick = "ABC".charAt(1);
        String chosen = param;
        switch (pick) {
            case 'A': chosen = param; break;
            case 'B': chosen = "bob";
            case 'C': chosen = chosen + "!"; break;
            default: chosen = param;
        }
        statement.execute("SELECT * FROM t WHERE a = '" + bar + "'");
        statement.execute("SELECT * FROM t WHERE a = '" + chosen + "'");
    }

    private class Helper {
        public String pass(String value) {
            return value;
        }
    }
}
"""


def test_java_methods_switches_and_inner_classes() -> None:
    hits = hits_of({"src/Shop.java": JAVA}, language="java")
    assert _lines(hits, "sql") == [16]  # case 'B' falls through to 'C' with a constant: line 17 is safe


def test_hostile_java_nesting_is_bounded() -> None:
    text = "class A { void f(String x) { Runtime.getRuntime().exec(" + "(" * 300 + "x" + ")" * 300 + "); } }"
    (hit,) = hits_of({"A.java": text}, language="java")
    assert hit.kind == "command"
