"""Code scanning: an analysis' findings uploaded as SARIF when the repository policy asks for it."""

from __future__ import annotations

from analyzers.contract.model import ChangeContext
from app import __version__
from app.github import contents
from app.github.client import InstallationGitHub
from app.report.links import Links
from app.report.placement import Placed
from app.report.sarif import render_sarif


def upload_sarif(
    gh: InstallationGitHub,
    owner: str,
    name: str,
    number: int,
    head_sha: str,
    ctx: ChangeContext,
    placed: list[Placed],
    links: Links,
) -> None:
    """Code scanning, when the repository policy asks for it (`sarif_upload: true`)."""
    if ctx.policy is None or not ctx.policy.sarif_upload:
        return
    metas = [p.meta for p in placed if p.meta is not None]
    log = render_sarif([p.finding for p in placed], metas, tool_version=__version__, links=links)
    contents.upload_sarif(gh, owner, name, commit_sha=head_sha, ref=f"refs/pull/{number}/head", log=log)
