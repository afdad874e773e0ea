"""Reading one file of a repository (organisation policy defaults) and uploading SARIF."""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any, cast
from urllib.parse import quote

from githubkit.exception import RequestFailed
from githubkit_schemas.latest.models import ContentFile

from app.github.client import InstallationGitHub


def url_path(path: str) -> str:
    """A repository file path as the `{path}` of a REST URL: every segment percent-encoded, so that `#`,
    `?`, `%` or a space in a file name cannot end the path and make GitHub read another file or ref
    (githubkit puts the path into the URL as it is)."""
    return quote(path, safe="/")


def read_text(gh: InstallationGitHub, full_name: str, path: str, ref: str | None = None) -> str | None:
    """The file's text on `ref` (the default branch when None); None when it does not exist or is
    not visible to this installation."""
    owner, name = full_name.split("/", 1)
    try:
        response = (
            gh.rest.repos.get_content(owner, name, url_path(path), ref=ref)
            if ref
            else gh.rest.repos.get_content(owner, name, url_path(path))
        )
        found = response.parsed_data
    except RequestFailed as error:
        if error.response.status_code in (403, 404):
            return None
        raise
    if not isinstance(found, ContentFile) or found.encoding != "base64":
        return None
    return base64.b64decode(found.content).decode("utf-8", "replace")


def upload_sarif(
    gh: InstallationGitHub, owner: str, repo: str, *, commit_sha: str, ref: str, log: dict[str, Any]
) -> None:
    """Upload a SARIF log to code scanning (gzip, then base64, as the API requires)."""
    encoded = base64.b64encode(gzip.compress(json.dumps(log).encode())).decode()
    body = {"commit_sha": commit_sha, "ref": ref, "sarif": encoded, "tool_name": "Bulwark"}
    gh.rest.code_scanning.upload_sarif(owner, repo, data=cast(Any, body))
