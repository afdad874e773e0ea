"""deps-typosquat: a new dependency named like a popular package it is not."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, PackageFacts
from analyzers.supply_chain.dependencies import new_dependencies, reportable
from analyzers.supply_chain.distance import NearName, near_popular_name
from analyzers.supply_chain.facts import facts_of, line_text, popular_names, registry_name
from analyzers.supply_chain.workspaces import third_party

_CONFIDENCE = {"lookalike": 0.8, "separator": 0.7, "affix": 0.6}
ESTABLISHED_DAYS = 365


def little_track_record(facts: PackageFacts | None) -> bool:
    """What a weak match needs: the name is unregistered, young, nearly unreleased or malicious."""
    if facts is None:
        return False
    return (
        facts.exists is False
        or (facts.age_days is not None and facts.age_days < ESTABLISHED_DAYS)
        or (facts.release_count is not None and facts.release_count <= 2)
        or bool(facts.malicious_advisories)
    )


def _describe(near: NearName) -> str:
    if near.kind == "distance":
        edits = "one edit" if near.distance == 1 else f"{near.distance} edits"
        return f"{edits} away from"
    return {
        "separator": "the same letters, separated differently, as",
        "affix": "a prefixed or suffixed copy of",
        "lookalike": "written with look-alike characters for",
    }[near.kind]


class DepsTyposquat(Analyzer):
    """A new dependency named like a popular package while not being popular itself.

    ## What it flags

    A direct dependency added to a manifest or an install command whose name is within
    Damerau-Levenshtein distance 2 of a popular package, or a separator (`crossenv` for
    `cross-env`), affix (`python-requests`) or look-alike (`djang0`) variant of one, while the name
    itself is not on the popular list.

    Slips (two letters swapped as in `reqeusts`, a letter doubled or dropped as in `expresss` or
    `urlib3`) and the variants above are reported on the name alone. Other near names
    (`colourama`) are reported only when the registry shows little track record: the name is
    unregistered, its first release is under a year old, it has at most two releases, or it has a
    malicious-package advisory.

    ## Why it is risky

    Typosquatting is the most common way malicious packages reach projects: attackers register
    names one slip away from popular ones and wait for a typo, a misremembered name, or an
    assistant's guess. The squatted package usually works like the original and adds a payload.

    ## Example

    ```diff
     # requirements.txt
    -requests==2.32.3
    +reqeusts==2.32.3
    ```

    ## How to fix

    Use the popular package's exact name. If the similar name is really what you want, check its
    registry page, maintainers and source repository, and say so in the pull request.

    ## Tuning

    The popular lists ship with Bulwark (PyPI: the 15,000 most-downloaded projects; npm: the
    high-impact packages) and `bulwark data refresh` updates them. To keep short names quiet,
    names under 5 characters are compared only by separators, affixes and look-alikes, names under
    9 characters allow one edit and longer names two. Names that differ only in trailing digits
    (`atomate2`), compound names that swap one short word (`django-cms`, `django-csp`) and names
    under an npm scope that popular packages already use are not reported.

    ## References

    CWE-1357 (Reliance on Insufficiently Trustworthy Component); Vu et al., "Typosquatting and
    Combosquatting Attacks on the Python Ecosystem" (EuroS&PW 2020).
    """

    meta = RuleMeta(
        id="deps-typosquat",
        family=Family.SUPPLY_CHAIN,
        summary="New dependency named like a popular package it is not",
        severity=Severity.HIGH,
        cwe=(1357,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for dependency in third_party(ctx, reportable(new_dependencies(ctx), direct_only=True)):
            popular = popular_names(ctx, dependency.ecosystem)
            if popular is None:
                continue
            near = near_popular_name(dependency.name, popular)
            if near is None or (not near.strong and not little_track_record(facts_of(ctx, dependency))):
                continue
            confidence = _CONFIDENCE.get(near.kind, 0.7 if near.strong else 0.5)
            yield self.finding(
                dependency.path,
                dependency.line,
                f"`{dependency.written}` is {_describe(near)} the popular "
                f"{registry_name(dependency.ecosystem)} package `{near.popular}`",
                confidence=confidence,
                evidence=line_text(ctx, dependency.path, dependency.line),
            )
