"""Packages installed by shell commands: Dockerfile `RUN` lines and CI `run:` steps.

Commands are read with tree-sitter-bash (`analyzers.config.shell`): `pip install`, `python -m pip
install`, `uv add`, `uv pip install`, `poetry add`, `pipenv install`, `pipx install`, `npm install`
(`i`, `add`), `yarn add`, `pnpm add`, `bun add`, `gem install`, `go get`/`go install`, `cargo add`/
`cargo install`, `composer require`.
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.config import dockerfile, shell
from analyzers.config.yaml_doc import YNode, load_documents
from analyzers.contract.model import ChangedFile, FileKind, Side
from analyzers.record import record
from analyzers.supply_chain.declared import requirement_name
from analyzers.supply_chain.names import CARGO, GO, NPM, PACKAGIST, PYPI, RUBYGEMS, normalize_name

# (program, leading sub-command words) -> ecosystem
_INSTALLERS: dict[tuple[str, ...], str] = {
    ("pip", "install"): PYPI,
    ("pipx", "install"): PYPI,
    ("pipenv", "install"): PYPI,
    ("poetry", "add"): PYPI,
    ("uv", "add"): PYPI,
    ("uv", "pip", "install"): PYPI,
    ("uv", "tool", "install"): PYPI,
    ("npm", "install"): NPM,
    ("npm", "i"): NPM,
    ("npm", "add"): NPM,
    ("yarn", "add"): NPM,
    ("pnpm", "add"): NPM,
    ("pnpm", "install"): NPM,
    ("pnpm", "i"): NPM,
    ("bun", "add"): NPM,
    ("gem", "install"): RUBYGEMS,
    ("go", "get"): GO,
    ("go", "install"): GO,
    ("cargo", "add"): CARGO,
    ("cargo", "install"): CARGO,
    ("composer", "require"): PACKAGIST,
}
_VALUE_OPTIONS = frozenset(
    {"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url"}
    | {"--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root"}
    | {"--python", "--registry", "--cache", "--source", "--version", "--path", "--git"}
    | {"--branch", "--tag", "--rev", "-C", "--cwd", "--workspace", "--filter", "--group"}
    | {"-G", "--only", "--dir"}
)
_PROGRAM_VALUE_OPTIONS = {"npm": frozenset({"-w"}), "uv": frozenset({"-p"})}
_CI_SCRIPT_KEYS = frozenset({"run", "script", "before_script", "after_script"})


@record
class InstalledPackage:
    ecosystem: str
    name: str  # as written
    line: int  # 1-based, in the Dockerfile or workflow

    @property
    def key(self) -> tuple[str, str]:
        return (self.ecosystem, normalize_name(self.ecosystem, self.name))


def installed_packages(changed: ChangedFile, side: Side = "head") -> list[InstalledPackage]:
    """Every package an install command in the file names, on one side."""
    text = changed.text(side)
    if text is None:
        return []
    if changed.language == "dockerfile":
        return list(_dockerfile_installs(text))
    if changed.is_kind(FileKind.CI) and changed.language == "yaml":
        return list(_ci_installs(text))
    return []


def _dockerfile_installs(text: str) -> Iterator[InstalledPackage]:
    for stage in dockerfile.stages(text):
        for instruction in stage.instructions:
            if instruction.keyword == "RUN" and instruction.shell:
                yield from shell_installs(instruction.shell, instruction.line)


def _ci_installs(text: str) -> Iterator[InstalledPackage]:
    for document in load_documents(text):
        for script in _scripts(document):
            block = bool(script.raw_lines) and script.raw_lines[0].split(":", 1)[-1].strip()[:1] in {
                "|",
                ">",
            }
            yield from shell_installs(script.text, script.line + (1 if block else 0))


def _scripts(node: YNode) -> Iterator[YNode]:
    for key, _line, value in node.pairs:
        if key in _CI_SCRIPT_KEYS and value.kind == "scalar":
            yield value
        elif key in _CI_SCRIPT_KEYS and value.is_seq:
            yield from (item for item in value.items if item.kind == "scalar")
        else:
            yield from _scripts(value)
    for item in node.items:
        yield from _scripts(item)


def shell_installs(text: str, first_line: int) -> Iterator[InstalledPackage]:
    """Packages named by install commands in shell `text` whose row 0 is `first_line`."""
    for command in shell.commands(text):
        program, args = command.name.rstrip("0123456789."), command.args
        if program == "python" and [word.text for word in args[:2]] == ["-m", "pip"]:
            program, args = "pip", args[2:]
        words = (program, *(word.text for word in args))
        for prefix, ecosystem in _INSTALLERS.items():
            if words[: len(prefix)] == prefix:
                options = _VALUE_OPTIONS | _PROGRAM_VALUE_OPTIONS.get(program, frozenset())
                yield from _packages(ecosystem, args[len(prefix) - 1 :], first_line, options)
                break


def _packages(
    ecosystem: str, args: tuple[shell.Word, ...], first_line: int, options: frozenset[str]
) -> Iterator[InstalledPackage]:
    skip_next = False
    for word in args:
        text = word.text
        if skip_next:
            skip_next = False
            continue
        if text.startswith("-"):
            skip_next = text in options
            continue
        name = package_name(ecosystem, text)
        if name:
            yield InstalledPackage(ecosystem, name, first_line + word.row)


def package_name(ecosystem: str, arg: str) -> str | None:
    """The package an install argument names, None for paths, URLs, files and variables."""
    if not arg or any(mark in arg for mark in ("$", "://", "*", "`")) or arg.startswith((".", "/")):
        return None
    if arg.endswith((".whl", ".tar.gz", ".zip", ".tgz", ".txt")):
        return None
    if ecosystem == PYPI:
        return requirement_name(arg)
    if ecosystem == GO:
        return arg.split("@", 1)[0]
    at = arg.find("@", 1)
    name = arg[:at] if at > 0 else arg
    if ecosystem == NPM and "/" in name and not name.startswith("@"):
        return None
    return name or None
