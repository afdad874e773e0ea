"""deps-young-package: a new dependency with little history behind it."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, PackageFacts
from analyzers.supply_chain.dependencies import new_dependencies, reportable
from analyzers.supply_chain.facts import facts_of, line_text, popular_names, registry_name
from analyzers.supply_chain.workspaces import third_party

YOUNG_DAYS = 30


def young_reasons(facts: PackageFacts, popular: bool) -> list[str]:
    reasons = []
    if facts.age_days is not None and facts.age_days < YOUNG_DAYS:
        reasons.append(f"its first release is {facts.age_days} days old")
    if facts.release_count == 1:
        reasons.append("it has a single release")
    if facts.has_source_link is False and not popular:
        reasons.append("it links to no source repository")
    return reasons


class DepsYoungPackage(Analyzer):
    """A new dependency that is very young, has one release, or shows no source.

    ## What it flags

    A direct dependency added to a manifest or an install command whose first release is less
    than 30 days older than the look-up made for this pull request, or which has a single
    release, or whose registry entry links to no source repository. Young or single-release
    packages are `medium`; a missing source link alone is `low`.

    ## Why it is risky

    Most malicious packages are removed within days of publication, so they are young when they
    are added. A package with one release and no visible source has no track record and cannot
    be reviewed before it runs on your machines.

    ## Example

    ```diff
     # package.json
     "dependencies": {
    +  "fresh-widget": "0.0.1"
     }
    ```

    ## How to fix

    Prefer an established package. If this one is needed, read its source (or the published
    archive), pin an exact version with its integrity hash, and review its updates.

    ## Tuning

    Ages are computed when the facts are gathered, against the time of the pull request, so the
    rule itself never reads a clock. When the registry cannot be reached the rule stays quiet and
    the summary says so. Popular packages are never reported for a missing source link.

    ## References

    CWE-1357 (Reliance on Insufficiently Trustworthy Component); Ladisa et al., "SoK: Taxonomy of
    Attacks on Open-Source Software Supply Chains" (IEEE S&P 2023).
    """

    meta = RuleMeta(
        id="deps-young-package",
        family=Family.SUPPLY_CHAIN,
        summary="New dependency that is very young, has one release or shows no source",
        severity=Severity.MEDIUM,
        cwe=(1357,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for dependency in third_party(ctx, reportable(new_dependencies(ctx), direct_only=True)):
            facts = facts_of(ctx, dependency)
            if facts is None or facts.exists is not True:
                continue
            popular = dependency.name in (popular_names(ctx, dependency.ecosystem) or ())
            reasons = young_reasons(facts, popular)
            if not reasons:
                continue
            only_source = reasons == ["it links to no source repository"]
            yield self.finding(
                dependency.path,
                dependency.line,
                f"`{dependency.written}` on {registry_name(dependency.ecosystem)} has little "
                f"history: {'; '.join(reasons)}",
                confidence=0.4 if only_source else 0.7,
                severity=Severity.LOW if only_source else None,
                evidence=line_text(ctx, dependency.path, dependency.line),
            )
