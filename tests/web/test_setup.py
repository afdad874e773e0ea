"""The manifest flow without a browser: setup page, GitHub's confirmation, callback, `.env`."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import httpx
from pydantic import SecretStr

from app.web.application import create_app
from app.web.manifest_flow import write_credentials
from tests.emulator.server import GitHubEmulator
from tests.support.servers import serve_app
from tests.web.helpers import env_lines, form_of, fresh_settings


def _register(client: httpx.Client, web: str, github: GitHubEmulator, query: str = "") -> httpx.Response:
    """Click through the setup page and GitHub's confirmation; the callback's answer."""
    setup = client.get(f"{web}/setup{query}")
    assert setup.status_code == 200
    action, fields = form_of(setup.text, "register")
    confirm = client.post(action, data=fields)
    assert confirm.status_code == 200, confirm.text
    pending = re.search(r'name="pending" value="([^"]+)"', confirm.text)
    assert pending
    redirect = client.post(f"{github.url}/settings/apps/new/confirm", data={"pending": pending.group(1)})
    assert redirect.status_code == 302
    return client.get(redirect.headers["location"])


def test_manifest_flow_writes_env_and_shows_installation_link(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = fresh_settings(tmp_path, github)
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=10) as client:
        home = client.get(f"{web}/")
        assert home.status_code == 200
        assert 'id="register"' in home.text
        action, fields = form_of(home.text, "register")
        manifest = json.loads(fields["manifest"])
        assert action.startswith(f"{github.url}/settings/apps/new?state=")
        assert manifest["hook_attributes"]["url"] == f"{web}/webhooks/github"
        assert manifest["redirect_url"] == f"{web}/setup/callback"
        assert manifest["callback_urls"] == [f"{web}/dashboard/callback"]
        assert manifest["url"] == web  # the App's homepage is this install, which serves the rule pages
        assert manifest["default_events"][0] == "pull_request"
        done = _register(client, web, github)
        assert done.status_code == 200, done.text
        slug = github.app_slug
        assert f'href="{github.url}/apps/{slug}/installations/new"' in done.text
        assert "Restart Bulwark" in done.text
        again = client.get(f"{web}/setup")
        assert again.status_code == 403
        assert "restart Bulwark" in again.text
    env = tmp_path / ".env"
    pem = tmp_path / f"bulwark-{github.app_id}.private-key.pem"
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    assert stat.S_IMODE(pem.stat().st_mode) == 0o600
    assert env_lines(env) == {
        "BULWARK_APP_ID": str(github.app_id),
        "BULWARK_APP_SLUG": slug,
        "BULWARK_PRIVATE_KEY": str(pem),
        "BULWARK_WEBHOOK_SECRET": str(github.webhook_secret),
        "BULWARK_CLIENT_ID": github.client_id,
        "BULWARK_CLIENT_SECRET": github.client_secret,
    }
    assert pem.read_text() == github.private_key_pem


def test_callback_refuses_a_state_not_issued_to_this_browser(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = fresh_settings(tmp_path, github)
    github.add_manifest_code("abc123")
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=10) as client:
        client.get(f"{web}/setup")
        forged = client.get(f"{web}/setup/callback", params={"code": "abc123", "state": "guessed"})
        assert forged.status_code == 400
        assert "does not match" in forged.text
        stranger = httpx.get(f"{web}/setup/callback", params={"code": "abc123", "state": "guessed"})
        assert stranger.status_code == 400
    assert not (tmp_path / ".env").exists()
    assert github.calls_to("POST", r"/app-manifests/") == []


def test_a_state_works_once(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = fresh_settings(tmp_path, github)
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=10) as client:
        setup = client.get(f"{web}/setup")
        state = re.search(r"state=([A-Za-z0-9_-]+)", form_of(setup.text, "register")[0])
        assert state
        github.add_manifest_code("first1")
        app = create_app(settings)
        assert app.state.setup_states.redeem(state.group(1)) is False  # another server never issued it
        failed = client.get(f"{web}/setup/callback", params={"code": "nope", "state": state.group(1)})
        assert failed.status_code == 502
        assert "GitHub refused the code" in failed.text
        replay = client.get(f"{web}/setup/callback", params={"code": "first1", "state": state.group(1)})
        assert replay.status_code == 400
    assert not (tmp_path / ".env").exists()


def test_organisation_registration_posts_to_the_organisation(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = fresh_settings(tmp_path, github, public_url="https://bulwark.example.org/")
    public = {"Host": "bulwark.example.org"}  # as the reverse proxy in front of Bulwark passes it on
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=10, headers=public) as client:
        page = client.get(f"{web}/setup", params={"org": "acme", "name": "Bulwark for Acme"})
        action, fields = form_of(page.text, "register")
        assert action.startswith(f"{github.url}/organizations/acme/settings/apps/new?state=")
        manifest = json.loads(fields["manifest"])
        assert manifest["name"] == "Bulwark for Acme"
        assert manifest["hook_attributes"]["url"] == "https://bulwark.example.org/webhooks/github"
        assert client.get(f"{web}/setup", params={"org": "../evil"}).status_code == 400


def test_a_relay_receives_the_webhooks(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = fresh_settings(tmp_path, github, webhook_proxy_url="https://smee.io/abc123")
    with serve_app(create_app(settings)) as web:
        _, fields = form_of(httpx.get(f"{web}/setup").text, "register")
    manifest = json.loads(fields["manifest"])
    assert manifest["hook_attributes"] == {"url": "https://smee.io/abc123", "active": True}
    assert manifest["redirect_url"] == f"{web}/setup/callback"


def test_setup_refuses_once_credentials_exist(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = fresh_settings(
        tmp_path, github, app_id=5, private_key=SecretStr("/k.pem"), webhook_secret=SecretStr("s3cret")
    )
    with serve_app(create_app(settings)) as web:
        for path in ("/setup", "/setup/callback?code=x&state=y"):
            answer = httpx.get(f"{web}{path}")
            assert answer.status_code == 403
            assert "BULWARK_APP_ID" in answer.text
        assert "Bulwark is running" in httpx.get(f"{web}/").text


def test_credentials_merge_into_an_existing_env(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("BULWARK_DATABASE_URL=sqlite:///x.db\nBULWARK_APP_ID=3\n")
    conversion = {
        "id": 42,
        "slug": "bulwark-test",
        "pem": "-----BEGIN RSA PRIVATE KEY-----\nk\n-----END RSA PRIVATE KEY-----\n",
        "webhook_secret": "a b",
        "client_id": "Iv1.abc",
        "client_secret": "cs",
    }
    pem = write_credentials(env, conversion)
    assert env.read_text().splitlines() == [
        "BULWARK_DATABASE_URL=sqlite:///x.db",
        "BULWARK_APP_ID=42",
        "BULWARK_APP_SLUG=bulwark-test",
        f"BULWARK_PRIVATE_KEY={pem}",
        "BULWARK_WEBHOOK_SECRET='a b'",
        "BULWARK_CLIENT_ID=Iv1.abc",
        "BULWARK_CLIENT_SECRET=cs",
    ]
    assert stat.S_IMODE(env.stat().st_mode) == 0o600


def test_setup_answers_only_at_its_own_host(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = fresh_settings(tmp_path, github)
    with serve_app(create_app(settings)) as web:
        port = web.rsplit(":", 1)[1]
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
            assert httpx.get(f"{web}/setup", headers={"Host": host}).status_code == 200, host
        for host in ("attacker.example", f"attacker.example:{port}", "10.0.0.5", "", "127.0.0.1:x"):
            for path in ("/", "/setup", "/setup/callback?code=abc&state=def"):
                refused = httpx.get(f"{web}{path}", headers={"Host": host})
                assert refused.status_code == 403, (host, path)
                assert "BULWARK_PUBLIC_URL" in refused.text
    (tmp_path / "public").mkdir()
    public = fresh_settings(tmp_path / "public", github, public_url="https://bulwark.example.org")
    with serve_app(create_app(public)) as web:
        assert httpx.get(f"{web}/setup").status_code == 403  # loopback is not the public host
        for host in ("bulwark.example.org", "BULWARK.example.org:443"):
            assert httpx.get(f"{web}/setup", headers={"Host": host}).status_code == 200, host
        assert httpx.get(f"{web}/setup", headers={"Host": "bulwark.example.org:8443"}).status_code == 403
    assert not (tmp_path / ".env").exists()
