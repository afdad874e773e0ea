"""The web side: registering the App from a manifest, and OAuth sign-in of a person."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import httpx

from tests.emulator import GitHubEmulator
from tests.emulator.auth import mint_jwt

MANIFEST = {
    "name": "Bulwark Test",
    "url": "http://127.0.0.1:3000",
    "redirect_url": "http://127.0.0.1:3000/setup/callback",
    "hook_attributes": {"url": "http://127.0.0.1:3000/webhooks/github"},
    "default_events": ["pull_request"],
}


def _query(location: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


def test_manifest_flow(github: GitHubEmulator) -> None:
    original_id = github.app_id
    with httpx.Client(base_url=github.url) as browser:
        page = browser.post(
            "/organizations/acme/settings/apps/new",
            params={"state": "s1"},
            data={"manifest": json.dumps(MANIFEST)},
        )
        assert page.status_code == 200
        assert 'id="create-app"' in page.text
        assert "Create GitHub App for acme" in page.text
        pending = re.search(r'name="pending" value="([0-9a-f]+)"', page.text)
        assert pending is not None
        confirmed = browser.post("/settings/apps/new/confirm", data={"pending": pending.group(1)})
        assert confirmed.status_code == 302
        location = confirmed.headers["location"]
        assert location.startswith("http://127.0.0.1:3000/setup/callback?")
        query = _query(location)
        assert query["state"] == "s1"
        converted = browser.post(f"/app-manifests/{query['code']}/conversions")
        assert converted.status_code == 201
    app = converted.json()
    assert (app["slug"], app["owner"]["login"]) == ("bulwark-test", "acme")
    assert app["id"] != original_id
    assert (github.app_id, github.webhook_secret) == (app["id"], app["webhook_secret"])
    assert github.webhook_url == "http://127.0.0.1:3000/webhooks/github"
    jwt = mint_jwt(app["pem"], app["id"])
    answer = httpx.get(f"{github.url}/app", headers={"Authorization": f"Bearer {jwt}"})
    assert (answer.status_code, answer.json()["slug"], answer.json()["client_id"]) == (
        200,
        "bulwark-test",
        app["client_id"],
    )
    assert [m["default_events"] for m in github.state.manifests] == [["pull_request"]]
    github.reset()
    assert github.app_id == original_id


def test_bad_manifests_are_refused(github: GitHubEmulator) -> None:
    assert httpx.post(f"{github.url}/settings/apps/new", data={"manifest": "{"}).status_code == 422
    no_url = json.dumps({"name": "x"})
    assert httpx.post(f"{github.url}/settings/apps/new", data={"manifest": no_url}).status_code == 422
    assert httpx.post(f"{github.url}/settings/apps/new/confirm", data={"pending": "0"}).status_code == 404


def _sign_in(github: GitHubEmulator, browser: httpx.Client) -> str:
    authorize = browser.get(
        "/login/oauth/authorize",
        params={"client_id": github.client_id, "redirect_uri": "http://127.0.0.1:3000/auth", "state": "x"},
    )
    assert authorize.status_code == 302
    query = _query(authorize.headers["location"])
    assert query["state"] == "x"
    return query["code"]


def test_oauth_sign_in(github: GitHubEmulator) -> None:
    github.add_installation(7, "acme")
    github.add_repo("acme/secret", 7, private=True)
    github.add_repo("acme/open", 7)
    github.set_permission("acme/secret", "maya", "write")
    github.sign_in("maya")
    with httpx.Client(base_url=github.url) as browser:
        code = _sign_in(github, browser)
        exchange = {"client_id": github.client_id, "client_secret": github.client_secret, "code": code}
        token = browser.post(
            "/login/oauth/access_token", data=exchange, headers={"Accept": "application/json"}
        )
        access = token.json()["access_token"]
        assert access.startswith("ghu_")
        again = browser.post(
            "/login/oauth/access_token", data=exchange, headers={"Accept": "application/json"}
        )
        assert again.json()["error"] == "bad_verification_code"
        user = {"Authorization": f"Bearer {access}"}
        assert browser.get("/user", headers=user).json()["login"] == "maya"
        assert [
            i["id"] for i in browser.get("/user/installations", headers=user).json()["installations"]
        ] == [7]
        assert browser.get("/repos/acme/secret", headers=user).status_code == 200
    github.sign_in("eve")
    with httpx.Client(base_url=github.url) as browser:
        code = _sign_in(github, browser)
        form = browser.post(
            "/login/oauth/access_token",
            data={"client_id": github.client_id, "client_secret": github.client_secret, "code": code},
        )
        eve = {"Authorization": f"token {parse_qs(form.text)['access_token'][0]}"}
        assert browser.get("/repos/acme/secret", headers=eve).status_code == 404
        assert browser.get("/repos/acme/open", headers=eve).status_code == 200
        assert browser.get("/user/installations", headers=eve).json()["total_count"] == 1


def test_oauth_refusals(github: GitHubEmulator) -> None:
    url = f"{github.url}/login/oauth/authorize"
    assert httpx.get(url, params={"client_id": github.client_id}).status_code == 401  # nobody signed in
    assert httpx.get(url, params={"client_id": "Iv1.wrong"}).status_code == 404
    wrong = {"client_id": github.client_id, "client_secret": "nope", "code": "x"}
    answer = httpx.post(
        f"{github.url}/login/oauth/access_token", data=wrong, headers={"Accept": "application/json"}
    )
    assert answer.json()["error"] == "incorrect_client_credentials"
    assert httpx.get(f"{github.url}/user").status_code == 401
