"""The worlds `app.learning.simulator` can draw: the default one, and a harder one for the calibration targets.

A profile fixes the size of the world and its hard cases; the seed draws everything else.

- `default`: 24 repositories in 4 organisations, 900 findings (the replay golden's world).
- `hard`: 8 repositories in 2 organisations and 360 findings, so the organisation pools little evidence;
  repository 5 is small (a third of the usual share of pull requests) with a single writer; one medium rule
  (`NEAR_RULE`) has a true precision equal to its P* (0.85) in every repository, so no placement of it is
  clearly right; and one repository ships a noisy release: in `BURST_WEEK` one pull request brings
  `BURST_FINDINGS` findings of `BURST_RULE` of which about 1 in 10 is real, and its writers vote on them as on
  any other finding (within four days). Outside that pull request the rule keeps its usual precision there.
"""

from __future__ import annotations

from analyzers.record import record

NEAR_RULE = "code-insecure-randomness"
BURST_RULE = "code-weak-cryptography"
BURST_WEEK = 9
BURST_FINDINGS = 14
BURST_PRECISION = 0.1


@record
class Profile:
    name: str
    repos: int
    findings: int
    orgs: int = 4
    small_repo_share: float = 1.0  # pull-request share of the single-writer repository (index 5)
    near_rule: str = ""  # a rule whose true precision is its P* everywhere
    near_precision: float = 0.0
    burst: bool = False  # a noisy release in repository 1


PROFILES: dict[str, Profile] = {
    "default": Profile("default", repos=24, findings=900),
    "hard": Profile(
        "hard",
        repos=8,
        findings=360,
        orgs=2,
        small_repo_share=0.35,
        near_rule=NEAR_RULE,
        near_precision=0.85,
        burst=True,
    ),
}


def profile_named(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown simulator profile {name!r}; known: {', '.join(PROFILES)}") from None
