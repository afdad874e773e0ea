"""Where Bulwark's links point: each rule's page, and the project's home.

A self-hosted install serves its own rule pages at `/rules/<id>` (`app.web.rule_pages`), so links are built
from `BULWARK_PUBLIC_URL`. `BULWARK_DOCS_URL` overrides that for those who publish the docs elsewhere: a
base to which `/<id>` is appended, or a template holding `{id}`. With neither (`bulwark scan` on a laptop,
a server that does not know its address), links point at the rule pages in the project's repository.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import quote

from analyzers.base import DOCS_BASE_URL
from analyzers.record import record

if TYPE_CHECKING:
    from app.settings import Settings

PROJECT_URL = "https://github.com/bulwark-app/bulwark"
REPOSITORY_RULES = DOCS_BASE_URL + "/{id}.md"
RULES_PATH = "/rules"


@record
class Links:
    """How to build a rule's link (`rule_template` holds `{id}`) and the address of Bulwark itself."""

    rule_template: str = REPOSITORY_RULES
    home: str = PROJECT_URL

    def rule(self, rule_id: str) -> str:
        return self.rule_template.replace("{id}", quote(rule_id, safe=""))


REPOSITORY_LINKS = Links()


def build_links(public_url: str | None = None, docs_url: str | None = None) -> Links:
    """The links for these settings: `docs_url` first, then this server's `/rules/`, then the repository."""
    public = (public_url or "").strip().rstrip("/")
    home = public or PROJECT_URL
    docs = (docs_url or "").strip()
    if docs:
        template = docs if "{id}" in docs else docs.rstrip("/") + "/{id}"
        return Links(template, home)
    if public:
        return Links(f"{public}{RULES_PATH}/{{id}}", home)
    return REPOSITORY_LINKS


def links_from(settings: Settings) -> Links:
    """The links for these settings."""
    return build_links(settings.public_url, settings.docs_url)


def scan_links(environ: Mapping[str, str] | None = None) -> Links:
    """The links of `bulwark scan`, which runs without a server: `BULWARK_DOCS_URL` when set (from the
    environment, read at call time), else the repository's rule pages."""
    source = os.environ if environ is None else environ
    return build_links(None, source.get("BULWARK_DOCS_URL"))
