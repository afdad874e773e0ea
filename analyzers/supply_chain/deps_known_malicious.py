"""deps-known-malicious: a new dependency with an OSV `MAL-` advisory."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.supply_chain.dependencies import new_dependencies, reportable
from analyzers.supply_chain.facts import facts_of, line_text, registry_name


class DepsKnownMalicious(Analyzer):
    """A new dependency that is known to be malicious.

    ## What it flags

    A dependency the pull request adds (manifest, lockfile or install command) for which the OSV
    database holds a malicious-package advisory (ids starting with `MAL-`, from the OpenSSF
    malicious-packages feed), on PyPI, npm, Go, crates.io, RubyGems or Packagist.

    ## Why it is risky

    A malicious package runs its payload on install or import: it steals credentials and tokens
    from developer machines and CI, plants backdoors, or mines coin. Such packages often imitate
    popular names, so they are easy to add by mistake, by hand or by an assistant.

    ## Example

    ```diff
     # package.json
     "dependencies": {
    +  "event-stream-x": "^1.0.0",
       "express": "^4.19.2"
     }
    ```

    ## How to fix

    Remove the dependency. If it was ever installed, treat every machine and CI runner that
    installed it as compromised: rotate the secrets they could read.

    ## Tuning

    Advisories are looked up in OSV before analysis; when OSV cannot be reached the rule stays
    quiet and the summary names it among the checks that could not run. Set the OSV URL to a
    mirror for air-gapped installs.

    ## References

    CWE-506 (Embedded Malicious Code); OSV malicious-packages advisories
    (https://github.com/ossf/malicious-packages).
    """

    meta = RuleMeta(
        id="deps-known-malicious",
        family=Family.SUPPLY_CHAIN,
        summary="New dependency with a known malicious-package advisory",
        severity=Severity.CRITICAL,
        cwe=(506,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for dependency in reportable(new_dependencies(ctx), direct_only=False):
            facts = facts_of(ctx, dependency)
            if facts is None or not facts.malicious_advisories:
                continue
            advisories = ", ".join(facts.malicious_advisories)
            yield self.finding(
                dependency.path,
                dependency.line,
                f"`{dependency.written}` on {registry_name(dependency.ecosystem)} is a known "
                f"malicious package ({advisories})",
                confidence=0.95,
                evidence=line_text(ctx, dependency.path, dependency.line),
            )
