"""Where new dependency names come from: install commands, imports, manifest diffs; and name distance."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.contract.model import ChangeContext
from analyzers.supply_chain.dependencies import Dependency, new_dependencies, new_imports
from analyzers.supply_chain.distance import NearName, damerau_levenshtein, near_popular_name
from analyzers.supply_chain.installs import InstalledPackage, shell_installs
from analyzers.supply_chain.names import normalize_name
from app.context.builder import build_from_directories


def change(tmp_path: Path, base: dict[str, str], head: dict[str, str]) -> ChangeContext:
    for side, files in (("base", base), ("head", head)):
        for path, text in files.items():
            target = tmp_path / side / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (tmp_path / side).mkdir(exist_ok=True)
    return build_from_directories(tmp_path / "base", tmp_path / "head")


def test_shell_install_commands() -> None:
    script = (
        "set -e\n"
        "sudo pip3 install --no-cache-dir -r requirements.txt requests==2.32 'flask[async]'\n"
        "python3 -m pip install -i https://mirror.example/simple reqeusts\n"
        "npm i -D @types/node left-pad@1.3.0 ./local-pkg\n"
        "uv add httpx && uv pip install $PKG rich\n"
        "yarn add lodash; pnpm add -w zod; gem install rails; go get golang.org/x/text@v0.14.0\n"
        "cargo add serde; composer require monolog/monolog; echo pip install fake\n"
        "npm ci && pip install .\n"
    )
    found = [(p.ecosystem, p.name, p.line) for p in shell_installs(script, 10)]
    assert found == [
        ("pypi", "requests", 11),
        ("pypi", "flask", 11),
        ("pypi", "reqeusts", 12),
        ("npm", "@types/node", 13),
        ("npm", "left-pad", 13),
        ("pypi", "httpx", 14),
        ("pypi", "rich", 14),
        ("npm", "lodash", 15),
        ("npm", "zod", 15),
        ("rubygems", "rails", 15),
        ("go", "golang.org/x/text", 15),
        ("cargo", "serde", 16),
        ("packagist", "monolog/monolog", 16),
    ]
    assert InstalledPackage("pypi", "Flask_Login", 1).key == ("pypi", "flask-login")


def test_new_dependencies_from_manifests_lockfiles_and_installs(tmp_path: Path) -> None:
    ctx = change(
        tmp_path,
        {
            "requirements.txt": "requests==2.32.3\n",
            "Dockerfile": "FROM python:3.12\nRUN pip install gunicorn\n",
        },
        {
            "requirements.txt": "requests==2.32.4\nFlask_Login==0.6\n",
            "Dockerfile": "FROM python:3.12\nRUN pip install gunicorn\nRUN pip install uvicorn\n",
            "yarn.lock": 'left-pad@^1.3.0:\n  version "1.3.0"\n',
        },
    )
    assert sorted(new_dependencies(ctx), key=lambda d: d.path) == [
        Dependency("pypi", "uvicorn", "Dockerfile", 3, "install-command", "uvicorn"),
        Dependency("pypi", "flask-login", "requirements.txt", 2, "manifest", "Flask_Login"),
        Dependency("npm", "left-pad", "yarn.lock", 1, "lockfile", "left-pad"),
    ]


def test_new_imports_skip_stdlib_relative_and_already_imported(tmp_path: Path) -> None:
    ctx = change(
        tmp_path,
        {"app/x.py": "import requests\n", "web/a.ts": "import fs from 'fs';\n"},
        {
            "app/x.py": "import requests\nimport os, yaml.loader\nfrom . import y\nfrom requests import get\n",
            "web/a.ts": "import fs from 'fs';\nimport { z } from 'zod/v4';\nconst p = require('node:path');\n"
            "export * from './local';\nconst m = await import('@scope/mod/sub');\n",
        },
    )
    found = [(changed.path, item.module, item.line) for changed, item in new_imports(ctx)]
    assert found == [
        ("app/x.py", "yaml", 2),
        ("web/a.ts", "zod", 2),
        ("web/a.ts", "@scope/mod", 5),
    ]


def test_damerau_levenshtein_is_bounded() -> None:
    assert damerau_levenshtein("requests", "reqeusts", 2) == 1
    assert damerau_levenshtein("kitten", "sitting", 5) == 3
    assert damerau_levenshtein("kitten", "sitting", 2) == 3  # bound + 1 once beyond
    assert damerau_levenshtein("a", "abcdef", 2) == 3
    assert damerau_levenshtein("same", "same", 0) == 0


POPULAR = frozenset(
    {"requests", "cross-env", "django", "colorama", "numpy", "urllib3", "six", "numpy-units", "@babel/core"}
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("reqeusts", NearName("requests", "distance", 1)),
        ("requestss", NearName("requests", "distance", 1)),
        ("urlib3", NearName("urllib3", "distance", 1)),
        ("colourama", NearName("colorama", "distance", 1, strong=False)),
        ("numpy-utils", None),  # one short word of a compound name
        ("numpy-unitss", NearName("numpy-units", "distance", 1)),  # but a slip in it counts
        ("urllib33", None),  # trailing digits: a version, not a typo
        ("crossenv", NearName("cross-env", "separator", 0)),
        ("python-requests", NearName("requests", "affix", 0)),
        ("requests-py", NearName("requests", "affix", 0)),
        ("djang0", NearName("django", "lookalike", 0)),
        ("requests", None),  # popular itself
        ("sax", None),  # short names need more than one edit's evidence
        ("numbers", None),
        ("reqestsxx", None),  # three edits
        ("@babel/cores", None),  # an established scope
        ("@babell/core", NearName("@babel/core", "distance", 1)),
    ],
)
def test_near_popular_name(name: str, expected: NearName | None) -> None:
    assert near_popular_name(name, POPULAR) == expected


@pytest.mark.parametrize(
    ("ecosystem", "written", "canonical"),
    [
        ("pypi", "Zope.Interface", "zope-interface"),
        ("pypi", "typing__extensions", "typing-extensions"),
        ("npm", "JSONStream", "JSONStream"),  # npm keeps legacy capitals
        ("cargo", "Serde_JSON", "serde-json"),
        ("go", "github.com/Masterminds/semver", "github.com/Masterminds/semver"),
    ],
)
def test_names_are_compared_as_their_registry_does(ecosystem: str, written: str, canonical: str) -> None:
    assert normalize_name(ecosystem, written) == canonical
