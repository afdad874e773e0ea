"""Data followed from a changed handler into a helper of another file the change does not hold (as the
context gives the unchanged files it imports): JavaScript, TypeScript, Java and Go."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.code.code_sql_string_building import CodeSqlStringBuilding
from analyzers.flow.hit import Hit
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories
from tests.analyzers.flow.helpers import hits_of, untrusted

EXPRESS = """const express = require('express');
const db = require('../lib/db');
const app = express();
app.get('/users', (req, res) => {
  db.find(req.query.name);
  res.send('ok');
});
"""
JS_HELPER = """const mysql = require('mysql');
const conn = mysql.createConnection({});
function find(name) {
  conn.query(%s);
}
module.exports = { find };
"""
JS_UNSAFE = '"SELECT * FROM users WHERE name = \'" + name + "\'"'
JS_SAFE = '"SELECT * FROM users WHERE name = ?", [name]'

INDEX = """import express from 'express';
import { find } from './db';
const app = express();
app.get('/users', (req, res) => {
  find(req.query.name);
  res.send('ok');
});
"""
TS_HELPER = """import mysql from 'mysql';
const conn = mysql.createConnection({});
export function find(name: string): void {
  conn.query(%s);
}
"""

SERVLET = """package com.acme.web;

import com.acme.db.Query;
import javax.servlet.http.*;

public class Users extends HttpServlet {
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
    String name = req.getParameter("name");
    Query.find(name);
  }
}
"""
JAVA_HELPER = """package com.acme.db;

import java.sql.*;

public class Query {
  public static void find(String name) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:h2:mem:");
    %s
  }
}
"""
JAVA_UNSAFE = 'c.createStatement().executeQuery("SELECT * FROM users WHERE name = \'" + name + "\'");'
JAVA_SAFE = """PreparedStatement st = c.prepareStatement("SELECT * FROM users WHERE name = ?");
    st.setString(1, name);
    st.executeQuery();"""

GO_HANDLER = """package web

import (
	"net/http"

	"github.com/acme/app/internal/db"
)

func Users(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	db.Find(name)
}
"""
GO_HELPER = """package db

import "database/sql"

var conn *sql.DB

func Find(name string) {
	conn.Query(%s)
}
"""
GO_UNSAFE = '"SELECT * FROM users WHERE name = \'" + name + "\'"'
GO_SAFE = '"SELECT * FROM users WHERE name = ?", name'

CASES = {
    "javascript": ("javascript", "src/routes/users.js", EXPRESS, "src/lib/db.js", JS_HELPER, JS_UNSAFE, JS_SAFE),
    "typescript index": ("typescript", "src/routes/index.ts", INDEX, "src/routes/db.ts", TS_HELPER, JS_UNSAFE,
                         JS_SAFE),
    "java": ("java", "src/main/java/com/acme/web/Users.java", SERVLET, "src/main/java/com/acme/db/Query.java",
             JAVA_HELPER, JAVA_UNSAFE, JAVA_SAFE),
    "go": ("go", "internal/web/users.go", GO_HANDLER, "internal/db/find.go", GO_HELPER, GO_UNSAFE, GO_SAFE),
}  # fmt: skip


def _hits(case: str, sink: int) -> list[Hit]:
    language, handler, handler_text, helper, helper_text, *sinks = CASES[case]
    files = {handler: handler_text, helper: helper_text % sinks[sink]}
    return [hit for hit in hits_of(files, language=language, entries={handler}) if untrusted(hit)]


@pytest.mark.parametrize("case", sorted(CASES))
def test_request_data_reaching_a_query_in_an_unchanged_helper_names_the_helper(case: str) -> None:
    _, handler, _, helper, *_ = CASES[case]
    [hit] = _hits(case, 0)
    assert (hit.path, hit.kind) == (helper, "sql")
    [fact] = [fact for fact in hit.facts if fact.kind == "http"]
    paths = [step.path for step in hit.trace(fact)]
    assert paths[0] == handler
    assert paths[-1] == helper


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_helper_that_binds_the_value_as_a_parameter_is_clean(case: str) -> None:
    assert _hits(case, 1) == []


def test_data_returned_through_an_unchanged_helper_names_its_file() -> None:
    handler = """const express = require('express');
const { build } = require('./sql');
const mysql = require('mysql');
const conn = mysql.createConnection({});
const app = express();
app.get('/users', (req, res) => {
  conn.query(build(req.query.name));
});
"""
    helper = 'function build(name) {\n  return "SELECT * FROM users WHERE name = \'" + name + "\'";\n}\n'
    helper += "module.exports = { build };\n"
    files = {"app/users.js": handler, "app/sql.js": helper}
    [hit] = [h for h in hits_of(files, language="javascript", entries={"app/users.js"}) if untrusted(h)]
    assert (hit.path, hit.line) == ("app/users.js", 7)
    [fact] = [fact for fact in hit.facts if fact.kind == "http"]
    notes = [step.note for step in hit.trace(fact)]
    assert "returned from `build` in app/sql.js" in notes


def test_a_go_import_of_another_module_is_not_taken_for_a_folder_of_the_program() -> None:
    handler = GO_HANDLER.replace("github.com/acme/app/internal/db", "github.com/other/lib/storage")
    files = {"internal/web/users.go": handler, "internal/db/find.go": GO_HELPER % GO_UNSAFE}
    hits = hits_of(files, language="go", entries={"internal/web/users.go"})
    assert [hit for hit in hits if hit.path == "internal/db/find.go"] == []


def test_a_finding_names_the_unchanged_helper_it_went_through(tmp_path: Path) -> None:
    for side in ("base", "head"):
        (tmp_path / side / "app").mkdir(parents=True)
        helper = 'function build(name) {\n  return "SELECT * FROM users WHERE name = \'" + name + "\'";\n}\n'
        (tmp_path / side / "app" / "sql.js").write_text(helper + "module.exports = { build };\n")
    handler = """const express = require('express');
const { build } = require('./sql');
const mysql = require('mysql');
const conn = mysql.createConnection({});
const app = express();
app.get('/users', (req, res) => {
  conn.query(build(req.query.name));
});
"""
    (tmp_path / "head" / "app" / "users.js").write_text(handler)
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    [finding] = run_analyzers(ctx, [CodeSqlStringBuilding]).findings
    assert (finding.path, finding.start_line) == ("app/users.js", 7)
    assert finding.message.endswith("through `build` in `app/sql.js`")
    assert "app/sql.js" in {step.path for step in finding.trace} | {
        step.note.rsplit(" ", 1)[-1] for step in finding.trace
    }


def test_a_go_method_is_found_in_any_file_of_the_imported_package() -> None:
    handler = GO_HANDLER.replace("db.Find(name)", "s := &db.Store{}\n\ts.Find(name)")
    store = GO_HELPER.replace("func Find(", "type Store struct{}\n\nfunc (s *Store) Find(") % GO_UNSAFE
    files = {
        "internal/web/users.go": handler,
        "internal/db/a.go": "package db\n",
        "internal/db/store.go": store,
    }
    [hit] = [h for h in hits_of(files, language="go", entries={"internal/web/users.go"}) if untrusted(h)]
    assert (hit.path, hit.kind) == ("internal/db/store.go", "sql")
