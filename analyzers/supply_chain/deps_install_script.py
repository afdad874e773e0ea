"""deps-install-script: a new dependency that runs code when it is installed."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.supply_chain.dependencies import new_dependencies, reportable
from analyzers.supply_chain.facts import facts_of, line_text, popular_names


class DepsInstallScript(Analyzer):
    """A new dependency that runs its own code at install time.

    ## What it flags

    A direct dependency added to a manifest or an install command that is an npm package whose
    latest version declares a `preinstall`, `install` or `postinstall` script, or a PyPI project
    whose latest release ships only a source distribution (installing it runs its build code).
    Packages on the popular list are not reported.

    ## Why it is risky

    Install scripts run with the installing user's rights before anyone imports the package:
    on developer machines and in CI, next to tokens and credentials. Most npm malware acts
    from a `postinstall` script; sdist-only Python packages run `setup.py` on install.

    ## Example

    ```diff
     # package.json
     "dependencies": {
    +  "native-hooks": "^2.0.0"
     }
    ```

    ## How to fix

    Check what the script does. Prefer a package without one (or a Python wheel). Install with
    `npm ci --ignore-scripts` (or `pnpm`'s allow-list of built dependencies) and allow scripts
    only for packages you reviewed.

    ## Tuning

    Facts come from the registries before analysis; when they cannot be reached the rule stays
    quiet and the summary says so. Refresh the popular lists with `bulwark data refresh`.

    ## References

    CWE-506 (Embedded Malicious Code); npm docs, "scripts: life cycle scripts"; Ohm et al.,
    "Backstabber's Knife Collection" (DIMVA 2020).
    """

    meta = RuleMeta(
        id="deps-install-script",
        family=Family.SUPPLY_CHAIN,
        summary="New dependency that runs code when it is installed",
        severity=Severity.MEDIUM,
        cwe=(506,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for dependency in reportable(new_dependencies(ctx), direct_only=True):
            facts = facts_of(ctx, dependency)
            if facts is None or facts.exists is not True:
                continue
            if dependency.name in (popular_names(ctx, dependency.ecosystem) or ()):
                continue
            if facts.has_install_script:
                message = (
                    f"`{dependency.written}` runs an npm install script "
                    "(preinstall, install or postinstall) on every install"
                )
                confidence = 0.6
            elif facts.sdist_only:
                message = (
                    f"`{dependency.written}` ships only a source distribution: installing it "
                    "runs its build code"
                )
                confidence = 0.5
            else:
                continue
            yield self.finding(
                dependency.path,
                dependency.line,
                message,
                confidence=confidence,
                evidence=line_text(ctx, dependency.path, dependency.line),
            )
