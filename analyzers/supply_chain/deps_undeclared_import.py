"""deps-undeclared-import: code imports a third-party package that no manifest declares."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.supply_chain.dependencies import (
    distribution_candidates,
    first_party_names,
    module_provided_by,
    new_dependencies,
    new_imports,
    visible_dependency_files,
)
from analyzers.supply_chain.facts import line_text, popular_names
from analyzers.supply_chain.workspaces import own_packages

# Names that are far more often a repository's own module than the PyPI project of that name.
LOCAL_MODULE_NAMES = frozenset(
    {"utils", "config", "common", "core", "lib", "tools", "settings", "helpers", "models", "app"}
)


def _governs(manifest_path: str, code_path: str) -> bool:
    folder = PurePosixPath(manifest_path).parent
    return str(folder) in {"", "."} or PurePosixPath(code_path).is_relative_to(folder)


class DepsUndeclaredImport(Analyzer):
    """An import of a third-party package that no manifest declares.

    ## What it flags

    A new import (Python `import`/`from`, JavaScript or TypeScript `import`, `require()`,
    `import()`) of a well-known third-party package that none of the manifests governing the file
    declares (requirements files, `pyproject.toml`, `setup.cfg`, `Pipfile`, `package.json` in the
    file's folder or above), and that is neither standard library nor the repository's own code.
    Optional imports (inside `try`) and imports under `if TYPE_CHECKING:` are not reported.

    ## Why it is risky

    An undeclared import works on the author's machine by accident and is resolved later by
    whoever adds the missing dependency, often by guessing its name. A guessed name is where
    typosquats and hallucinated packages get in. It also escapes dependency review and scanning.

    ## Example

    ```diff
     # app/report.py
    +import yaml
     # requirements.txt declares only requests
    ```

    ## How to fix

    Declare the package (with its exact registry name, e.g. `PyYAML` for `import yaml`) in the
    manifest, and update the lockfile with it.

    ## Tuning

    The rule speaks only when a manifest of the ecosystem is part of the context, and only for
    packages on the popular list (which rules out most local modules named like small PyPI
    projects); generic names such as `utils` or `config` are taken as the repository's own. The
    repository's own packages are declared, as their package managers resolve them: the name of any
    `package.json`, `pyproject.toml` or `setup.cfg` in the context, and in an npm, yarn, pnpm or lerna
    workspace every package of a member's scope (`@acme/cli` beside `@acme/core`). Import names map to
    distribution names through the packages' own metadata (`top_level.txt` and `RECORD`, shipped for
    popular packages and refreshed by `bulwark data update`): `import yaml` is `PyYAML`,
    `import locust` is `locust` or its former name `locustio`.

    ## References

    CWE-1357 (Reliance on Insufficiently Trustworthy Component); PEP 508; npm docs,
    "package.json dependencies".
    """

    meta = RuleMeta(
        id="deps-undeclared-import",
        family=Family.SUPPLY_CHAIN,
        summary="Import of a third-party package that no manifest declares",
        severity=Severity.MEDIUM,
        cwe=(1357,),
        languages=("python", "javascript", "typescript", "tsx"),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        imports = new_imports(ctx)
        if not imports:
            return
        manifests = [f for f in visible_dependency_files(ctx) if not f.lockfile]
        installed = {dep.key for dep in new_dependencies(ctx)}
        own = first_party_names(ctx) | LOCAL_MODULE_NAMES
        members = own_packages(ctx)
        for changed, item in imports:
            governing = [
                m for m in manifests if m.ecosystem == item.ecosystem and _governs(m.path, changed.path)
            ]
            popular = popular_names(ctx, item.ecosystem)
            if not governing or popular is None or item.guarded or item.module in own:
                continue
            if members.owns(item.ecosystem, item.module):
                continue
            declared = installed | {key for m in governing for key in m.declared_keys()}
            if module_provided_by(item.ecosystem, item.module, declared, ctx.facts.module_distributions):
                continue
            known = (
                distribution_candidates(item.ecosystem, item.module, ctx.facts.module_distributions) & popular
            )
            if not known:
                continue
            yield self.finding(
                changed,
                item.line,
                f"`{item.module}` is imported but no manifest declares it "
                f"(expected `{sorted(known)[0]}` in {', '.join(m.path for m in governing)})",
                confidence=0.6,
                evidence=line_text(ctx, changed.path, item.line),
            )
