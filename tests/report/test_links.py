"""Rule links: this server's pages, a docs setting that overrides them, the repository as a last resort."""

from __future__ import annotations

from app.report.links import REPOSITORY_LINKS, build_links, scan_links


def test_links_use_the_public_url_rule_pages() -> None:
    links = build_links("https://bulwark.example.org/")
    assert links.rule("code-command-injection") == "https://bulwark.example.org/rules/code-command-injection"
    assert links.home == "https://bulwark.example.org"


def test_a_docs_url_overrides_the_public_url_as_a_base_or_a_template() -> None:
    base = build_links("https://bulwark.example.org", "https://docs.example.org/rules/")
    assert base.rule("secrets-github-token") == "https://docs.example.org/rules/secrets-github-token"
    template = build_links(None, "https://docs.example.org/{id}.html")
    assert template.rule("secrets-github-token") == "https://docs.example.org/secrets-github-token.html"


def test_without_settings_links_point_at_the_repository_docs() -> None:
    assert build_links(None, None) is REPOSITORY_LINKS
    assert REPOSITORY_LINKS.rule("x-y").endswith("/docs/rules/x-y.md")
    assert scan_links({}) is REPOSITORY_LINKS
    assert scan_links({"BULWARK_DOCS_URL": "https://d.example/r"}).rule("x-y") == "https://d.example/r/x-y"


def test_a_rule_id_cannot_leave_its_path() -> None:
    assert (
        build_links("https://b.example").rule("../admin?x=1") == "https://b.example/rules/..%2Fadmin%3Fx%3D1"
    )
