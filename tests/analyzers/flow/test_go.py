"""The Go lowering: functions and methods, a value and an error, loops and switches, closures."""

from __future__ import annotations

import re

from tests.analyzers.flow.helpers import hits_of, untrusted

PROGRAM = """
package main

import (
	"database/sql"
	"fmt"
	"net/http"
	"os/exec"
)

type Server struct {
	db *sql.DB
}

func buildQuery(name string) (string, error) {
	if name == "" {
		return "", fmt.Errorf("empty")
	}
	return "SELECT * FROM users WHERE name = '" + name + "'", nil
}

func (s *Server) run(q string) {
	s.db.Exec(q) // expect: sql
}

func (s *Server) Users(w http.ResponseWriter, r *http.Request) {
	q, err := buildQuery(r.FormValue("name"))
	if err != nil {
		return
	}
	s.run(q)
	for _, host := range r.URL.Query()["host"] {
		exec.Command("sh", "-c", "ping -c 1 "+host).Run() // expect: command
	}
	switch mode := r.FormValue("mode"); mode {
	case "a":
		exec.Command(mode).Run() // safe: equals constant
	default:
		exec.Command(mode).Run() // expect: command
	}
	run := func(cmd string) { exec.Command("bash", "-c", cmd).Run() } // expect: command
	run(r.FormValue("c"))
}
"""

RESULTS = """
package main

import (
	"net/http"
	"os"
	"path/filepath"
)

func h(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("upload")
	_ = file
	_ = err
	os.Create(filepath.Join("/srv", header.Filename)) // expect: path
	a, b := r.FormValue("a"), "x"
	os.Create(a + b) // expect: path
}

func h2(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("upload")
	if err != nil {
		return
	}
	_ = file
	os.Create(filepath.Join("/srv", header.Filename)) // expect: path
}

func h3(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile("/etc/app.conf")
	if err != nil {
		os.Remove(r.FormValue("p")) // expect: path
		return
	}
	w.Write(data)
}
"""


def _expected(program: str) -> set[tuple[int, str]]:
    return {
        (number, match.group(1))
        for number, line in enumerate(program.splitlines(), 1)
        for match in [re.search(r"//\s*expect:\s*([\w-]+)", line)]
        if match is not None
    }


def test_each_result_of_a_call_holds_its_data_and_checking_the_error_clears_nothing() -> None:
    found = {(hit.line, hit.kind) for hit in hits_of({"upload.go": RESULTS}, language="go") if untrusted(hit)}
    assert found == _expected(RESULTS)


def test_data_is_followed_through_helpers_methods_loops_and_closures() -> None:
    found = {(hit.line, hit.kind) for hit in hits_of({"server.go": PROGRAM}, language="go") if untrusted(hit)}
    assert found == _expected(PROGRAM)


def test_a_query_through_a_helper_names_the_source_and_the_helper() -> None:
    hits = [hit for hit in hits_of({"server.go": PROGRAM}, language="go") if hit.kind == "sql"]
    assert len(hits) == 1
    notes = " ".join(step.note for fact in hits[0].facts for step in fact.steps)
    assert "FormValue" in notes or "name" in notes


def test_a_deeply_nested_go_function_is_bounded_not_fatal() -> None:
    depth = 400
    body = 'x := r.FormValue("a")\n' + 'if x != "" {\n' * depth + "exec.Command(x).Run()\n" + "}\n" * depth
    source = f'package main\nimport (\n"net/http"\n"os/exec"\n)\nfunc h(w http.ResponseWriter, r *http.Request) {{\n{body}}}\n'
    hits = hits_of({"deep.go": source}, language="go")
    assert all(hit.kind == "command" for hit in hits)


FIND = """package store

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func Find(w http.ResponseWriter, r *http.Request) {
	db.Query(buildQuery(r.FormValue("name")))
}
"""
BUILD = """package store

func buildQuery(name string) string {
	return "SELECT * FROM users WHERE name = '" + name + "'"
}
"""
CONSTANT = """package other

func buildQuery(name string) string {
	return "SELECT 1"
}
"""


def test_a_function_of_another_file_of_the_package_is_followed() -> None:
    files = {"store/find.go": FIND, "store/query.go": BUILD, "other/query.go": CONSTANT}
    [hit] = hits_of(files, language="go")
    assert (hit.path, hit.line, hit.kind) == ("store/find.go", 11, "sql")
    assert {fact.kind for fact in hit.facts} == {"http"}


def test_a_function_of_another_package_is_not_taken_for_the_packages_own() -> None:
    files = {"store/find.go": FIND, "other/query.go": CONSTANT}
    [hit] = hits_of(files, language="go")  # an unknown call: its result holds its arguments' data
    notes = {step.note for fact in hit.facts for step in fact.steps}
    assert "returned from `buildQuery`" not in notes


REDIRECT = """package main

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if %s {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound)
}
"""


def test_a_value_that_is_one_of_several_constants_on_the_way_out_is_safe() -> None:
    safe = REDIRECT % 'next != "/users" && next != "/account"'
    assert hits_of({"login.go": safe}, language="go") == []


GUARDED = """package main

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if %s {
		http.Redirect(w, r, next, http.StatusFound)
	}
}
"""


def test_either_way_of_a_test_must_check_the_same_data_to_make_it_safe() -> None:
    assert hits_of({"login.go": GUARDED % 'next == "/users" || next == "/account"'}, language="go") == []
    for test in ('next == "/users" || r.Method == "GET"', 'next == "/users" || len(next) > 3'):
        [hit] = hits_of({"login.go": GUARDED % test}, language="go")
        assert (hit.kind, hit.line) == ("redirect", 8)
