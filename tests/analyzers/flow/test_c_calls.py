"""C links functions by name: a call into a function defined in another file of the change is
followed, the same folder's definition first."""

from __future__ import annotations

from tests.analyzers.flow.helpers import hits_of


def test_input_reaches_a_sink_in_another_file_of_the_change() -> None:
    files = {
        "src/run.c": "#include <stdlib.h>\nvoid run_command(const char *cmd) {\n    system(cmd);\n}\n",
        "src/main.c": (
            "void run_command(const char *cmd);\n"
            "int main(int argc, char **argv) {\n    run_command(argv[1]);\n    return 0;\n}\n"
        ),
    }
    found = {(hit.path, hit.line, hit.kind) for hit in hits_of(files, language="c")}
    assert ("src/run.c", 3, "command") in found


def test_the_definition_of_the_same_folder_is_the_one_called() -> None:
    use = "char *make_buffer(int n);\nvoid fill(void) {\n    char *b = make_buffer(8);\n    b[0] = 1;\n}\n"
    files = {
        "lib/alloc.c": "#include <stdlib.h>\nchar *make_buffer(int n) {\n    return malloc(n);\n}\n",
        "src/alloc.c": (
            "#include <stdlib.h>\nchar *make_buffer(int n) {\n    char *p = malloc(n);\n"
            "    if (!p) abort();\n    return p;\n}\n"
        ),
        "lib/use.c": use,
        "src/use.c": use,
    }
    found = {(hit.path, hit.line) for hit in hits_of(files, language="c") if hit.kind == "null-dereference"}
    assert found == {("lib/use.c", 4)}
