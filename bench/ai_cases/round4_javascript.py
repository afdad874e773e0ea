"""Fourth round of JavaScript scenarios of the AI-style suite (names `r4-...`): the shapes of the known
misses of the third round, written as new routes. Same format as `round3_javascript.py`."""

from __future__ import annotations

from bench.ai_cases.round3_javascript import EXPRESS, _js

_RAW: list[tuple[str, str, str, str, str]] = [
    (
        "upload",
        "r4-multer-timestamped-name",
        EXPRESS
        + """const multer = require('multer');
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, 'uploads/__T__'),
  filename: (req, file, cb) => {
    const __V__ = `${Date.now()}-${file.originalname}`;
    cb(null, __V__);
  },
});
const upload = multer({ storage, limits: { fileSize: 10 * 1024 * 1024 } });

app.post('/__R__/attachments', upload.single('attachment'), (req, res) => {
  res.status(201).json({ stored: req.file.filename });
});
""",
        EXPRESS
        + """const multer = require('multer');
const path = require('path');
const { randomUUID } = require('crypto');
const TYPES = new Set(['application/pdf', 'image/png']);
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, 'uploads/__T__'),
  filename: (req, file, cb) => {
    const __V__ = `${randomUUID()}${path.extname(file.originalname).toLowerCase()}`;
    cb(null, __V__);
  },
});
const upload = multer({
  storage,
  limits: { fileSize: 10 * 1024 * 1024 },
  fileFilter: (req, file, cb) => cb(null, TYPES.has(file.mimetype)),
});

app.post('/__R__/attachments', upload.single('attachment'), (req, res) => {
  res.status(201).json({ stored: req.file.filename });
});
""",
        "js",
    ),
]

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (category, name, _js(vulnerable), _js(safe), extension)
    for category, name, vulnerable, safe, extension in _RAW
]
__all__ = ["EXPRESS", "SCENARIOS"]
