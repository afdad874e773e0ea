# ruff: noqa: S608  (code written as data: the vulnerable twins build SQL on purpose)
"""Second round of JavaScript and TypeScript scenarios of the AI-style suite, written without reference to
the models: "a small Express route that ...". Same format as `scenarios_javascript.py`: (category,
scenario, vulnerable, safe, extension); braces are literal."""

from __future__ import annotations

EXPRESS = "const express = require('express');\nconst app = express();\napp.use(express.json());\n"

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (
        "sql",
        "r2-pg-template-async",
        EXPRESS
        + """const { Pool } = require('pg');
const pool = new Pool();

app.get('/{R}', async (req, res) => {
  const {V} = req.query.status;
  const { rows } = await pool.query(`SELECT * FROM {T} WHERE status = '${{V}}' ORDER BY id`);
  res.json(rows);
});
""",
        EXPRESS
        + """const { Pool } = require('pg');
const pool = new Pool();

app.get('/{R}', async (req, res) => {
  const {V} = req.query.status;
  const { rows } = await pool.query('SELECT * FROM {T} WHERE status = $1 ORDER BY id', [{V}]);
  res.json(rows);
});
""",
        "js",
    ),
    (
        "sql",
        "r2-sequelize-raw",
        EXPRESS
        + """const { sequelize } = require('./models');

app.get('/{R}/:id', async (req, res) => {
  const {V} = req.params.id;
  const [results] = await sequelize.query('SELECT * FROM {T} WHERE id = ' + {V});
  res.json(results);
});
""",
        EXPRESS
        + """const { sequelize } = require('./models');

app.get('/{R}/:id', async (req, res) => {
  const {V} = req.params.id;
  const [results] = await sequelize.query('SELECT * FROM {T} WHERE id = :id', { replacements: { id: {V} } });
  res.json(results);
});
""",
        "js",
    ),
    (
        "command",
        "r2-exec-convert",
        EXPRESS
        + """const { exec } = require('child_process');

app.post('/{R}/thumbnail', (req, res) => {
  const {V} = req.body.file;
  exec(`convert uploads/${{V}} -resize 200x200 thumbs/${{V}}`, (err) => {
    if (err) return res.status(500).send('failed');
    res.send('ok');
  });
});
""",
        EXPRESS
        + """const { execFile } = require('child_process');
const path = require('path');

app.post('/{R}/thumbnail', (req, res) => {
  const {V} = path.basename(req.body.file);
  execFile('convert', [`uploads/${{V}}`, '-resize', '200x200', `thumbs/${{V}}`], (err) => {
    if (err) return res.status(500).send('failed');
    res.send('ok');
  });
});
""",
        "js",
    ),
    (
        "command",
        "r2-execsync-git",
        """import { execSync } from 'child_process';
import type { Request, Response } from 'express';

export function {F}Log(req: Request, res: Response) {
  const {V} = req.query.branch as string;
  const out = execSync('git log --oneline -n 20 ' + {V}).toString();
  res.type('text/plain').send(out);
}
""",
        """import { execFileSync } from 'child_process';
import type { Request, Response } from 'express';

export function {F}Log(req: Request, res: Response) {
  const {V} = req.query.branch as string;
  const out = execFileSync('git', ['log', '--oneline', '-n', '20', '--', {V}]).toString();
  res.type('text/plain').send(out);
}
""",
        "ts",
    ),
    (
        "path",
        "r2-sendfile-join",
        EXPRESS
        + """const path = require('path');

app.get('/{R}/download', (req, res) => {
  const {V} = req.query.name;
  res.sendFile(path.join(__dirname, 'uploads', {V}));
});
""",
        EXPRESS
        + """const path = require('path');

app.get('/{R}/download', (req, res) => {
  const {V} = path.basename(String(req.query.name));
  res.sendFile({V}, { root: path.join(__dirname, 'uploads') });
});
""",
        "js",
    ),
    (
        "path",
        "r2-fs-readfile-promises",
        EXPRESS
        + """const fs = require('fs/promises');

app.get('/{R}/:doc', async (req, res) => {
  const {V} = req.params.doc;
  const text = await fs.readFile(`./docs/${{V}}.md`, 'utf8');
  res.type('text/plain').send(text);
});
""",
        EXPRESS
        + """const fs = require('fs/promises');
const path = require('path');
const ROOT = path.resolve('./docs');

app.get('/{R}/:doc', async (req, res) => {
  const {V} = path.resolve(ROOT, `${req.params.doc}.md`);
  if (!{V}.startsWith(ROOT + path.sep)) return res.sendStatus(400);
  const text = await fs.readFile({V}, 'utf8');
  res.type('text/plain').send(text);
});
""",
        "js",
    ),
    (
        "xss",
        "r2-send-template",
        EXPRESS
        + """
app.get('/{R}', (req, res) => {
  const {V} = req.query.q || '';
  res.send(`<h2>Results for ${{V}}</h2><ul></ul>`);
});
""",
        EXPRESS
        + """const escapeHtml = require('escape-html');

app.get('/{R}', (req, res) => {
  const {V} = req.query.q || '';
  res.send(`<h2>Results for ${escapeHtml({V})}</h2><ul></ul>`);
});
""",
        "js",
    ),
    (
        "xss",
        "r2-dom-innerhtml-hash",
        """function render{F}() {
  const {V} = decodeURIComponent(window.location.hash.slice(1));
  document.getElementById('greeting').innerHTML = 'Hello, ' + {V};
}
window.addEventListener('hashchange', render{F});
render{F}();
""",
        """function render{F}() {
  const {V} = decodeURIComponent(window.location.hash.slice(1));
  document.getElementById('greeting').textContent = 'Hello, ' + {V};
}
window.addEventListener('hashchange', render{F});
render{F}();
""",
        "js",
    ),
    (
        "redirect",
        "r2-return-to",
        EXPRESS
        + """
app.get('/login/callback', (req, res) => {
  const {V} = req.query.returnTo || '/';
  res.redirect({V});
});
""",
        EXPRESS
        + """
app.get('/login/callback', (req, res) => {
  let {V} = String(req.query.returnTo || '/');
  if (!{V}.startsWith('/') || {V}.startsWith('//')) {V} = '/';
  res.redirect({V});
});
""",
        "js",
    ),
    (
        "ssrf",
        "r2-axios-preview",
        EXPRESS
        + """const axios = require('axios');

app.get('/{R}/preview', async (req, res) => {
  const {V} = req.query.url;
  const response = await axios.get({V}, { timeout: 5000 });
  res.json({ status: response.status, size: response.data.length });
});
""",
        EXPRESS
        + """const axios = require('axios');
const ALLOWED = new Set(['api.example.com']);

app.get('/{R}/preview', async (req, res) => {
  const {V} = new URL(String(req.query.url));
  if ({V}.protocol !== 'https:' || !ALLOWED.has({V}.hostname)) return res.sendStatus(400);
  const response = await axios.get({V}.toString(), { timeout: 5000 });
  res.json({ status: response.status, size: response.data.length });
});
""",
        "js",
    ),
    (
        "code",
        "r2-eval-calc",
        EXPRESS
        + """
app.post('/{R}/calc', (req, res) => {
  const {V} = req.body.expression;
  const result = eval({V});
  res.json({ result });
});
""",
        EXPRESS
        + """
app.post('/{R}/calc', (req, res) => {
  const a = Number(req.body.a);
  const b = Number(req.body.b);
  const {V} = req.body.op === '+' ? a + b : a - b;
  res.json({ result: {V} });
});
""",
        "js",
    ),
    (
        "code",
        "r2-new-function",
        EXPRESS
        + """
app.post('/{R}/filter', (req, res) => {
  const {V} = req.body.predicate;
  const fn = new Function('item', 'return ' + {V});
  res.json([1, 2, 3, 4].filter(fn));
});
""",
        EXPRESS
        + """
app.post('/{R}/filter', (req, res) => {
  const {V} = Number(req.body.min);
  const fn = (item) => item >= {V};
  res.json([1, 2, 3, 4].filter(fn));
});
""",
        "js",
    ),
    (
        "nosql",
        "r2-mongoose-login",
        EXPRESS
        + """const User = require('./models/user');

app.post('/login', async (req, res) => {
  const {V} = await User.findOne({ username: req.body.username, password: req.body.password });
  res.json({ ok: Boolean({V}) });
});
""",
        EXPRESS
        + """const User = require('./models/user');

app.post('/login', async (req, res) => {
  const {V} = await User.findOne({ username: String(req.body.username), password: String(req.body.password) });
  res.json({ ok: Boolean({V}) });
});
""",
        "js",
    ),
    (
        "deserialization",
        "r2-node-serialize",
        EXPRESS
        + """const serialize = require('node-serialize');

app.get('/{R}/profile', (req, res) => {
  const {V} = Buffer.from(req.cookies.profile, 'base64').toString();
  const profile = serialize.unserialize({V});
  res.json(profile);
});
""",
        EXPRESS
        + """
app.get('/{R}/profile', (req, res) => {
  const {V} = Buffer.from(req.cookies.profile, 'base64').toString();
  const profile = JSON.parse({V});
  res.json(profile);
});
""",
        "js",
    ),
    (
        "regex",
        "r2-new-regexp",
        EXPRESS
        + """const names = ['alice', 'bob', 'carol'];

app.get('/{R}/search', (req, res) => {
  const {V} = new RegExp(req.query.q, 'i');
  res.json(names.filter((n) => {V}.test(n)));
});
""",
        EXPRESS
        + """const names = ['alice', 'bob', 'carol'];
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');

app.get('/{R}/search', (req, res) => {
  const {V} = new RegExp(escapeRegExp(String(req.query.q)), 'i');
  res.json(names.filter((n) => {V}.test(n)));
});
""",
        "js",
    ),
    (
        "weak-random",
        "r2-math-random-token",
        """const crypto = require('crypto');

function {F}ResetToken() {
  const {V} = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  return {V};
}

module.exports = { {F}ResetToken };
""",
        """const crypto = require('crypto');

function {F}ResetToken() {
  const {V} = crypto.randomBytes(32).toString('hex');
  return {V};
}

module.exports = { {F}ResetToken };
""",
        "js",
    ),
    (
        "weak-hash",
        "r2-md5-password",
        """const crypto = require('crypto');

async function {F}Register(db, username, password) {
  const {V} = crypto.createHash('md5').update(password).digest('hex');
  await db.query('INSERT INTO {T} (username, password) VALUES ($1, $2)', [username, {V}]);
}

module.exports = { {F}Register };
""",
        """const bcrypt = require('bcrypt');

async function {F}Register(db, username, password) {
  const {V} = await bcrypt.hash(password, 12);
  await db.query('INSERT INTO {T} (username, password) VALUES ($1, $2)', [username, {V}]);
}

module.exports = { {F}Register };
""",
        "js",
    ),
    (
        "cookie",
        "r2-res-cookie",
        EXPRESS
        + """const crypto = require('crypto');

app.post('/login', (req, res) => {
  const {V} = crypto.randomBytes(24).toString('hex');
  res.cookie('sid', {V});
  res.json({ ok: true });
});
""",
        EXPRESS
        + """const crypto = require('crypto');

app.post('/login', (req, res) => {
  const {V} = crypto.randomBytes(24).toString('hex');
  res.cookie('sid', {V}, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.json({ ok: true });
});
""",
        "js",
    ),
    (
        "header",
        "r2-content-disposition",
        EXPRESS
        + """
app.get('/{R}/export', (req, res) => {
  const {V} = req.query.filename;
  res.setHeader('Content-Disposition', 'attachment; filename=' + {V});
  res.send('a,b\\n');
});
""",
        EXPRESS
        + """
app.get('/{R}/export', (req, res) => {
  const {V} = String(req.query.filename).replace(/[^\\w.-]/g, '_');
  res.setHeader('Content-Disposition', 'attachment; filename=' + {V});
  res.send('a,b\\n');
});
""",
        "js",
    ),
]
