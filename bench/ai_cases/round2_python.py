# ruff: noqa: S608  (code written as data: the vulnerable twins build SQL on purpose)
"""Second round of Python scenarios of the AI-style suite, written without reference to the models: the
way an assistant answers "write a Flask / FastAPI / aiohttp / Tornado / Bottle / plain WSGI endpoint
that ...", in several styles (helpers, classes, async, f-strings, other libraries). Same format as
`scenarios_python.py`: (category, name, vulnerable, safe), `{V}`, `{F}`, `{R}`, `{T}` filled per variant,
literal braces doubled."""

FLASK = "from flask import Flask, request, session, redirect, jsonify, make_response, send_file\napp = Flask(__name__)\n"
FASTAPI = "from fastapi import FastAPI, Depends, Query, Request\napp = FastAPI()\n"
AIOHTTP = "from aiohttp import web\nroutes = web.RouteTableDef()\n"


def flask(imports: str, body: str, method: str = "GET") -> str:
    return imports + FLASK + f'\n\n@app.route("/{{R}}", methods=["{method}"])\ndef {{F}}():\n' + body


SCENARIOS = [
    # --- SQL ------------------------------------------------------------------------------------
    (
        "sql",
        "r2-sqlalchemy-text-fstring",
        flask(
            "from sqlalchemy import create_engine, text\n",
            """    engine = create_engine("sqlite:///app.db")
    {V} = request.args.get("{V}", "")
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, title FROM {T} WHERE title LIKE '%{{{V}}}%'")).fetchall()
    return jsonify([dict(r._mapping) for r in rows])
""",
        ),
        flask(
            "from sqlalchemy import create_engine, text\n",
            """    engine = create_engine("sqlite:///app.db")
    {V} = request.args.get("{V}", "")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, title FROM {T} WHERE title LIKE :pat"), {{"pat": f"%{{{V}}}%"}}).fetchall()
    return jsonify([dict(r._mapping) for r in rows])
""",
        ),
    ),
    (
        "sql",
        "r2-engine-execute-percent",
        flask(
            "from sqlalchemy import create_engine\nengine = create_engine('postgresql://localhost/app')\n",
            """    {V} = request.form["{V}"]
    result = engine.execute("DELETE FROM {T} WHERE owner = '%s'" % {V})
    return jsonify(deleted=result.rowcount)
""",
            "POST",
        ),
        flask(
            "from sqlalchemy import create_engine, text\nengine = create_engine('postgresql://localhost/app')\n",
            """    {V} = request.form["{V}"]
    result = engine.execute(text("DELETE FROM {T} WHERE owner = :owner"), owner={V})
    return jsonify(deleted=result.rowcount)
""",
            "POST",
        ),
    ),
    (
        "sql",
        "r2-fastapi-depends-session",
        FASTAPI
        + """from sqlalchemy import text
from sqlalchemy.orm import Session
from .database import get_db


@app.get("/{R}")
def {F}({V}: str, db: Session = Depends(get_db)):
    query = f"SELECT * FROM {T} WHERE email = '{{{V}}}'"
    return [dict(row._mapping) for row in db.execute(text(query))]
""",
        FASTAPI
        + """from sqlalchemy import text
from sqlalchemy.orm import Session
from .database import get_db


@app.get("/{R}")
def {F}({V}: str, db: Session = Depends(get_db)):
    query = text("SELECT * FROM {T} WHERE email = :email")
    return [dict(row._mapping) for row in db.execute(query, {{"email": {V}}})]
""",
    ),
    (
        "sql",
        "r2-aiohttp-aiosqlite",
        AIOHTTP
        + """import aiosqlite


@routes.get("/{R}")
async def {F}(request):
    {V} = request.query.get("{V}", "")
    async with aiosqlite.connect("app.db") as db:
        async with db.execute("SELECT * FROM {T} WHERE name = '" + {V} + "'") as cursor:
            rows = await cursor.fetchall()
    return web.json_response(rows)
""",
        AIOHTTP
        + """import aiosqlite


@routes.get("/{R}")
async def {F}(request):
    {V} = request.query.get("{V}", "")
    async with aiosqlite.connect("app.db") as db:
        async with db.execute("SELECT * FROM {T} WHERE name = ?", ({V},)) as cursor:
            rows = await cursor.fetchall()
    return web.json_response(rows)
""",
    ),
    (
        "sql",
        "r2-helper-build-query",
        flask(
            "import psycopg2\n\n\ndef build_query(column, value):\n    return \"SELECT * FROM {T} WHERE {{}} = '{{}}'\".format(column, value)\n",
            """    {V} = request.args.get("{V}")
    conn = psycopg2.connect(dbname="app")
    with conn.cursor() as cur:
        cur.execute(build_query("name", {V}))
        return jsonify(cur.fetchall())
""",
        ),
        flask(
            'import psycopg2\n\n\ndef build_query(column):\n    assert column in ("name", "email")\n    return "SELECT * FROM {T} WHERE " + column + " = %s"\n',
            """    {V} = request.args.get("{V}")
    conn = psycopg2.connect(dbname="app")
    with conn.cursor() as cur:
        cur.execute(build_query("name"), ({V},))
        return jsonify(cur.fetchall())
""",
        ),
    ),
    (
        "sql",
        "r2-tornado-handler",
        """import sqlite3
import tornado.web


class {F}Handler(tornado.web.RequestHandler):
    def get(self):
        {V} = self.get_argument("{V}")
        conn = sqlite3.connect("app.db")
        rows = conn.execute("SELECT * FROM {T} WHERE tag = '%s'" % {V}).fetchall()
        self.write({{"rows": rows}})
""",
        """import sqlite3
import tornado.web


class {F}Handler(tornado.web.RequestHandler):
    def get(self):
        {V} = self.get_argument("{V}")
        conn = sqlite3.connect("app.db")
        rows = conn.execute("SELECT * FROM {T} WHERE tag = ?", ({V},)).fetchall()
        self.write({{"rows": rows}})
""",
    ),
    (
        "sql",
        "r2-repository-class",
        flask(
            """import sqlite3


class {F}Repository:
    def __init__(self, path="app.db"):
        self.conn = sqlite3.connect(path)

    def find(self, {V}):
        sql = "SELECT * FROM {T} WHERE sku = '" + {V} + "'"
        return self.conn.execute(sql).fetchall()


repo = {F}Repository()
""",
            """    return jsonify(repo.find(request.args["{V}"]))
""",
        ),
        flask(
            """import sqlite3


class {F}Repository:
    def __init__(self, path="app.db"):
        self.conn = sqlite3.connect(path)

    def find(self, {V}):
        sql = "SELECT * FROM {T} WHERE sku = ?"
        return self.conn.execute(sql, ({V},)).fetchall()


repo = {F}Repository()
""",
            """    return jsonify(repo.find(request.args["{V}"]))
""",
        ),
    ),
    # --- NoSQL ----------------------------------------------------------------------------------
    (
        "nosql",
        "r2-mongo-where",
        flask(
            "from pymongo import MongoClient\ndb = MongoClient()['app']\n",
            """    {V} = request.args.get("{V}")
    docs = db.{T}.find({{"$where": f"this.owner == '{{{V}}}'"}})
    return jsonify([d["_id"] for d in docs])
""",
        ),
        flask(
            "from pymongo import MongoClient\ndb = MongoClient()['app']\n",
            """    {V} = request.args.get("{V}")
    docs = db.{T}.find({{"owner": str({V})}})
    return jsonify([d["_id"] for d in docs])
""",
        ),
    ),
    (
        "nosql",
        "r2-mongo-json-filter",
        flask(
            "from pymongo import MongoClient\ndb = MongoClient()['app']\n",
            """    {V} = request.get_json()
    user = db.{T}.find_one({{"username": {V}["username"], "password": {V}["password"]}})
    return jsonify(ok=user is not None)
""",
            "POST",
        ),
        flask(
            "from pymongo import MongoClient\ndb = MongoClient()['app']\n",
            """    {V} = request.get_json()
    user = db.{T}.find_one({{"username": str({V}["username"]), "password": str({V}["password"])}})
    return jsonify(ok=user is not None)
""",
            "POST",
        ),
    ),
    # --- Command --------------------------------------------------------------------------------
    (
        "command",
        "r2-os-popen",
        flask(
            "import os\n",
            """    {V} = request.args.get("host", "")
    output = os.popen(f"nslookup {{{V}}}").read()
    return jsonify(result=output)
""",
        ),
        flask(
            "import subprocess\n",
            """    {V} = request.args.get("host", "")
    output = subprocess.run(["nslookup", {V}], capture_output=True, text=True, timeout=10).stdout
    return jsonify(result=output)
""",
        ),
    ),
    (
        "command",
        "r2-getoutput",
        flask(
            "import subprocess\n",
            """    {V} = request.args["path"]
    usage = subprocess.getoutput("du -sh /srv/{T}/" + {V})
    return jsonify(usage=usage)
""",
        ),
        flask(
            "import subprocess\n",
            """    {V} = request.args["path"]
    usage = subprocess.run(["du", "-sh", "--", "/srv/{T}/" + {V}], capture_output=True, text=True).stdout
    return jsonify(usage=usage)
""",
        ),
    ),
    (
        "command",
        "r2-fastapi-shell-helper",
        FASTAPI
        + """import subprocess


def run_tool(args: str) -> str:
    return subprocess.check_output(f"convert {{args}}", shell=True, text=True)


@app.post("/{R}")
async def {F}({V}: str, width: int = 100):
    return {{"out": run_tool(f"{{{V}}} -resize {{width}} /tmp/out.png")}}
""",
        FASTAPI
        + """import shlex
import subprocess


def run_tool(args: str) -> str:
    return subprocess.check_output(f"convert {{args}}", shell=True, text=True)


@app.post("/{R}")
async def {F}({V}: str, width: int = 100):
    return {{"out": run_tool(f"{{shlex.quote({V})}} -resize {{width}} /tmp/out.png")}}
""",
    ),
    (
        "command",
        "r2-bottle-system",
        """import os
from bottle import route, request


@route("/{R}")
def {F}():
    {V} = request.query.get("branch")
    os.system("git -C /srv/repo checkout " + {V})
    return "ok"
""",
        """import subprocess
from bottle import route, request


@route("/{R}")
def {F}():
    {V} = request.query.get("branch")
    subprocess.run(["git", "-C", "/srv/repo", "checkout", "--", {V}], check=True)
    return "ok"
""",
    ),
    (
        "command",
        "r2-wsgi-ping",
        """import subprocess
from urllib.parse import parse_qs


def application(environ, start_response):
    {V} = parse_qs(environ.get("QUERY_STRING", "")).get("host", [""])[0]
    out = subprocess.check_output("ping -c 1 " + {V}, shell=True)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [out]
""",
        """import subprocess
from urllib.parse import parse_qs


def application(environ, start_response):
    {V} = parse_qs(environ.get("QUERY_STRING", "")).get("host", [""])[0]
    out = subprocess.check_output(["ping", "-c", "1", {V}])
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [out]
""",
    ),
    (
        "command",
        "r2-cli-input",
        """import os


def {F}():
    {V} = input("Directory to archive: ")
    os.system(f"tar czf backup.tgz {{{V}}}")


if __name__ == "__main__":
    {F}()
""",
        """import subprocess


def {F}():
    {V} = input("Directory to archive: ")
    subprocess.run(["tar", "czf", "backup.tgz", "--", {V}], check=True)


if __name__ == "__main__":
    {F}()
""",
    ),
    # --- Path -----------------------------------------------------------------------------------
    (
        "path",
        "r2-tarfile-extractall",
        flask(
            "import tarfile\n",
            """    upload = request.files["archive"]
    with tarfile.open(fileobj=upload.stream, mode="r:gz") as {V}:
        {V}.extractall("/srv/{T}")
    return jsonify(ok=True)
""",
            "POST",
        ),
        flask(
            "import tarfile\n",
            """    upload = request.files["archive"]
    with tarfile.open(fileobj=upload.stream, mode="r:gz") as {V}:
        {V}.extractall("/srv/{T}", filter="data")
    return jsonify(ok=True)
""",
            "POST",
        ),
    ),
    (
        "path",
        "r2-zip-members",
        """import os
import zipfile


def {F}(archive_path, dest="/srv/{T}"):
    with zipfile.ZipFile(archive_path) as zf:
        for {V} in zf.namelist():
            target = os.path.join(dest, {V})
            with open(target, "wb") as out:
                out.write(zf.read({V}))
""",
        """import os
import zipfile


def {F}(archive_path, dest="/srv/{T}"):
    root = os.path.realpath(dest)
    with zipfile.ZipFile(archive_path) as zf:
        for {V} in zf.namelist():
            target = os.path.realpath(os.path.join(root, {V}))
            if not target.startswith(root + os.sep):
                raise ValueError("unsafe member")
            with open(target, "wb") as out:
                out.write(zf.read({V}))
""",
    ),
    (
        "path",
        "r2-send-file-join",
        flask(
            "import os\nUPLOADS = '/srv/{T}'\n",
            """    {V} = request.args.get("file")
    return send_file(os.path.join(UPLOADS, {V}))
""",
        ),
        flask(
            "from flask import send_from_directory\nUPLOADS = '/srv/{T}'\n",
            """    {V} = request.args.get("file")
    return send_from_directory(UPLOADS, {V})
""",
        ),
    ),
    (
        "path",
        "r2-fastapi-fileresponse",
        FASTAPI
        + """from fastapi.responses import FileResponse


@app.get("/{R}/{{{V}}}")
async def {F}({V}: str):
    return FileResponse(f"/srv/{T}/{{{V}}}")
""",
        FASTAPI
        + """import os
from fastapi import HTTPException
from fastapi.responses import FileResponse


@app.get("/{R}/{{{V}}}")
async def {F}({V}: str):
    safe = os.path.basename({V})
    if safe != {V}:
        raise HTTPException(status_code=400)
    return FileResponse(os.path.join("/srv/{T}", safe))
""",
    ),
    (
        "path",
        "r2-read-open",
        flask(
            "",
            """    {V} = request.args["name"]
    with open("/var/reports/" + {V}) as fh:
        return fh.read()
""",
        ),
        flask(
            "import os\nBASE = os.path.realpath('/var/reports')\n",
            """    {V} = request.args["name"]
    path = os.path.realpath(os.path.join(BASE, {V}))
    if os.path.commonpath([BASE, path]) != BASE:
        return "forbidden", 403
    with open(path) as fh:
        return fh.read()
""",
        ),
    ),
    (
        "path",
        "r2-shutil-copy",
        flask(
            "import shutil\n",
            """    {V} = request.form["source"]
    shutil.copy({V}, "/srv/{T}/backup/")
    return jsonify(ok=True)
""",
            "POST",
        ),
        flask(
            "import os\nimport shutil\n",
            """    {V} = os.path.basename(request.form["source"])
    shutil.copy(os.path.join("/srv/{T}/incoming", {V}), "/srv/{T}/backup/")
    return jsonify(ok=True)
""",
            "POST",
        ),
    ),
    (
        "path",
        "r2-aiohttp-file",
        AIOHTTP
        + """

@routes.get("/{R}")
async def {F}(request):
    {V} = request.query["doc"]
    return web.FileResponse("/srv/{T}/" + {V})
""",
        AIOHTTP
        + """from pathlib import Path

ROOT = Path("/srv/{T}").resolve()


@routes.get("/{R}")
async def {F}(request):
    {V} = request.query["doc"]
    target = (ROOT / {V}).resolve()
    if not target.is_relative_to(ROOT):
        raise web.HTTPForbidden()
    return web.FileResponse(target)
""",
    ),
    # --- XSS ------------------------------------------------------------------------------------
    (
        "xss",
        "r2-flask-fstring-html",
        flask(
            "",
            """    {V} = request.args.get("name", "guest")
    return f"<h1>Welcome, {{{V}}}!</h1>"
""",
        ),
        flask(
            "from markupsafe import escape\n",
            """    {V} = request.args.get("name", "guest")
    return f"<h1>Welcome, {{escape({V})}}!</h1>"
""",
        ),
    ),
    (
        "xss",
        "r2-make-response-html",
        flask(
            "",
            """    {V} = request.args.get("q", "")
    html = "<p>No results for " + {V} + "</p>"
    resp = make_response(html)
    resp.headers["Content-Type"] = "text/html"
    return resp
""",
        ),
        flask(
            "import html as htmllib\n",
            """    {V} = request.args.get("q", "")
    html = "<p>No results for " + htmllib.escape({V}) + "</p>"
    resp = make_response(html)
    resp.headers["Content-Type"] = "text/html"
    return resp
""",
        ),
    ),
    (
        "xss",
        "r2-aiohttp-html",
        AIOHTTP
        + """

@routes.get("/{R}")
async def {F}(request):
    {V} = request.query.get("msg", "")
    return web.Response(text=f"<div class='msg'>{{{V}}}</div>", content_type="text/html")
""",
        AIOHTTP
        + """import html


@routes.get("/{R}")
async def {F}(request):
    {V} = request.query.get("msg", "")
    return web.Response(text=f"<div class='msg'>{{html.escape({V})}}</div>", content_type="text/html")
""",
    ),
    (
        "xss",
        "r2-markup-wrap",
        flask(
            "from flask import render_template\nfrom markupsafe import Markup\n",
            """    {V} = request.args.get("bio", "")
    return render_template("profile.html", bio=Markup({V}))
""",
        ),
        flask(
            "from flask import render_template\n",
            """    {V} = request.args.get("bio", "")
    return render_template("profile.html", bio={V})
""",
        ),
    ),
    (
        "xss",
        "r2-fastapi-htmlresponse",
        FASTAPI
        + """from fastapi.responses import HTMLResponse


@app.get("/{R}", response_class=HTMLResponse)
async def {F}({V}: str = ""):
    return HTMLResponse(content="<html><body>Searched: " + {V} + "</body></html>")
""",
        FASTAPI
        + """import html
from fastapi.responses import HTMLResponse


@app.get("/{R}", response_class=HTMLResponse)
async def {F}({V}: str = ""):
    return HTMLResponse(content="<html><body>Searched: " + html.escape({V}) + "</body></html>")
""",
    ),
    # --- Redirect -------------------------------------------------------------------------------
    (
        "redirect",
        "r2-next-param",
        flask(
            "",
            """    {V} = request.args["next"]
    session["user"] = request.form.get("user")
    return redirect({V})
""",
            "POST",
        ),
        flask(
            "from urllib.parse import urlparse\n",
            """    {V} = request.args.get("next", "/")
    parsed = urlparse({V})
    if parsed.netloc or parsed.scheme:
        {V} = "/"
    return redirect({V})
""",
            "POST",
        ),
    ),
    (
        "redirect",
        "r2-fastapi-redirect",
        FASTAPI
        + """from fastapi.responses import RedirectResponse


@app.get("/{R}")
async def {F}(return_to: str = "/"):
    return RedirectResponse(url=return_to)
""",
        FASTAPI
        + """from fastapi.responses import RedirectResponse


@app.get("/{R}")
async def {F}(return_to: str = "/"):
    if not return_to.startswith("/") or return_to.startswith("//"):
        return_to = "/"
    return RedirectResponse(url=return_to)
""",
    ),
    # --- SSRF -----------------------------------------------------------------------------------
    (
        "ssrf",
        "r2-requests-preview",
        flask(
            "import requests\n",
            """    {V} = request.args.get("url")
    page = requests.get({V}, timeout=5)
    return jsonify(status=page.status_code, length=len(page.content))
""",
        ),
        flask(
            "import requests\nfrom urllib.parse import urlparse\nALLOWED = {{'api.example.com', 'cdn.example.com'}}\n",
            """    {V} = request.args.get("url")
    if urlparse({V}).hostname not in ALLOWED:
        return jsonify(error="host not allowed"), 400
    page = requests.get({V}, timeout=5)
    return jsonify(status=page.status_code, length=len(page.content))
""",
        ),
    ),
    (
        "ssrf",
        "r2-httpx-async",
        FASTAPI
        + """import httpx


@app.get("/{R}")
async def {F}({V}: str):
    async with httpx.AsyncClient() as client:
        r = await client.get({V})
    return {{"body": r.text[:200]}}
""",
        FASTAPI
        + """import httpx

BASE = "https://api.example.com/{T}/"


@app.get("/{R}")
async def {F}({V}: int):
    async with httpx.AsyncClient() as client:
        r = await client.get(BASE + str({V}))
    return {{"body": r.text[:200]}}
""",
    ),
    (
        "ssrf",
        "r2-urlopen-webhook",
        flask(
            "import urllib.request\n",
            """    {V} = request.json["callback"]
    with urllib.request.urlopen({V}) as resp:
        return jsonify(code=resp.status)
""",
            "POST",
        ),
        flask(
            "import urllib.request\nHOOKS = {{'slack': 'https://hooks.example.com/slack'}}\n",
            """    {V} = HOOKS.get(request.json["callback"])
    if {V} is None:
        return jsonify(error="unknown hook"), 400
    with urllib.request.urlopen({V}) as resp:
        return jsonify(code=resp.status)
""",
            "POST",
        ),
    ),
    # --- Code -----------------------------------------------------------------------------------
    (
        "code",
        "r2-eval-input",
        """def {F}():
    {V} = input("Enter an expression: ")
    print("Result:", eval({V}))


if __name__ == "__main__":
    {F}()
""",
        """import ast


def {F}():
    {V} = input("Enter a number list: ")
    print("Result:", sum(ast.literal_eval({V})))


if __name__ == "__main__":
    {F}()
""",
    ),
    (
        "code",
        "r2-exec-form",
        flask(
            "",
            """    {V} = request.form["script"]
    scope = {{}}
    exec({V}, scope)
    return jsonify(result=str(scope.get("result")))
""",
            "POST",
        ),
        flask(
            "import json\n",
            """    {V} = request.form["script"]
    scope = json.loads({V})
    return jsonify(result=str(scope.get("result")))
""",
            "POST",
        ),
    ),
    (
        "code",
        "r2-calc-endpoint",
        FASTAPI
        + """

def calculate(expr: str) -> float:
    return eval(expr, {{"__builtins__": {{}}}})


@app.get("/{R}")
def {F}({V}: str):
    return {{"value": calculate({V})}}
""",
        FASTAPI
        + """import operator

OPS = {{"+": operator.add, "-": operator.sub, "*": operator.mul}}


def calculate(a: float, op: str, b: float) -> float:
    return OPS[op](a, b)


@app.get("/{R}")
def {F}(a: float, op: str, b: float):
    return {{"value": calculate(a, op, b)}}
""",
    ),
    # --- Deserialization ------------------------------------------------------------------------
    (
        "deserialization",
        "r2-pickle-cookie",
        flask(
            "import base64\nimport pickle\n",
            """    {V} = request.cookies.get("prefs")
    prefs = pickle.loads(base64.b64decode({V}))
    return jsonify(prefs)
""",
        ),
        flask(
            "import base64\nimport json\n",
            """    {V} = request.cookies.get("prefs")
    prefs = json.loads(base64.b64decode({V}))
    return jsonify(prefs)
""",
        ),
    ),
    (
        "deserialization",
        "r2-marshal-body",
        flask(
            "import marshal\n",
            """    {V} = marshal.loads(request.get_data())
    return jsonify(count=len({V}))
""",
            "POST",
        ),
        flask(
            "import json\n",
            """    {V} = json.loads(request.get_data())
    return jsonify(count=len({V}))
""",
            "POST",
        ),
    ),
    (
        "deserialization",
        "r2-jsonpickle",
        flask(
            "import jsonpickle\n",
            """    {V} = jsonpickle.decode(request.data)
    return jsonify(name=getattr({V}, "name", None))
""",
            "POST",
        ),
        flask(
            "import json\n",
            """    {V} = json.loads(request.data)
    return jsonify(name={V}.get("name"))
""",
            "POST",
        ),
    ),
    (
        "deserialization",
        "r2-yaml-loader",
        flask(
            "import yaml\n",
            """    {V} = request.files["config"].read()
    config = yaml.load({V}, Loader=yaml.Loader)
    return jsonify(keys=list(config))
""",
            "POST",
        ),
        flask(
            "import yaml\n",
            """    {V} = request.files["config"].read()
    config = yaml.safe_load({V})
    return jsonify(keys=list(config))
""",
            "POST",
        ),
    ),
    (
        "deserialization",
        "r2-shelve-pickle-socket",
        """import pickle
import socket


def {F}(port=9000):
    server = socket.create_server(("127.0.0.1", port))
    conn, _ = server.accept()
    {V} = conn.recv(65536)
    message = pickle.loads({V})
    print(message)
""",
        """import json
import socket


def {F}(port=9000):
    server = socket.create_server(("127.0.0.1", port))
    conn, _ = server.accept()
    {V} = conn.recv(65536)
    message = json.loads({V})
    print(message)
""",
    ),
    # --- Template -------------------------------------------------------------------------------
    (
        "template",
        "r2-render-string-fstring",
        flask(
            "from flask import render_template_string\n",
            """    {V} = request.args.get("name", "")
    return render_template_string(f"<p>Hello {{{V}}}</p>")
""",
        ),
        flask(
            "from flask import render_template_string\n",
            """    {V} = request.args.get("name", "")
    return render_template_string("<p>Hello {{{{ who }}}}</p>", who={V})
""",
        ),
    ),
    (
        "template",
        "r2-jinja-template-user",
        flask(
            "from jinja2 import Template\n",
            """    {V} = request.form["template"]
    return Template({V}).render(user="guest")
""",
            "POST",
        ),
        flask(
            "from jinja2 import Template\n",
            """    {V} = request.form["greeting"]
    return Template("<p>{{{{ greeting }}}}</p>", autoescape=True).render(greeting={V})
""",
            "POST",
        ),
    ),
    # --- XXE ------------------------------------------------------------------------------------
    (
        "xxe",
        "r2-lxml-fromstring",
        flask(
            "from lxml import etree\n",
            """    {V} = request.data
    parser = etree.XMLParser(resolve_entities=True)
    root = etree.fromstring({V}, parser)
    return jsonify(tag=root.tag)
""",
            "POST",
        ),
        flask(
            "from lxml import etree\n",
            """    {V} = request.data
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring({V}, parser)
    return jsonify(tag=root.tag)
""",
            "POST",
        ),
    ),
    (
        "xxe",
        "r2-minidom",
        flask(
            "from xml.dom import minidom\n",
            """    {V} = minidom.parseString(request.get_data())
    names = [n.firstChild.data for n in {V}.getElementsByTagName("name")]
    return jsonify(names=names)
""",
            "POST",
        ),
        flask(
            "from defusedxml import minidom\n",
            """    {V} = minidom.parseString(request.get_data())
    names = [n.firstChild.data for n in {V}.getElementsByTagName("name")]
    return jsonify(names=names)
""",
            "POST",
        ),
    ),
    (
        "xxe",
        "r2-sax-external",
        """import xml.sax
from xml.sax.handler import feature_external_ges


class {F}Handler(xml.sax.ContentHandler):
    def startElement(self, name, attrs):
        print(name)


def {F}(stream):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler({F}Handler())
    parser.parse(stream)
""",
        """import xml.sax
from xml.sax.handler import feature_external_ges


class {F}Handler(xml.sax.ContentHandler):
    def startElement(self, name, attrs):
        print(name)


def {F}(stream):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler({F}Handler())
    parser.parse(stream)
""",
    ),
    # --- LDAP / XPath ---------------------------------------------------------------------------
    (
        "ldap",
        "r2-ldap3-filter",
        flask(
            "from ldap3 import Server, Connection\n",
            """    {V} = request.args["user"]
    conn = Connection(Server("ldap://localhost"), auto_bind=True)
    conn.search("ou=people,dc=example,dc=com", f"(&(objectClass=person)(uid={{{V}}}))", attributes=["cn"])
    return jsonify([str(e.cn) for e in conn.entries])
""",
        ),
        flask(
            "from ldap3 import Server, Connection\nfrom ldap3.utils.conv import escape_filter_chars\n",
            """    {V} = escape_filter_chars(request.args["user"])
    conn = Connection(Server("ldap://localhost"), auto_bind=True)
    conn.search("ou=people,dc=example,dc=com", f"(&(objectClass=person)(uid={{{V}}}))", attributes=["cn"])
    return jsonify([str(e.cn) for e in conn.entries])
""",
        ),
    ),
    (
        "xpath",
        "r2-lxml-xpath",
        flask(
            "from lxml import etree\nTREE = etree.parse('{T}.xml')\n",
            """    {V} = request.args["name"]
    hits = TREE.xpath(f"//{T}[name='{{{V}}}']/price/text()")
    return jsonify(hits)
""",
        ),
        flask(
            "from lxml import etree\nTREE = etree.parse('{T}.xml')\n",
            """    {V} = request.args["name"]
    hits = TREE.xpath("//{T}[name=$n]/price/text()", n={V})
    return jsonify(hits)
""",
        ),
    ),
    # --- Weak hash / randomness -----------------------------------------------------------------
    (
        "weak-hash",
        "r2-sha1-password",
        """import hashlib
import sqlite3


def {F}_register(username, password):
    {V} = hashlib.sha1(password.encode()).hexdigest()
    conn = sqlite3.connect("app.db")
    conn.execute("INSERT INTO {T} (username, password_hash) VALUES (?, ?)", (username, {V}))
    conn.commit()
""",
        """import hashlib
import os
import sqlite3


def {F}_register(username, password):
    salt = os.urandom(16)
    {V} = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000).hex()
    conn = sqlite3.connect("app.db")
    conn.execute("INSERT INTO {T} (username, salt, password_hash) VALUES (?, ?, ?)", (username, salt.hex(), {V}))
    conn.commit()
""",
    ),
    (
        "weak-hash",
        "r2-md5-class",
        """import hashlib


class {F}Service:
    def __init__(self, store):
        self.store = store

    def hash_password(self, {V}: str) -> str:
        return hashlib.md5({V}.encode("utf-8")).hexdigest()

    def check(self, user, {V}):
        return self.store[user] == self.hash_password({V})
""",
        """import hashlib
import hmac
import os


class {F}Service:
    def __init__(self, store):
        self.store = store

    def hash_password(self, {V}: str, salt: bytes) -> bytes:
        return hashlib.scrypt({V}.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)

    def check(self, user, {V}):
        salt, digest = self.store[user]
        return hmac.compare_digest(digest, self.hash_password({V}, salt))
""",
    ),
    (
        "weak-hash",
        "r2-hashlib-new-md5",
        '''import hashlib


def {F}_digest({V}: str) -> str:
    """Hash the user's password before saving it."""
    h = hashlib.new("md5")
    h.update({V}.encode())
    return h.hexdigest()
''',
        '''import hashlib
import os


def {F}_digest({V}: str) -> str:
    """Hash the user's password before saving it."""
    salt = os.urandom(16)
    return salt.hex() + hashlib.pbkdf2_hmac("sha256", {V}.encode(), salt, 600_000).hex()
''',
    ),
    (
        "weak-random",
        "r2-random-choice-token",
        """import random
import string


def {F}_reset_token(length=32):
    alphabet = string.ascii_letters + string.digits
    {V} = "".join(random.choice(alphabet) for _ in range(length))
    return {V}
""",
        """import secrets
import string


def {F}_reset_token(length=32):
    alphabet = string.ascii_letters + string.digits
    {V} = "".join(secrets.choice(alphabet) for _ in range(length))
    return {V}
""",
    ),
    (
        "weak-random",
        "r2-randint-session-cookie",
        flask(
            "import random\n",
            """    {V} = str(random.randint(100000, 999999))
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("session_id", {V}, secure=True, httponly=True)
    return resp
""",
            "POST",
        ),
        flask(
            "import secrets\n",
            """    {V} = secrets.token_urlsafe(32)
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("session_id", {V}, secure=True, httponly=True)
    return resp
""",
            "POST",
        ),
    ),
    (
        "weak-random",
        "r2-otp-code",
        """import random


def {F}_send_otp(user, sms):
    {V} = "%06d" % random.randrange(1000000)
    user.otp = {V}
    sms.send(user.phone, f"Your verification code is {{{V}}}")
""",
        """import secrets


def {F}_send_otp(user, sms):
    {V} = "%06d" % secrets.randbelow(1000000)
    user.otp = {V}
    sms.send(user.phone, f"Your verification code is {{{V}}}")
""",
    ),
    # --- Cookie / session -----------------------------------------------------------------------
    (
        "cookie",
        "r2-set-cookie-plain",
        flask(
            "import secrets\n",
            """    {V} = secrets.token_hex(16)
    resp = make_response(redirect("/"))
    resp.set_cookie("auth_token", {V})
    return resp
""",
            "POST",
        ),
        flask(
            "import secrets\n",
            """    {V} = secrets.token_hex(16)
    resp = make_response(redirect("/"))
    resp.set_cookie("auth_token", {V}, secure=True, httponly=True, samesite="Lax")
    return resp
""",
            "POST",
        ),
    ),
    (
        "session",
        "r2-session-role",
        flask(
            "",
            """    {V} = request.form.get("role")
    session["role"] = {V}
    return jsonify(ok=True)
""",
            "POST",
        ),
        flask(
            "ROLES = {{'viewer', 'editor'}}\n",
            """    {V} = request.form.get("role")
    session["role"] = {V} if {V} in ROLES else "viewer"
    return jsonify(ok=True)
""",
            "POST",
        ),
    ),
    # --- Log / header / regex -------------------------------------------------------------------
    (
        "log",
        "r2-logger-fstring",
        flask(
            "import logging\nlogger = logging.getLogger(__name__)\n",
            """    {V} = request.form["username"]
    logger.warning(f"Failed login for user {{{V}}}")
    return jsonify(ok=False), 401
""",
            "POST",
        ),
        flask(
            "import logging\nlogger = logging.getLogger(__name__)\n",
            """    {V} = request.form["username"].replace("\\r", "").replace("\\n", "")
    logger.warning(f"Failed login for user {{{V}}}")
    return jsonify(ok=False), 401
""",
            "POST",
        ),
    ),
    (
        "log",
        "r2-app-logger-percent",
        flask(
            "",
            """    {V} = request.args.get("q", "")
    app.logger.info("search query: %s" % {V})
    return jsonify(results=[])
""",
        ),
        flask(
            "",
            """    {V} = request.args.get("q", "")
    app.logger.info("search query: %r", {V})
    return jsonify(results=[])
""",
        ),
    ),
    (
        "header",
        "r2-header-filename",
        flask(
            "",
            """    {V} = request.args.get("filename", "report.csv")
    resp = make_response("a,b\\n1,2\\n")
    resp.headers["Content-Disposition"] = "attachment; filename=" + {V}
    return resp
""",
        ),
        flask(
            "import re\n",
            """    {V} = re.sub(r"[^A-Za-z0-9._-]", "_", request.args.get("filename", "report.csv"))
    resp = make_response("a,b\\n1,2\\n")
    resp.headers["Content-Disposition"] = "attachment; filename=" + {V}
    return resp
""",
        ),
    ),
    (
        "regex",
        "r2-re-compile-user",
        flask(
            "import re\nWORDS = open('/usr/share/dict/words').read().split()\n",
            """    {V} = request.args.get("pattern", "")
    rx = re.compile({V})
    return jsonify([w for w in WORDS if rx.search(w)][:50])
""",
        ),
        flask(
            "import re\nWORDS = open('/usr/share/dict/words').read().split()\n",
            """    {V} = request.args.get("pattern", "")
    rx = re.compile(re.escape({V}))
    return jsonify([w for w in WORDS if rx.search(w)][:50])
""",
        ),
    ),
    (
        "regex",
        "r2-re-search-helper",
        FASTAPI
        + """import re


def matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


@app.get("/{R}")
def {F}({V}: str, text: str):
    return {{"match": matches({V}, text)}}
""",
        FASTAPI
        + """import re


def matches(pattern: str, text: str) -> bool:
    return re.search(re.escape(pattern), text) is not None


@app.get("/{R}")
def {F}({V}: str, text: str):
    return {{"match": matches({V}, text)}}
""",
    ),
    # --- Files ----------------------------------------------------------------------------------
    (
        "temp-file",
        "r2-mktemp",
        """import tempfile


def {F}_export(rows):
    {V} = tempfile.mktemp(suffix=".csv")
    with open({V}, "w") as fh:
        for row in rows:
            fh.write(",".join(map(str, row)) + "\\n")
    return {V}
""",
        """import tempfile


def {F}_export(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
        for row in rows:
            fh.write(",".join(map(str, row)) + "\\n")
        {V} = fh.name
    return {V}
""",
    ),
    (
        "file-mode",
        "r2-chmod-777",
        """import os


def {F}_save(data: bytes, {V}: str = "/srv/{T}/output.bin"):
    with open({V}, "wb") as fh:
        fh.write(data)
    os.chmod({V}, 0o777)
""",
        """import os


def {F}_save(data: bytes, {V}: str = "/srv/{T}/output.bin"):
    with open({V}, "wb") as fh:
        fh.write(data)
    os.chmod({V}, 0o600)
""",
    ),
    (
        "file-mode",
        "r2-makedirs-777",
        """import os


def {F}_prepare({V}="/var/lib/{T}"):
    os.makedirs({V}, mode=0o777, exist_ok=True)
    fd = os.open(os.path.join({V}, "state.json"), os.O_CREAT | os.O_WRONLY, 0o666)
    os.close(fd)
""",
        """import os


def {F}_prepare({V}="/var/lib/{T}"):
    os.makedirs({V}, mode=0o700, exist_ok=True)
    fd = os.open(os.path.join({V}, "state.json"), os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
""",
    ),
    (
        "upload",
        "r2-save-filename",
        flask(
            "import os\nUPLOAD_DIR = '/srv/{T}/uploads'\n",
            """    {V} = request.files["file"]
    {V}.save(os.path.join(UPLOAD_DIR, {V}.filename))
    return jsonify(saved={V}.filename)
""",
            "POST",
        ),
        flask(
            "import os\nfrom werkzeug.utils import secure_filename\nUPLOAD_DIR = '/srv/{T}/uploads'\nALLOWED = {{'png', 'jpg', 'pdf'}}\n",
            """    {V} = request.files["file"]
    name = secure_filename({V}.filename)
    if "." not in name or name.rsplit(".", 1)[1].lower() not in ALLOWED:
        return jsonify(error="type not allowed"), 400
    {V}.save(os.path.join(UPLOAD_DIR, name))
    return jsonify(saved=name)
""",
            "POST",
        ),
    ),
    (
        "error-disclosure",
        "r2-traceback-response",
        flask(
            "import traceback\n",
            """    try:
        {V} = int(request.args["id"])
        return jsonify(item=1 / {V})
    except Exception:
        return traceback.format_exc(), 500
""",
        ),
        flask(
            "import logging\n",
            """    try:
        {V} = int(request.args["id"])
        return jsonify(item=1 / {V})
    except Exception:
        logging.exception("lookup failed")
        return jsonify(error="internal error"), 500
""",
        ),
    ),
    (
        "error-disclosure",
        "r2-str-exception-json",
        flask(
            "import sqlite3\n",
            """    try:
        {V} = sqlite3.connect("app.db").execute("SELECT count(*) FROM {T}").fetchone()
        return jsonify(count={V}[0])
    except Exception as e:
        return jsonify(error=str(e)), 500
""",
        ),
        flask(
            "import sqlite3\n",
            """    try:
        {V} = sqlite3.connect("app.db").execute("SELECT count(*) FROM {T}").fetchone()
        return jsonify(count={V}[0])
    except Exception:
        app.logger.exception("count failed")
        return jsonify(error="internal error"), 500
""",
        ),
    ),
    # --- Transport ------------------------------------------------------------------------------
    (
        "cleartext",
        "r2-http-login",
        """import requests


def {F}_login(username, {V}):
    resp = requests.post("http://auth.example.com/api/login", data={{"username": username, "password": {V}}})
    resp.raise_for_status()
    return resp.json()["token"]
""",
        """import requests


def {F}_login(username, {V}):
    resp = requests.post("https://auth.example.com/api/login", data={{"username": username, "password": {V}}})
    resp.raise_for_status()
    return resp.json()["token"]
""",
    ),
    (
        "cleartext",
        "r2-ftp-login",
        """from ftplib import FTP


def {F}_upload(path, user, {V}):
    ftp = FTP("files.example.com")
    ftp.login(user, {V})
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
    ftp.quit()
""",
        """from ftplib import FTP_TLS


def {F}_upload(path, user, {V}):
    ftp = FTP_TLS("files.example.com")
    ftp.login(user, {V})
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
    ftp.quit()
""",
    ),
    (
        "tls",
        "r2-verify-false",
        """import requests


def {F}_fetch({V}):
    resp = requests.get(f"https://internal.example.com/{T}/{{{V}}}", verify=False, timeout=10)
    return resp.json()
""",
        """import requests


def {F}_fetch({V}):
    resp = requests.get(f"https://internal.example.com/{T}/{{{V}}}", verify="/etc/ssl/internal-ca.pem", timeout=10)
    return resp.json()
""",
    ),
    (
        "tls",
        "r2-unverified-context",
        """import ssl
import urllib.request


def {F}_download({V}):
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen("https://mirror.example.com/{T}/" + {V}, context=ctx) as resp:
        return resp.read()
""",
        """import ssl
import urllib.request


def {F}_download({V}):
    ctx = ssl.create_default_context()
    with urllib.request.urlopen("https://mirror.example.com/{T}/" + {V}, context=ctx) as resp:
        return resp.read()
""",
    ),
    (
        "jwt",
        "r2-jwt-no-verify",
        flask(
            "import jwt\n",
            """    {V} = request.headers.get("Authorization", "").removeprefix("Bearer ")
    claims = jwt.decode({V}, options={{"verify_signature": False}})
    return jsonify(user=claims.get("sub"))
""",
        ),
        flask(
            "import jwt\nimport os\nSECRET = os.environ['JWT_SECRET']\n",
            """    {V} = request.headers.get("Authorization", "").removeprefix("Bearer ")
    claims = jwt.decode({V}, SECRET, algorithms=["HS256"])
    return jsonify(user=claims.get("sub"))
""",
        ),
    ),
    (
        "jwt",
        "r2-jwt-alg-none",
        """import jwt


def {F}_claims({V}: str, key: str) -> dict:
    return jwt.decode({V}, key, algorithms=["HS256", "none"])
""",
        """import jwt


def {F}_claims({V}: str, key: str) -> dict:
    return jwt.decode({V}, key, algorithms=["HS256"])
""",
    ),
]
