# ruff: noqa: S608  (code written as data: the vulnerable twins build SQL on purpose)
"""Python scenarios of the AI-style suite: (category, name, vulnerable, safe), written the way an
assistant answers "write a Flask endpoint that ...". `{V}` (a data name), `{F}` (a function name),
`{R}` (a route) and `{T}` (a table or folder) are filled per variant."""

HEAD = "from flask import Flask, request, session, redirect, render_template, send_file, jsonify, make_response\napp = Flask(__name__)\n"

SCENARIOS = [
    (
        "sql",
        "lookup-fstring",
        HEAD
        + '''import sqlite3


@app.route("/{R}")
def {F}():
    """Return the {T} row matching the query parameter."""
    {V} = request.args.get("{V}")
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM {T} WHERE name = '{{{V}}}'")
    return jsonify(cur.fetchall())
''',
        HEAD
        + '''import sqlite3


@app.route("/{R}")
def {F}():
    """Return the {T} row matching the query parameter."""
    {V} = request.args.get("{V}")
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    cur.execute("SELECT * FROM {T} WHERE name = ?", ({V},))
    return jsonify(cur.fetchall())
''',
    ),
    (
        "sql",
        "helper-percent",
        HEAD
        + """import sqlite3


def find_{T}(conn, {V}):
    query = "SELECT id, email FROM {T} WHERE username = '%s'" % {V}
    return conn.execute(query).fetchone()


@app.route("/{R}", methods=["POST"])
def {F}():
    conn = sqlite3.connect("app.db")
    row = find_{T}(conn, request.form["{V}"])
    return jsonify(row)
""",
        HEAD
        + """import sqlite3


def find_{T}(conn, {V}):
    query = "SELECT id, email FROM {T} WHERE username = ?"
    return conn.execute(query, ({V},)).fetchone()


@app.route("/{R}", methods=["POST"])
def {F}():
    conn = sqlite3.connect("app.db")
    row = find_{T}(conn, request.form["{V}"])
    return jsonify(row)
""",
    ),
    (
        "command",
        "ping-os-system",
        HEAD
        + '''import os


@app.route("/{R}")
def {F}():
    """Ping a host and report whether it is up."""
    {V} = request.args.get("host", "")
    status = os.system(f"ping -c 1 {{{V}}}")
    return jsonify({{"up": status == 0}})
''',
        HEAD
        + '''import subprocess


@app.route("/{R}")
def {F}():
    """Ping a host and report whether it is up."""
    {V} = request.args.get("host", "")
    result = subprocess.run(["ping", "-c", "1", {V}], capture_output=True)
    return jsonify({{"up": result.returncode == 0}})
''',
    ),
    (
        "command",
        "shell-true",
        HEAD
        + """import subprocess


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.json["filename"]
    output = subprocess.check_output("wc -l /srv/{T}/" + {V}, shell=True)
    return output.decode()
""",
        HEAD
        + """import shlex
import subprocess


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.json["filename"]
    output = subprocess.check_output("wc -l /srv/{T}/" + shlex.quote({V}), shell=True)
    return jsonify(lines=output.decode())
""",
    ),
    (
        "path",
        "send-file-join",
        HEAD
        + """import os

UPLOAD_DIR = "/srv/{T}"


@app.route("/{R}")
def {F}():
    {V} = request.args["file"]
    return send_file(os.path.join(UPLOAD_DIR, {V}))
""",
        HEAD
        + """import os
from werkzeug.utils import secure_filename

UPLOAD_DIR = "/srv/{T}"


@app.route("/{R}")
def {F}():
    {V} = secure_filename(request.args["file"])
    return send_file(os.path.join(UPLOAD_DIR, {V}))
""",
    ),
    (
        "path",
        "open-report",
        HEAD
        + """
@app.route("/{R}/<{V}>")
def {F}({V}):
    with open(f"reports/{T}/{{{V}}}") as handle:
        return jsonify(content=handle.read())
""",
        HEAD
        + """import os

BASE = os.path.realpath("reports/{T}")


@app.route("/{R}/<{V}>")
def {F}({V}):
    target = os.path.realpath(os.path.join(BASE, {V}))
    if not target.startswith(BASE + os.sep):
        return jsonify(error="invalid"), 400
    with open(target) as handle:
        return jsonify(content=handle.read())
""",
    ),
    (
        "xss",
        "greeting",
        HEAD
        + """
@app.route("/{R}")
def {F}():
    {V} = request.args.get("name", "guest")
    return f"<h1>Welcome, {{{V}}}!</h1>"
""",
        HEAD
        + """from markupsafe import escape


@app.route("/{R}")
def {F}():
    {V} = request.args.get("name", "guest")
    return f"<h1>Welcome, {{escape({V})}}!</h1>"
""",
    ),
    (
        "template",
        "render-string",
        HEAD
        + """from flask import render_template_string


@app.route("/{R}")
def {F}():
    {V} = request.args.get("title", "")
    return render_template_string("<h2>" + {V} + "</h2>")
""",
        HEAD
        + """from flask import render_template_string


@app.route("/{R}")
def {F}():
    {V} = request.args.get("title", "")
    return render_template_string("<h2>{{{{ title }}}}</h2>", title={V})
""",
    ),
    (
        "redirect",
        "next-param",
        HEAD
        + '''
@app.route("/{R}")
def {F}():
    """After login, send the user back where they came from."""
    {V} = request.args.get("next", "/")
    return redirect({V})
''',
        HEAD
        + '''ALLOWED = {{"/", "/dashboard", "/{T}"}}


@app.route("/{R}")
def {F}():
    """After login, send the user back where they came from."""
    {V} = request.args.get("next", "/")
    if {V} not in ALLOWED:
        {V} = "/"
    return redirect({V})
''',
    ),
    (
        "ssrf",
        "fetch-url",
        HEAD
        + '''import requests


@app.route("/{R}")
def {F}():
    """Fetch a remote page for the link preview."""
    {V} = request.args["url"]
    page = requests.get({V}, timeout=5)
    return jsonify(status=page.status_code, length=len(page.text))
''',
        HEAD
        + '''from urllib.parse import urlparse

import requests

ALLOWED_HOSTS = {{"api.example.com", "{T}.example.com"}}


@app.route("/{R}")
def {F}():
    """Fetch a remote page for the link preview."""
    {V} = request.args["url"]
    if urlparse({V}).hostname not in ALLOWED_HOSTS:
        return jsonify(error="host not allowed"), 400
    page = requests.get({V}, timeout=5)
    return jsonify(status=page.status_code, length=len(page.text))
''',
    ),
    (
        "deserialization",
        "pickle-cookie",
        HEAD
        + """import base64
import pickle


@app.route("/{R}")
def {F}():
    {V} = request.cookies.get("prefs")
    prefs = pickle.loads(base64.b64decode({V}))
    return jsonify(prefs)
""",
        HEAD
        + """import base64
import json


@app.route("/{R}")
def {F}():
    {V} = request.cookies.get("prefs")
    prefs = json.loads(base64.b64decode({V}))
    return jsonify(prefs)
""",
    ),
    (
        "deserialization",
        "yaml-load",
        HEAD
        + """import yaml


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = yaml.load(request.data, Loader=yaml.Loader)
    return jsonify({V})
""",
        HEAD
        + """import yaml


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = yaml.safe_load(request.data)
    return jsonify({V})
""",
    ),
    (
        "code",
        "calculator-eval",
        HEAD
        + '''
@app.route("/{R}")
def {F}():
    """Evaluate a simple arithmetic expression."""
    {V} = request.args.get("expr", "0")
    return jsonify(result=eval({V}))
''',
        HEAD
        + '''import ast


@app.route("/{R}")
def {F}():
    """Evaluate a simple arithmetic expression."""
    {V} = request.args.get("expr", "0")
    return jsonify(result=ast.literal_eval({V}))
''',
    ),
    (
        "xxe",
        "lxml-parser",
        HEAD
        + """from lxml import etree


@app.route("/{R}", methods=["POST"])
def {F}():
    parser = etree.XMLParser(resolve_entities=True)
    {V} = etree.fromstring(request.data, parser)
    return jsonify(tag={V}.tag)
""",
        HEAD
        + """from defusedxml import ElementTree


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = ElementTree.fromstring(request.data)
    return jsonify(tag={V}.tag)
""",
    ),
    (
        "ldap",
        "ldap3-filter",
        HEAD
        + """from ldap3 import Connection, Server


@app.route("/{R}")
def {F}():
    {V} = request.args["user"]
    conn = Connection(Server("ldap://directory"), auto_bind=True)
    conn.search("ou=people,dc=example,dc=com", f"(uid={{{V}}})")
    return jsonify(found=len(conn.entries))
""",
        HEAD
        + """from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars


@app.route("/{R}")
def {F}():
    {V} = escape_filter_chars(request.args["user"])
    conn = Connection(Server("ldap://directory"), auto_bind=True)
    conn.search("ou=people,dc=example,dc=com", f"(uid={{{V}}})")
    return jsonify(found=len(conn.entries))
""",
    ),
    (
        "xpath",
        "lxml-xpath",
        HEAD
        + """from lxml import etree

TREE = etree.parse("{T}.xml")


@app.route("/{R}")
def {F}():
    {V} = request.args["name"]
    nodes = TREE.xpath(f"//user[name='{{{V}}}']/email/text()")
    return jsonify(emails=[str(n) for n in nodes])
""",
        HEAD
        + """from lxml import etree

TREE = etree.parse("{T}.xml")


@app.route("/{R}")
def {F}():
    {V} = request.args["name"]
    nodes = TREE.xpath("//user[name=$name]/email/text()", name={V})
    return jsonify(emails=[str(n) for n in nodes])
""",
    ),
    (
        "weak-hash",
        "md5-password",
        '''import hashlib


def {F}({V}: str) -> str:
    """Hash a password before storing it in the {T} table."""
    return hashlib.md5({V}.encode()).hexdigest()
''',
        '''import hashlib
import os


def {F}({V}: str) -> str:
    """Hash a password before storing it in the {T} table."""
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", {V}.encode(), salt, 600_000)
    return salt.hex() + ":" + digest.hex()
''',
    ),
    (
        "weak-random",
        "reset-token",
        HEAD
        + '''import random
import string


@app.route("/{R}", methods=["POST"])
def {F}():
    """Create a password reset token for the user."""
    {V} = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))
    session["reset_token"] = {V}
    return jsonify(ok=True)
''',
        HEAD
        + '''import secrets


@app.route("/{R}", methods=["POST"])
def {F}():
    """Create a password reset token for the user."""
    {V} = secrets.token_urlsafe(32)
    session["reset_token"] = {V}
    return jsonify(ok=True)
''',
    ),
    (
        "cookie",
        "set-cookie-flags",
        HEAD
        + """
@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = make_response(jsonify(ok=True))
    {V}.set_cookie("session_id", "abc123", secure=False, httponly=False)
    return {V}
""",
        HEAD
        + """
@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = make_response(jsonify(ok=True))
    {V}.set_cookie("session_id", "abc123", secure=True, httponly=True, samesite="Lax")
    return {V}
""",
    ),
    (
        "session",
        "role-from-form",
        HEAD
        + """
@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.form.get("role")
    session["role"] = {V}
    return jsonify(ok=True)
""",
        HEAD
        + """ROLES = {{"alice": "admin"}}


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.form.get("user")
    session["role"] = "admin" if ROLES.get("alice") == "admin" and {V} == "alice" else "viewer"
    return jsonify(ok=True)
""",
    ),
    (
        "log",
        "login-failure",
        HEAD
        + """import logging

logger = logging.getLogger(__name__)


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.form["username"]
    logging.warning("Failed login for user " + {V})
    return jsonify(ok=False), 401
""",
        HEAD
        + """import logging


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.form["username"].replace("\\n", "").replace("\\r", "")
    logging.warning("Failed login for user " + {V})
    return jsonify(ok=False), 401
""",
    ),
    (
        "header",
        "custom-header",
        HEAD
        + """
@app.route("/{R}")
def {F}():
    {V} = make_response("ok")
    {V}.headers["X-{T}-Name"] = request.args.get("name", "")
    return {V}
""",
        HEAD
        + """
@app.route("/{R}")
def {F}():
    {V} = make_response("ok")
    {V}.headers["X-{T}-Name"] = "static"
    return {V}
""",
    ),
    (
        "regex",
        "user-pattern",
        HEAD
        + """import re

NAMES = ["alice", "bob", "carol"]


@app.route("/{R}")
def {F}():
    {V} = request.args.get("q", "")
    pattern = re.compile({V})
    return jsonify([n for n in NAMES if pattern.search(n)])
""",
        HEAD
        + """import re

NAMES = ["alice", "bob", "carol"]


@app.route("/{R}")
def {F}():
    {V} = request.args.get("q", "")
    pattern = re.compile(re.escape({V}))
    return jsonify([n for n in NAMES if pattern.search(n)])
""",
    ),
    (
        "nosql",
        "mongo-filter",
        HEAD
        + """from pymongo import MongoClient

db = MongoClient()["app"]


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.get_json()
    user = db.{T}.find_one({V})
    return jsonify(found=user is not None)
""",
        HEAD
        + """from pymongo import MongoClient

db = MongoClient()["app"]


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.get_json()
    user = db.{T}.find_one({{"username": str({V}.get("username", ""))}})
    return jsonify(found=user is not None)
""",
    ),
    (
        "temp-file",
        "mktemp",
        """import tempfile


def {F}({V}: bytes) -> str:
    path = tempfile.mktemp(suffix=".{T}")
    with open(path, "wb") as handle:
        handle.write({V})
    return path
""",
        """import os
import tempfile


def {F}({V}: bytes) -> str:
    handle, path = tempfile.mkstemp(suffix=".{T}")
    with os.fdopen(handle, "wb") as out:
        out.write({V})
    return path
""",
    ),
    (
        "file-mode",
        "chmod-777",
        '''import os


def {F}({V}: str) -> None:
    """Make the {T} export readable by the web server."""
    os.chmod({V}, 0o777)
''',
        '''import os


def {F}({V}: str) -> None:
    """Make the {T} export readable by the web server."""
    os.chmod({V}, 0o640)
''',
    ),
    (
        "error-disclosure",
        "traceback",
        HEAD
        + """import traceback


@app.route("/{R}")
def {F}():
    try:
        {V} = int(request.args["count"])
        return jsonify(result=100 / {V})
    except Exception:
        return traceback.format_exc(), 500
""",
        HEAD
        + """import logging


@app.route("/{R}")
def {F}():
    try:
        {V} = int(request.args["count"])
        return jsonify(result=100 / {V})
    except Exception:
        logging.exception("division failed")
        return jsonify(error="internal error"), 500
""",
    ),
    (
        "upload",
        "save-upload",
        HEAD
        + """import os


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.files["file"]
    {V}.save(os.path.join("/srv/{T}", {V}.filename))
    return jsonify(ok=True)
""",
        HEAD
        + """import os
import uuid

ALLOWED = {{".png", ".jpg"}}


@app.route("/{R}", methods=["POST"])
def {F}():
    {V} = request.files["file"]
    extension = os.path.splitext({V}.filename)[1].lower()
    if extension not in ALLOWED:
        return jsonify(error="type"), 400
    {V}.save(os.path.join("/srv/{T}", uuid.uuid4().hex + extension))
    return jsonify(ok=True)
""",
    ),
    (
        "cleartext",
        "ftp-login",
        '''import ftplib


def {F}({V}: str, password: str) -> list:
    """List the files of the {T} drop box."""
    ftp = ftplib.FTP("files.example.com")
    ftp.login({V}, password)
    return ftp.nlst()
''',
        '''import ftplib


def {F}({V}: str, password: str) -> list:
    """List the files of the {T} drop box."""
    ftp = ftplib.FTP_TLS("files.example.com")
    ftp.login({V}, password)
    ftp.prot_p()
    return ftp.nlst()
''',
    ),
]
