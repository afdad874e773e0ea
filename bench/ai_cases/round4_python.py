"""Fourth round of Python scenarios of the AI-style suite (names `r4-...`): the shapes of the known misses
and false alarms of the third round, written as new endpoints. Same format as `round3_python.py`."""

from __future__ import annotations

from bench.ai_cases.round3_python import _py, fastapi, flask

_RAW: list[tuple[str, str, str, str]] = [
    (
        "path",
        "r4-flask-report-download-guard-or",
        flask(
            "import os\nfrom flask import send_file\nREPORTS = '/srv/reports'\n",
            """    __V__ = request.args.get("name", "")
    path = os.path.join(REPORTS, __V__)
    if not __V__ or not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)
""",
        ),
        flask(
            "from pathlib import Path\nfrom flask import send_file\nREPORTS = Path('/srv/reports').resolve()\n",
            """    __V__ = request.args.get("name", "")
    path = (REPORTS / __V__).resolve()
    if not __V__ or not path.is_relative_to(REPORTS) or not path.exists():
        abort(404)
    return send_file(path, as_attachment=True)
""",
        ),
    ),
    (
        "upload",
        "r4-fastapi-avatar-pathlib",
        fastapi(
            "from pathlib import Path\nAVATARS = Path('/srv/avatars')\n",
            "__V__: UploadFile",
            """    target = AVATARS / __V__.filename
    target.write_bytes(await __V__.read())
    return {"avatar": target.name}
""",
            "post",
        ),
        fastapi(
            "import os\nfrom pathlib import Path\nimport uuid\nAVATARS = Path('/srv/avatars')\nALLOWED = {'.png', '.jpg'}\n",
            "__V__: UploadFile",
            """    suffix = os.path.splitext(__V__.filename or "")[1].lower()
    if suffix not in ALLOWED:
        raise HTTPException(status_code=415, detail="unsupported image type")
    target = AVATARS / f"{uuid.uuid4().hex}{suffix}"
    target.write_bytes(await __V__.read())
    return {"avatar": target.name}
""",
            "post",
        ),
    ),
    (
        "upload",
        "r4-flask-secure-name-splitext",
        flask(
            "import os\nfrom werkzeug.utils import secure_filename\nDOCS = '/srv/docs'\n",
            """    __V__ = request.files.get("document")
    if __V__ is None or __V__.filename == "":
        abort(400)
    name = secure_filename(__V__.filename)
    __V__.save(os.path.join(DOCS, name))
    return jsonify(saved=name)
""",
            "POST",
        ),
        flask(
            "import os\nfrom werkzeug.utils import secure_filename\nDOCS = '/srv/docs'\nALLOWED = {'.pdf', '.docx'}\n",
            """    __V__ = request.files.get("document")
    if __V__ is None or __V__.filename == "":
        abort(400)
    name = secure_filename(__V__.filename)
    ext = os.path.splitext(name)[1].lower()
    if ext not in ALLOWED:
        abort(415)
    __V__.save(os.path.join(DOCS, name))
    return jsonify(saved=name)
""",
            "POST",
        ),
    ),
]

SCENARIOS: list[tuple[str, str, str, str]] = _RAW
__all__ = ["SCENARIOS", "_py", "fastapi", "flask"]
