"""deps-nonexistent-package: a new dependency whose name its registry does not know."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.supply_chain.dependencies import (
    module_provided_by,
    new_dependencies,
    new_imports,
    reportable,
)
from analyzers.supply_chain.facts import facts_of, line_text, registry_name
from analyzers.supply_chain.indexes import private_index_of
from analyzers.supply_chain.names import NPM
from analyzers.supply_chain.workspaces import third_party


class DepsNonexistentPackage(Analyzer):
    """A new dependency that does not exist in its registry.

    ## What it flags

    A dependency the pull request adds (to a manifest, a lockfile, or an install command in a
    Dockerfile or CI step) whose name does not exist in its registry (PyPI, npm). When the
    change also imports it, the finding is critical.

    ## Why it is risky

    Code assistants invent plausible package names. An unregistered name is free for anyone to
    register; attackers watch for such names and publish code under them ("slopsquatting"), which
    then runs on every machine that installs the dependency. A name that is missing today is a
    build failure at best and someone else's code tomorrow.

    ## Example

    ```diff
     # requirements.txt
     requests==2.32.3
    +flask-json-validator-utils==1.0.0
    ```

    ## How to fix

    Check the package's registry page and its source repository. Replace the name with the real
    package that provides the feature, or remove the dependency. If the name is a private
    package, install it from a private index that the repository declares.

    ## Tuning

    A name that may come from a private index (a manifest of the ecosystem declares a non-default
    index, or the npm name is scoped) is reported as `medium`. The repository's own packages are
    never looked up: npm, yarn, pnpm and lerna workspace members, the Python project itself, and Go
    modules under a `module` path of the repository, a `go.work` member or a local `replace`
    (`=> ./tools`). The rule relies on registry
    look-ups made before analysis; when the registry cannot be
    reached (or `bulwark scan --offline`), it stays quiet and the check-run summary names it
    among the checks that could not run. Registry URLs are settings, so a mirror answers for
    air-gapped installs.

    ## References

    CWE-829 (Inclusion of Functionality from Untrusted Control Sphere); Spracklen et al., "We Have
    a Package for You! A Comprehensive Analysis of Package Hallucinations by Code Generating
    LLMs" (USENIX Security 2025).
    """

    meta = RuleMeta(
        id="deps-nonexistent-package",
        family=Family.SUPPLY_CHAIN,
        summary="New dependency that does not exist in its registry",
        severity=Severity.HIGH,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for dependency in third_party(ctx, reportable(new_dependencies(ctx), direct_only=False)):
            facts = facts_of(ctx, dependency)
            if facts is None or facts.exists is not False:
                continue
            imported = [
                (changed.path, item.line)
                for changed, item in new_imports(ctx)
                if item.ecosystem == dependency.ecosystem
                and module_provided_by(
                    item.ecosystem, item.module, {dependency.key}, ctx.facts.module_distributions
                )
            ]
            message = (
                f"`{dependency.written}` does not exist on {registry_name(dependency.ecosystem)}: "
                "anyone can register the name and ship code to every install"
            )
            severity, confidence = (Severity.CRITICAL, 0.9) if imported else (None, 0.9)
            if imported:
                path, line = imported[0]
                message += f"; the change also imports it ({path}:{line})"
            private = private_index_of(ctx, dependency.ecosystem)
            if private or (dependency.ecosystem == NPM and dependency.name.startswith("@")):
                where = f"the private index `{private}`" if private else "a private registry of its scope"
                message += f" (it may come from {where})"
                severity, confidence = Severity.MEDIUM, 0.5
            yield self.finding(
                dependency.path,
                dependency.line,
                message,
                confidence=confidence,
                severity=severity,
                evidence=line_text(ctx, dependency.path, dependency.line),
            )
