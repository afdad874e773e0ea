# ruff: noqa: S608  (code written as data: the vulnerable twins build SQL on purpose)
"""Third round of Python scenarios of the AI-style suite, written blind (before reading the models or
any earlier miss list): the way an assistant answers "add a Django view / FastAPI route / Flask endpoint
that ...". Same format as `round2_python.py` once built: (category, name, vulnerable, safe). The
templates here are written with literal braces and the markers `__V__`, `__F__`, `__R__`, `__T__`;
`_py` doubles the braces and turns the markers into `{V}`, `{F}`, `{R}`, `{T}`."""

from __future__ import annotations


def _py(text: str) -> str:
    text = text.replace("{", "{{").replace("}", "}}")
    for token in "VFRT":
        text = text.replace(f"__{token}__", "{" + token + "}")
    return text


FLASK = "from flask import Flask, request, jsonify, redirect, session, make_response, abort\napp = Flask(__name__)\n"
FASTAPI = "from fastapi import FastAPI, HTTPException, Request, UploadFile\napp = FastAPI()\n"
DJANGO = "from django.http import HttpResponse, JsonResponse, HttpResponseRedirect\n"


def flask(imports: str, body: str, method: str = "GET") -> str:
    return _py(imports + FLASK + f'\n\n@app.route("/__R__", methods=["{method}"])\ndef __F__():\n' + body)


def fastapi(imports: str, signature: str, body: str, verb: str = "get") -> str:
    return _py(imports + FASTAPI + f'\n\n@app.{verb}("/__R__")\nasync def __F__({signature}):\n' + body)


def django(imports: str, body: str) -> str:
    return _py(imports + DJANGO + "\n\ndef __F__(request):\n" + body)


_RAW: list[tuple[str, str, str, str]] = [
    # --- SQL ------------------------------------------------------------------------------------
    (
        "sql",
        "r3-django-raw-fstring",
        django(
            "from django.db import connection\n",
            """    __V__ = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, title FROM __T__ WHERE title LIKE '%{__V__}%'")
        rows = cursor.fetchall()
    return JsonResponse({"results": rows})
""",
        ),
        django(
            "from django.db import connection\n",
            """    __V__ = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, title FROM __T__ WHERE title LIKE %s", [f"%{__V__}%"])
        rows = cursor.fetchall()
    return JsonResponse({"results": rows})
""",
        ),
    ),
    (
        "sql",
        "r3-fastapi-asyncpg",
        fastapi(
            "import asyncpg\n",
            "__V__: str",
            """    conn = await asyncpg.connect("postgresql://localhost/app")
    try:
        rows = await conn.fetch("SELECT * FROM __T__ WHERE status = '" + __V__ + "' ORDER BY id")
    finally:
        await conn.close()
    return [dict(r) for r in rows]
""",
        ),
        fastapi(
            "import asyncpg\n",
            "__V__: str",
            """    conn = await asyncpg.connect("postgresql://localhost/app")
    try:
        rows = await conn.fetch("SELECT * FROM __T__ WHERE status = $1 ORDER BY id", __V__)
    finally:
        await conn.close()
    return [dict(r) for r in rows]
""",
        ),
    ),
    (
        "sql",
        "r3-order-by-column",
        flask(
            "import sqlite3\n",
            """    sort = request.args.get("sort", "id")
    __V__ = request.args.get("dir", "asc")
    db = sqlite3.connect("app.db")
    query = "SELECT id, name FROM __T__ ORDER BY {} {}".format(sort, __V__)
    return jsonify(db.execute(query).fetchall())
""",
        ),
        flask(
            "import sqlite3\n\nSORTABLE = {'id', 'name', 'created'}\n",
            """    sort = request.args.get("sort", "id")
    __V__ = request.args.get("dir", "asc")
    if sort not in SORTABLE:
        sort = "id"
    direction = "DESC" if __V__.lower() == "desc" else "ASC"
    db = sqlite3.connect("app.db")
    query = "SELECT id, name FROM __T__ ORDER BY {} {}".format(sort, direction)
    return jsonify(db.execute(query).fetchall())
""",
        ),
    ),
    (
        "sql",
        "r3-service-layer",
        _py(
            FLASK
            + """import sqlite3


def get_db():
    return sqlite3.connect("app.db")


def find_by_email(email):
    cur = get_db().cursor()
    cur.execute("SELECT id, email FROM __T__ WHERE email = '%s'" % email)
    return cur.fetchone()


@app.route("/__R__")
def __F__():
    __V__ = request.args["email"]
    return jsonify(find_by_email(__V__))
"""
        ),
        _py(
            FLASK
            + """import sqlite3


def get_db():
    return sqlite3.connect("app.db")


def find_by_email(email):
    cur = get_db().cursor()
    cur.execute("SELECT id, email FROM __T__ WHERE email = ?", (email,))
    return cur.fetchone()


@app.route("/__R__")
def __F__():
    __V__ = request.args["email"]
    return jsonify(find_by_email(__V__))
"""
        ),
    ),
    # --- NoSQL ----------------------------------------------------------------------------------
    (
        "nosql",
        "r3-pymongo-json-filter",
        flask(
            "from pymongo import MongoClient\ndb = MongoClient()['app']\n",
            """    __V__ = request.get_json()
    user = db.__T__.find_one({"username": __V__["username"], "password": __V__["password"]})
    return jsonify(ok=user is not None)
""",
            "POST",
        ),
        flask(
            "from pymongo import MongoClient\ndb = MongoClient()['app']\n",
            """    __V__ = request.get_json()
    username = str(__V__.get("username", ""))
    password = str(__V__.get("password", ""))
    user = db.__T__.find_one({"username": username, "password_hash": hash_password(password)})
    return jsonify(ok=user is not None)
""",
            "POST",
        ).replace("import MongoClient\n", "import MongoClient\nfrom .auth import hash_password\n", 1),
    ),
    (
        "nosql",
        "r3-mongo-where",
        fastapi(
            "from motor.motor_asyncio import AsyncIOMotorClient\ndb = AsyncIOMotorClient().app\n",
            "__V__: str",
            """    cursor = db.__T__.find({"$where": f"this.owner == '{__V__}'"})
    return [doc async for doc in cursor]
""",
        ),
        fastapi(
            "from motor.motor_asyncio import AsyncIOMotorClient\ndb = AsyncIOMotorClient().app\n",
            "__V__: str",
            """    cursor = db.__T__.find({"owner": __V__}, {"_id": 0})
    return [doc async for doc in cursor]
""",
        ),
    ),
    # --- Command --------------------------------------------------------------------------------
    (
        "command",
        "r3-fastapi-ping-shell",
        fastapi(
            "import subprocess\n",
            "__V__: str",
            """    result = subprocess.run(f"ping -c 3 {__V__}", shell=True, capture_output=True, text=True)
    return {"output": result.stdout}
""",
        ),
        fastapi(
            "import ipaddress\nimport subprocess\n",
            "__V__: str",
            """    try:
        address = str(ipaddress.ip_address(__V__))
    except ValueError:
        raise HTTPException(status_code=400, detail="invalid address")
    result = subprocess.run(["ping", "-c", "3", address], capture_output=True, text=True)
    return {"output": result.stdout}
""",
        ),
    ),
    (
        "command",
        "r3-django-popen-archive",
        django(
            "import os\n",
            """    __V__ = request.POST["folder"]
    stream = os.popen("tar czf /tmp/export.tgz -C /srv/data " + __V__)
    return HttpResponse(stream.read())
""",
        ),
        django(
            "import subprocess\n\nFOLDERS = {'reports', 'invoices', 'exports'}\n",
            """    __V__ = request.POST["folder"]
    if __V__ not in FOLDERS:
        return HttpResponse(status=400)
    done = subprocess.run(["tar", "czf", "/tmp/export.tgz", "-C", "/srv/data", __V__], capture_output=True)
    return HttpResponse(done.stdout)
""",
        ),
    ),
    (
        "command",
        "r3-helper-git-clone",
        _py(
            FASTAPI
            + """import subprocess


def clone(repo_url: str, dest: str) -> int:
    return subprocess.call("git clone --depth 1 " + repo_url + " " + dest, shell=True)


@app.post("/__R__")
async def __F__(__V__: str):
    return {"status": clone(__V__, "/tmp/checkout")}
"""
        ),
        _py(
            FASTAPI
            + """import subprocess


def clone(repo_url: str, dest: str) -> int:
    if not repo_url.startswith("https://"):
        raise HTTPException(status_code=400, detail="https URLs only")
    return subprocess.call(["git", "clone", "--depth", "1", "--", repo_url, dest])


@app.post("/__R__")
async def __F__(__V__: str):
    return {"status": clone(__V__, "/tmp/checkout")}
"""
        ),
    ),
    # --- Path traversal -------------------------------------------------------------------------
    (
        "path",
        "r3-fastapi-fileresponse",
        fastapi(
            "import os\nfrom fastapi.responses import FileResponse\nBASE_DIR = '/srv/files'\n",
            "__V__: str",
            """    file_path = os.path.join(BASE_DIR, __V__)
    if not os.path.exists(file_path):
        raise HTTPException(status_code=404)
    return FileResponse(file_path)
""",
        ),
        fastapi(
            "from pathlib import Path\nfrom fastapi.responses import FileResponse\nBASE_DIR = Path('/srv/files').resolve()\n",
            "__V__: str",
            """    file_path = (BASE_DIR / __V__).resolve()
    if not file_path.is_relative_to(BASE_DIR) or not file_path.is_file():
        raise HTTPException(status_code=404)
    return FileResponse(file_path)
""",
        ),
    ),
    (
        "path",
        "r3-django-commonpath",
        django(
            "import os\nfrom django.conf import settings\n",
            """    __V__ = request.GET["name"]
    full = os.path.join(settings.MEDIA_ROOT, __V__)
    with open(full, "rb") as handle:
        return HttpResponse(handle.read(), content_type="application/octet-stream")
""",
        ),
        django(
            "import os\nfrom django.conf import settings\nfrom django.http import Http404\n",
            """    __V__ = request.GET["name"]
    root = os.path.realpath(settings.MEDIA_ROOT)
    full = os.path.realpath(os.path.join(root, __V__))
    if os.path.commonpath([root, full]) != root:
        raise Http404()
    with open(full, "rb") as handle:
        return HttpResponse(handle.read(), content_type="application/octet-stream")
""",
        ),
    ),
    (
        "path",
        "r3-zip-extract-namelist",
        flask(
            "import os\nimport zipfile\nDEST = '/srv/unpacked'\n",
            """    upload = request.files["archive"]
    with zipfile.ZipFile(upload) as archive:
        for __V__ in archive.namelist():
            target = os.path.join(DEST, __V__)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(archive.read(__V__))
    return jsonify(ok=True)
""",
            "POST",
        ),
        flask(
            "import os\nimport zipfile\nDEST = '/srv/unpacked'\n",
            """    upload = request.files["archive"]
    root = os.path.realpath(DEST)
    with zipfile.ZipFile(upload) as archive:
        for __V__ in archive.namelist():
            target = os.path.realpath(os.path.join(root, __V__))
            if not target.startswith(root + os.sep):
                abort(400)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(archive.read(__V__))
    return jsonify(ok=True)
""",
            "POST",
        ),
    ),
    (
        "path",
        "r3-tarfile-extractall",
        flask(
            "import tarfile\n",
            """    __V__ = request.files["bundle"]
    with tarfile.open(fileobj=__V__.stream, mode="r:gz") as tar:
        tar.extractall("/srv/bundles")
    return jsonify(ok=True)
""",
            "POST",
        ),
        flask(
            "import tarfile\n",
            """    __V__ = request.files["bundle"]
    with tarfile.open(fileobj=__V__.stream, mode="r:gz") as tar:
        tar.extractall("/srv/bundles", filter="data")
    return jsonify(ok=True)
""",
            "POST",
        ),
    ),
    # --- XSS ------------------------------------------------------------------------------------
    (
        "xss",
        "r3-flask-fstring-html",
        flask(
            "",
            """    __V__ = request.args.get("name", "guest")
    return f"<html><body><h1>Welcome, {__V__}!</h1></body></html>"
""",
        ),
        flask(
            "from markupsafe import escape\n",
            """    __V__ = request.args.get("name", "guest")
    return f"<html><body><h1>Welcome, {escape(__V__)}!</h1></body></html>"
""",
        ),
    ),
    (
        "xss",
        "r3-django-httpresponse",
        django(
            "",
            """    __V__ = request.GET.get("q", "")
    html = "<p>No results found for <b>" + __V__ + "</b></p>"
    return HttpResponse(html)
""",
        ),
        django(
            "from django.utils.html import format_html\n",
            """    __V__ = request.GET.get("q", "")
    html = format_html("<p>No results found for <b>{}</b></p>", __V__)
    return HttpResponse(html)
""",
        ),
    ),
    (
        "xss",
        "r3-regex-strip-tags",
        flask(
            "",
            """    __V__ = request.args.get("comment", "")
    return "<div class='comment'>" + __V__ + "</div>"
""",
        ),
        flask(
            "import re\n",
            """    __V__ = request.args.get("comment", "")
    cleaned = re.sub(r"[<>&\\"']", "", __V__)
    return "<div class='comment'>" + cleaned + "</div>"
""",
        ),
    ),
    (
        "xss",
        "r3-fastapi-htmlresponse",
        fastapi(
            "from fastapi.responses import HTMLResponse\n",
            "__V__: str = ''",
            """    return HTMLResponse(content=f"<h2>Search results for: {__V__}</h2>")
""",
        ),
        fastapi(
            "import html\nfrom fastapi.responses import HTMLResponse\n",
            "__V__: str = ''",
            """    return HTMLResponse(content=f"<h2>Search results for: {html.escape(__V__)}</h2>")
""",
        ),
    ),
    # --- Redirect / SSRF ------------------------------------------------------------------------
    (
        "redirect",
        "r3-flask-next-param",
        flask(
            "",
            """    __V__ = request.args.get("next", "/")
    session["user"] = "ok"
    return redirect(__V__)
""",
        ),
        flask(
            "from urllib.parse import urlparse\n",
            """    __V__ = request.args.get("next", "/")
    session["user"] = "ok"
    parsed = urlparse(__V__)
    if parsed.scheme or parsed.netloc or not __V__.startswith("/"):
        __V__ = "/"
    return redirect(__V__)
""",
        ),
    ),
    (
        "redirect",
        "r3-django-redirect",
        django(
            "",
            """    __V__ = request.GET.get("return_to", "/")
    return HttpResponseRedirect(__V__)
""",
        ),
        django(
            "from django.utils.http import url_has_allowed_host_and_scheme\n",
            """    __V__ = request.GET.get("return_to", "/")
    if not url_has_allowed_host_and_scheme(__V__, allowed_hosts={request.get_host()}):
        __V__ = "/"
    return HttpResponseRedirect(__V__)
""",
        ),
    ),
    (
        "ssrf",
        "r3-fastapi-httpx-preview",
        fastapi(
            "import httpx\n",
            "__V__: str",
            """    async with httpx.AsyncClient() as client:
        resp = await client.get(__V__, timeout=5)
    return {"status": resp.status_code, "length": len(resp.content)}
""",
        ),
        fastapi(
            "import httpx\nfrom urllib.parse import urlparse\nALLOWED = {'api.github.com', 'example.com'}\n",
            "__V__: str",
            """    parsed = urlparse(__V__)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED:
        raise HTTPException(status_code=400, detail="host not allowed")
    async with httpx.AsyncClient() as client:
        resp = await client.get(__V__, timeout=5)
    return {"status": resp.status_code, "length": len(resp.content)}
""",
        ),
    ),
    (
        "ssrf",
        "r3-webhook-requests",
        flask(
            "import requests\n",
            """    __V__ = request.json["callback_url"]
    requests.post(__V__, json={"event": "ping"}, timeout=5)
    return jsonify(sent=True)
""",
            "POST",
        ),
        flask(
            "import requests\nfrom urllib.parse import urlparse\nHOOK_HOSTS = {'hooks.slack.com'}\n",
            """    __V__ = request.json["callback_url"]
    if urlparse(__V__).hostname not in HOOK_HOSTS:
        abort(400)
    requests.post(__V__, json={"event": "ping"}, timeout=5)
    return jsonify(sent=True)
""",
            "POST",
        ),
    ),
    # --- Code / template / deserialization ------------------------------------------------------
    (
        "code",
        "r3-calculator-eval",
        fastapi(
            "",
            "__V__: str",
            """    return {"result": eval(__V__)}
""",
        ),
        fastapi(
            "import ast\n",
            "__V__: str",
            """    try:
        return {"result": ast.literal_eval(__V__)}
    except (ValueError, SyntaxError):
        raise HTTPException(status_code=400, detail="not a literal")
""",
        ),
    ),
    (
        "code",
        "r3-exec-plugin",
        flask(
            "",
            """    __V__ = request.form["script"]
    scope = {}
    exec(__V__, scope)
    return jsonify(result=str(scope.get("result")))
""",
            "POST",
        ),
        flask(
            "import json\n",
            """    __V__ = request.form["script"]
    scope = json.loads(__V__)
    return jsonify(result=str(scope.get("result")))
""",
            "POST",
        ),
    ),
    (
        "template",
        "r3-jinja-from-string",
        flask(
            "from jinja2 import Template\n",
            """    __V__ = request.args.get("greeting", "Hello")
    page = Template("<p>" + __V__ + ", {{ user }}</p>").render(user="friend")
    return page
""",
        ),
        flask(
            "from jinja2 import Environment, select_autoescape\nenv = Environment(autoescape=select_autoescape())\n",
            """    __V__ = request.args.get("greeting", "Hello")
    page = env.from_string("<p>{{ greeting }}, {{ user }}</p>").render(greeting=__V__, user="friend")
    return page
""",
        ),
    ),
    (
        "template",
        "r3-render-template-string",
        flask(
            "from flask import render_template_string\n",
            """    __V__ = request.args.get("title", "")
    return render_template_string(f"<h1>{__V__}</h1>")
""",
        ),
        flask(
            "from flask import render_template_string\n",
            """    __V__ = request.args.get("title", "")
    return render_template_string("<h1>{{ title }}</h1>", title=__V__)
""",
        ),
    ),
    (
        "deserialization",
        "r3-pickle-cookie",
        flask(
            "import base64\nimport pickle\n",
            """    __V__ = request.cookies.get("prefs")
    prefs = pickle.loads(base64.b64decode(__V__)) if __V__ else {}
    return jsonify(prefs)
""",
        ),
        flask(
            "import base64\nimport json\n",
            """    __V__ = request.cookies.get("prefs")
    prefs = json.loads(base64.b64decode(__V__)) if __V__ else {}
    return jsonify(prefs)
""",
        ),
    ),
    (
        "deserialization",
        "r3-yaml-config-upload",
        fastapi(
            "import yaml\n",
            "__V__: UploadFile",
            """    config = yaml.load(await __V__.read(), Loader=yaml.Loader)
    return {"keys": list(config)}
""",
            "post",
        ),
        fastapi(
            "import yaml\n",
            "__V__: UploadFile",
            """    config = yaml.safe_load(await __V__.read())
    return {"keys": list(config)}
""",
            "post",
        ),
    ),
    # --- XML ------------------------------------------------------------------------------------
    (
        "xxe",
        "r3-lxml-parser-entities",
        flask(
            "from lxml import etree\n",
            """    __V__ = request.get_data()
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(__V__, parser)
    return jsonify(tag=root.tag, text=root.findtext("name"))
""",
            "POST",
        ),
        flask(
            "from lxml import etree\n",
            """    __V__ = request.get_data()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, dtd_validation=False, load_dtd=False)
    root = etree.fromstring(__V__, parser)
    return jsonify(tag=root.tag, text=root.findtext("name"))
""",
            "POST",
        ),
    ),
    (
        "xpath",
        "r3-lxml-xpath-login",
        flask(
            "from lxml import etree\ntree = etree.parse('users.xml')\n",
            """    __V__ = request.form["username"]
    nodes = tree.xpath("//user[name/text()='" + __V__ + "']/role/text()")
    return jsonify(roles=[str(n) for n in nodes])
""",
            "POST",
        ),
        flask(
            "from lxml import etree\ntree = etree.parse('users.xml')\n",
            """    __V__ = request.form["username"]
    nodes = tree.xpath("//user[name/text()=$name]/role/text()", name=__V__)
    return jsonify(roles=[str(n) for n in nodes])
""",
            "POST",
        ),
    ),
    (
        "ldap",
        "r3-ldap3-search",
        flask(
            "from ldap3 import Server, Connection\nconn = Connection(Server('ldap://ldap.internal'), auto_bind=True)\n",
            """    __V__ = request.args["uid"]
    conn.search("ou=people,dc=example,dc=com", f"(&(objectClass=person)(uid={__V__}))", attributes=["cn", "mail"])
    return jsonify([e.entry_to_json() for e in conn.entries])
""",
        ),
        flask(
            "from ldap3 import Server, Connection\nfrom ldap3.utils.conv import escape_filter_chars\nconn = Connection(Server('ldap://ldap.internal'), auto_bind=True)\n",
            """    __V__ = request.args["uid"]
    conn.search("ou=people,dc=example,dc=com", f"(&(objectClass=person)(uid={escape_filter_chars(__V__)}))", attributes=["cn", "mail"])
    return jsonify([e.entry_to_json() for e in conn.entries])
""",
        ),
    ),
    # --- Crypto / randomness --------------------------------------------------------------------
    (
        "weak-hash",
        "r3-register-sha1",
        fastapi(
            "import hashlib\nfrom .db import save_user\n",
            "username: str, __V__: str",
            """    digest = hashlib.sha1(__V__.encode()).hexdigest()
    save_user(username, digest)
    return {"created": username}
""",
            "post",
        ),
        fastapi(
            "import hashlib\nimport os\nfrom .db import save_user\n",
            "username: str, __V__: str",
            """    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", __V__.encode(), salt, 600_000).hex()
    save_user(username, salt.hex() + "$" + digest)
    return {"created": username}
""",
            "post",
        ),
    ),
    (
        "weak-hash",
        "r3-hashlib-new-md5-password",
        _py(
            """import hashlib


def hash_password(__V__: str) -> str:
    h = hashlib.new("md5")
    h.update(__V__.encode("utf-8"))
    return h.hexdigest()
"""
        ),
        _py(
            """import hashlib
import os


def hash_password(__V__: str) -> str:
    salt = os.urandom(16)
    return salt.hex() + ":" + hashlib.scrypt(__V__.encode("utf-8"), salt=salt, n=2**14, r=8, p=1).hex()
"""
        ),
    ),
    (
        "weak-random",
        "r3-reset-token-random",
        _py(
            """import random
import string


def make_reset_token(__V__: int = 32) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(__V__))
"""
        ),
        _py(
            """import secrets
import string


def make_reset_token(__V__: int = 32) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(__V__))
"""
        ),
    ),
    (
        "weak-random",
        "r3-session-id-randint",
        flask(
            "import random\n",
            """    __V__ = str(random.randint(100000, 999999))
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("otp_session", __V__, secure=True, httponly=True)
    return resp
""",
        ),
        flask(
            "import secrets\n",
            """    __V__ = str(secrets.randbelow(900000) + 100000)
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("otp_session", __V__, secure=True, httponly=True)
    return resp
""",
        ),
    ),
    # --- Cookies / session ----------------------------------------------------------------------
    (
        "cookie",
        "r3-login-set-cookie",
        flask(
            "import secrets\n",
            """    __V__ = secrets.token_urlsafe(32)
    resp = make_response(redirect("/dashboard"))
    resp.set_cookie("session_id", __V__)
    return resp
""",
            "POST",
        ),
        flask(
            "import secrets\n",
            """    __V__ = secrets.token_urlsafe(32)
    resp = make_response(redirect("/dashboard"))
    resp.set_cookie("session_id", __V__, secure=True, httponly=True, samesite="Lax")
    return resp
""",
            "POST",
        ),
    ),
    (
        "cookie",
        "r3-fastapi-response-cookie",
        _py(
            """from fastapi import FastAPI, Response
import secrets
app = FastAPI()


@app.post("/__R__")
def __F__(response: Response):
    __V__ = secrets.token_hex(16)
    response.set_cookie(key="auth", value=__V__)
    return {"ok": True}
"""
        ),
        _py(
            """from fastapi import FastAPI, Response
import secrets
app = FastAPI()


@app.post("/__R__")
def __F__(response: Response):
    __V__ = secrets.token_hex(16)
    response.set_cookie(key="auth", value=__V__, secure=True, httponly=True, samesite="strict")
    return {"ok": True}
"""
        ),
    ),
    (
        "session",
        "r3-session-role-from-form",
        flask(
            "",
            """    __V__ = request.form.get("role", "viewer")
    session["role"] = __V__
    return jsonify(role=session["role"])
""",
            "POST",
        ),
        flask(
            "ROLES = {'viewer', 'editor'}\n",
            """    __V__ = request.form.get("role", "viewer")
    session["role"] = __V__ if __V__ in ROLES else "viewer"
    return jsonify(role=session["role"])
""",
            "POST",
        ),
    ),
    # --- Logs / headers / errors ----------------------------------------------------------------
    (
        "log",
        "r3-login-failure-log",
        flask(
            "import logging\nlogger = logging.getLogger(__name__)\n",
            """    __V__ = request.form["username"]
    logger.warning("Failed login attempt for user " + __V__)
    return jsonify(error="invalid credentials"), 401
""",
            "POST",
        ),
        flask(
            "import logging\nlogger = logging.getLogger(__name__)\n",
            """    __V__ = request.form["username"]
    safe_name = __V__.replace("\\r", "").replace("\\n", "")
    logger.warning("Failed login attempt for user " + safe_name)
    return jsonify(error="invalid credentials"), 401
""",
            "POST",
        ),
    ),
    (
        "header",
        "r3-content-disposition",
        flask(
            "",
            """    __V__ = request.args.get("filename", "report.csv")
    resp = make_response("id,total\\n1,10\\n")
    resp.headers["Content-Disposition"] = "attachment; filename=" + __V__
    return resp
""",
        ),
        flask(
            "from urllib.parse import quote\n",
            """    __V__ = request.args.get("filename", "report.csv")
    resp = make_response("id,total\\n1,10\\n")
    resp.headers["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(__V__)
    return resp
""",
        ),
    ),
    (
        "error-disclosure",
        "r3-traceback-json",
        flask(
            "import traceback\nfrom .jobs import run_job\n",
            """    __V__ = request.args.get("job", "")
    try:
        return jsonify(result=run_job(__V__))
    except Exception:
        return jsonify(error=traceback.format_exc()), 500
""",
        ),
        flask(
            "import logging\nfrom .jobs import run_job\nlogger = logging.getLogger(__name__)\n",
            """    __V__ = request.args.get("job", "")
    try:
        return jsonify(result=run_job(__V__))
    except Exception:
        logger.exception("job failed")
        return jsonify(error="internal error"), 500
""",
        ),
    ),
    (
        "error-disclosure",
        "r3-fastapi-str-exception",
        fastapi(
            "from .billing import charge\n",
            "__V__: int",
            """    try:
        return {"receipt": charge(__V__)}
    except Exception as exc:
        raise HTTPException(status_code=500, detail=str(exc))
""",
            "post",
        ),
        fastapi(
            "import logging\nfrom .billing import charge\nlog = logging.getLogger(__name__)\n",
            "__V__: int",
            """    try:
        return {"receipt": charge(__V__)}
    except Exception:
        log.exception("charge failed")
        raise HTTPException(status_code=500, detail="payment failed")
""",
            "post",
        ),
    ),
    # --- Regex / upload / transport / files -----------------------------------------------------
    (
        "regex",
        "r3-user-pattern-search",
        flask(
            "import re\nNAMES = ['alice', 'bob', 'carol']\n",
            """    __V__ = request.args.get("pattern", "")
    matcher = re.compile(__V__)
    return jsonify([n for n in NAMES if matcher.search(n)])
""",
        ),
        flask(
            "import re\nNAMES = ['alice', 'bob', 'carol']\n",
            """    __V__ = request.args.get("pattern", "")
    matcher = re.compile(re.escape(__V__))
    return jsonify([n for n in NAMES if matcher.search(n)])
""",
        ),
    ),
    (
        "upload",
        "r3-flask-save-filename",
        flask(
            "import os\nUPLOAD_FOLDER = '/srv/uploads'\n",
            """    __V__ = request.files["file"]
    __V__.save(os.path.join(UPLOAD_FOLDER, __V__.filename))
    return jsonify(saved=__V__.filename)
""",
            "POST",
        ),
        flask(
            "import os\nfrom werkzeug.utils import secure_filename\nUPLOAD_FOLDER = '/srv/uploads'\nALLOWED = {'png', 'jpg', 'pdf'}\n",
            """    __V__ = request.files["file"]
    name = secure_filename(__V__.filename or "")
    if not name or name.rsplit(".", 1)[-1].lower() not in ALLOWED:
        abort(400)
    __V__.save(os.path.join(UPLOAD_FOLDER, name))
    return jsonify(saved=name)
""",
            "POST",
        ),
    ),
    (
        "upload",
        "r3-fastapi-uploadfile-write",
        fastapi(
            "",
            "__V__: UploadFile",
            """    with open(f"uploads/{__V__.filename}", "wb") as out:
        out.write(await __V__.read())
    return {"filename": __V__.filename}
""",
            "post",
        ),
        fastapi(
            "import uuid\nALLOWED = {'.png', '.jpg', '.jpeg'}\n",
            "__V__: UploadFile",
            """    suffix = "." + (__V__.filename or "").rsplit(".", 1)[-1].lower()
    if suffix not in ALLOWED:
        raise HTTPException(status_code=400, detail="file type not allowed")
    name = uuid.uuid4().hex + suffix
    with open(f"uploads/{name}", "wb") as out:
        out.write(await __V__.read())
    return {"filename": name}
""",
            "post",
        ),
    ),
    (
        "cleartext",
        "r3-requests-login-http",
        _py(
            """import requests

AUTH_URL = "http://auth.internal.example.com/api/login"


def __F___login(username: str, __V__: str) -> str:
    resp = requests.post(AUTH_URL, json={"username": username, "password": __V__}, timeout=10)
    resp.raise_for_status()
    return resp.json()["token"]
"""
        ),
        _py(
            """import requests

AUTH_URL = "https://auth.internal.example.com/api/login"


def __F___login(username: str, __V__: str) -> str:
    resp = requests.post(AUTH_URL, json={"username": username, "password": __V__}, timeout=10)
    resp.raise_for_status()
    return resp.json()["token"]
"""
        ),
    ),
    (
        "temp-file",
        "r3-mktemp-export",
        _py(
            """import tempfile


def export___T__(rows):
    __V__ = tempfile.mktemp(suffix=".csv")
    with open(__V__, "w") as out:
        for row in rows:
            out.write(",".join(map(str, row)) + "\\n")
    return __V__
"""
        ),
        _py(
            """import tempfile


def export___T__(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as out:
        for row in rows:
            out.write(",".join(map(str, row)) + "\\n")
        __V__ = out.name
    return __V__
"""
        ),
    ),
    (
        "file-mode",
        "r3-chmod-shared-key",
        _py(
            """import os


def write_key(__V__: bytes, path: str = "/etc/app/api.key") -> None:
    with open(path, "wb") as out:
        out.write(__V__)
    os.chmod(path, 0o777)
"""
        ),
        _py(
            """import os


def write_key(__V__: bytes, path: str = "/etc/app/api.key") -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(__V__)
"""
        ),
    ),
]

SCENARIOS: list[tuple[str, str, str, str]] = _RAW
