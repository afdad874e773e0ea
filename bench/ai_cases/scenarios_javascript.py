# ruff: noqa: S608  (code written as data: the vulnerable twins build SQL on purpose)
"""JavaScript and TypeScript scenarios of the AI-style suite (Express, Koa, Next.js, the DOM, React,
Node core), vulnerable and safe twins. Tokens `{V}`, `{F}`, `{R}`, `{T}` are replaced per variant;
braces are literal. The extension is the last field."""

EXPRESS = "const express = require('express');\nconst app = express();\napp.use(express.json());\n"

SCENARIOS = [
    (
        "sql",
        "mysql-concat",
        EXPRESS
        + """const mysql = require('mysql2');
const db = mysql.createConnection({ host: 'localhost', user: 'app', database: 'app' });

app.get('/{R}', (req, res) => {
  const {V} = req.query.id;
  db.query('SELECT * FROM {T} WHERE id = ' + {V}, (err, rows) => {
    if (err) return res.status(500).json({ error: 'db' });
    res.json(rows);
  });
});
""",
        EXPRESS
        + """const mysql = require('mysql2');
const db = mysql.createConnection({ host: 'localhost', user: 'app', database: 'app' });

app.get('/{R}', (req, res) => {
  const {V} = req.query.id;
  db.query('SELECT * FROM {T} WHERE id = ?', [{V}], (err, rows) => {
    if (err) return res.status(500).json({ error: 'db' });
    res.json(rows);
  });
});
""",
        "js",
    ),
    (
        "sql",
        "pg-template",
        """import express, { Request, Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const router = express.Router();

router.get('/{R}', async (req: Request, res: Response) => {
  const { {V} } = req.query;
  const result = await pool.query(`SELECT * FROM {T} WHERE email = '${{V}}'`);
  res.json(result.rows);
});

export default router;
""",
        """import express, { Request, Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const router = express.Router();

router.get('/{R}', async (req: Request, res: Response) => {
  const { {V} } = req.query;
  const result = await pool.query('SELECT * FROM {T} WHERE email = $1', [{V}]);
  res.json(result.rows);
});

export default router;
""",
        "ts",
    ),
    (
        "sql",
        "helper-sequelize",
        EXPRESS
        + """const { sequelize } = require('./models');

async function find{F}({V}) {
  return sequelize.query(`SELECT * FROM {T} WHERE name LIKE '%${{V}}%'`);
}

app.get('/{R}', async (req, res) => {
  res.json(await find{F}(req.query.q));
});
""",
        EXPRESS
        + """const { sequelize } = require('./models');

async function find{F}({V}) {
  return sequelize.query('SELECT * FROM {T} WHERE name LIKE :q', { replacements: { q: `%${{V}}%` } });
}

app.get('/{R}', async (req, res) => {
  res.json(await find{F}(req.query.q));
});
""",
        "js",
    ),
    (
        "nosql",
        "mongo-login",
        EXPRESS
        + """const User = require('./models/user');

app.post('/{R}', async (req, res) => {
  const {V} = await User.findOne({ username: req.body.username, password: req.body.password });
  if (!{V}) return res.status(401).json({ error: 'invalid credentials' });
  res.json({ id: {V}.id });
});
""",
        EXPRESS
        + """const User = require('./models/user');

app.post('/{R}', async (req, res) => {
  const {V} = await User.findOne({ username: String(req.body.username) });
  if (!{V}) return res.status(401).json({ error: 'invalid credentials' });
  res.json({ id: {V}.id });
});
""",
        "js",
    ),
    (
        "command",
        "exec-template",
        EXPRESS
        + """const { exec } = require('child_process');

app.get('/{R}', (req, res) => {
  const {V} = req.query.host;
  exec(`ping -c 1 ${{V}}`, (error, stdout) => {
    res.json({ up: !error, output: stdout });
  });
});
""",
        EXPRESS
        + """const { execFile } = require('child_process');

app.get('/{R}', (req, res) => {
  const {V} = req.query.host;
  execFile('ping', ['-c', '1', {V}], (error, stdout) => {
    res.json({ up: !error, output: stdout });
  });
});
""",
        "js",
    ),
    (
        "command",
        "execsync-convert",
        """import { execSync } from 'child_process';
import { NextRequest, NextResponse } from 'next/server';

export async function POST(request: NextRequest) {
  const { {V} } = await request.json();
  execSync('convert /tmp/{T}/' + {V} + ' -resize 200x200 /tmp/out.png');
  return NextResponse.json({ ok: true });
}
""",
        """import { execFileSync } from 'child_process';
import { NextRequest, NextResponse } from 'next/server';

export async function POST(request: NextRequest) {
  const { {V} } = await request.json();
  execFileSync('convert', ['/tmp/{T}/' + {V}, '-resize', '200x200', '/tmp/out.png']);
  return NextResponse.json({ ok: true });
}
""",
        "ts",
    ),
    (
        "path",
        "readfile-join",
        EXPRESS
        + """const fs = require('fs');
const path = require('path');

app.get('/{R}', (req, res) => {
  const {V} = req.query.file;
  fs.readFile(path.join(__dirname, '{T}', {V}), 'utf8', (err, data) => {
    if (err) return res.status(404).json({ error: 'not found' });
    res.json({ data });
  });
});
""",
        EXPRESS
        + """const fs = require('fs');
const path = require('path');

app.get('/{R}', (req, res) => {
  const {V} = path.basename(req.query.file);
  fs.readFile(path.join(__dirname, '{T}', {V}), 'utf8', (err, data) => {
    if (err) return res.status(404).json({ error: 'not found' });
    res.json({ data });
  });
});
""",
        "js",
    ),
    (
        "path",
        "sendfile-resolve",
        EXPRESS
        + """const path = require('path');

app.get('/{R}/:name', (req, res) => {
  const {V} = path.resolve('/srv/{T}', req.params.name);
  res.sendFile({V});
});
""",
        EXPRESS
        + """const path = require('path');
const ROOT = '/srv/{T}';

app.get('/{R}/:name', (req, res) => {
  const {V} = path.resolve(ROOT, req.params.name);
  if (!{V}.startsWith(ROOT + path.sep)) {
    return res.status(400).json({ error: 'bad path' });
  }
  res.sendFile({V});
});
""",
        "js",
    ),
    (
        "xss",
        "send-template",
        EXPRESS
        + """app.get('/{R}', (req, res) => {
  const {V} = req.query.q || '';
  res.send(`<h1>Results for ${{V}}</h1>`);
});
""",
        EXPRESS
        + """const escapeHtml = require('escape-html');

app.get('/{R}', (req, res) => {
  const {V} = req.query.q || '';
  res.send(`<h1>Results for ${escapeHtml({V})}</h1>`);
});
""",
        "js",
    ),
    (
        "xss",
        "dom-innerhtml",
        """// Show the search term from the URL on the {T} page.
function {F}() {
  const params = new URLSearchParams(window.location.search);
  const {V} = params.get('q');
  document.getElementById('{T}-title').innerHTML = 'Results for ' + {V};
}

document.addEventListener('DOMContentLoaded', {F});
""",
        """// Show the search term from the URL on the {T} page.
function {F}() {
  const params = new URLSearchParams(window.location.search);
  const {V} = params.get('q');
  document.getElementById('{T}-title').textContent = 'Results for ' + {V};
}

document.addEventListener('DOMContentLoaded', {F});
""",
        "js",
    ),
    (
        "xss",
        "react-html",
        """import React from 'react';

export default function {F}() {
  const {V} = new URLSearchParams(window.location.search).get('message');
  return <div className="{T}" dangerouslySetInnerHTML={{ __html: {V} }} />;
}
""",
        """import React from 'react';
import DOMPurify from 'dompurify';

export default function {F}() {
  const {V} = new URLSearchParams(window.location.search).get('message');
  return <div className="{T}" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize({V}) }} />;
}
""",
        "jsx",
    ),
    (
        "xss",
        "koa-body",
        """const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  const {V} = ctx.query.name || 'friend';
  ctx.type = 'html';
  ctx.body = `<p>Hello ${{V}}</p>`;
});
""",
        """const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  const {V} = ctx.query.name || 'friend';
  ctx.body = { greeting: `Hello ${{V}}` };
});
""",
        "js",
    ),
    (
        "redirect",
        "express-return",
        EXPRESS
        + """app.get('/{R}', (req, res) => {
  const {V} = req.query.returnTo || '/';
  res.redirect({V});
});
""",
        EXPRESS
        + """const SAFE = ['/', '/dashboard', '/{T}'];

app.get('/{R}', (req, res) => {
  const {V} = req.query.returnTo || '/';
  res.redirect(SAFE.includes({V}) ? {V} : '/');
});
""",
        "js",
    ),
    (
        "redirect",
        "next-redirect",
        """import { NextRequest, NextResponse } from 'next/server';

export function GET(request: NextRequest) {
  const {V} = request.nextUrl.searchParams.get('callbackUrl') ?? '/';
  return NextResponse.redirect(new URL({V}, request.url));
}
""",
        """import { NextRequest, NextResponse } from 'next/server';

const ALLOWED = ['/', '/{T}', '/account'];

export function GET(request: NextRequest) {
  const {V} = request.nextUrl.searchParams.get('callbackUrl') ?? '/';
  if (!ALLOWED.includes({V})) {
    return NextResponse.redirect(new URL('/', request.url));
  }
  return NextResponse.redirect(new URL({V}, request.url));
}
""",
        "ts",
    ),
    (
        "redirect",
        "dom-location",
        """const {V} = new URLSearchParams(location.search).get('next');
if ({V}) {
  window.location.href = {V};
}
""",
        """const {V} = new URLSearchParams(location.search).get('next');
if ({V} === '/{T}') {
  window.location.href = {V};
}
""",
        "js",
    ),
    (
        "ssrf",
        "axios-proxy",
        EXPRESS
        + """const axios = require('axios');

app.get('/{R}', async (req, res) => {
  const {V} = req.query.url;
  const response = await axios.get({V});
  res.json({ status: response.status });
});
""",
        EXPRESS
        + """const axios = require('axios');
const ALLOWED_HOSTS = ['api.github.com', '{T}.example.com'];

app.get('/{R}', async (req, res) => {
  const {V} = req.query.url;
  if (!ALLOWED_HOSTS.includes(new URL({V}).hostname)) {
    return res.status(400).json({ error: 'host not allowed' });
  }
  const response = await axios.get({V});
  res.json({ status: response.status });
});
""",
        "js",
    ),
    (
        "code",
        "eval-calc",
        EXPRESS
        + """app.post('/{R}', (req, res) => {
  const {V} = req.body.expression;
  const result = eval({V});
  res.json({ result });
});
""",
        EXPRESS
        + """app.post('/{R}', (req, res) => {
  const {V} = Number(req.body.a) + Number(req.body.b);
  res.json({ result: {V} });
});
""",
        "js",
    ),
    (
        "deserialization",
        "node-serialize",
        EXPRESS
        + """const serialize = require('node-serialize');
const cookieParser = require('cookie-parser');
app.use(cookieParser());

app.get('/{R}', (req, res) => {
  const {V} = serialize.unserialize(Buffer.from(req.cookies.profile, 'base64').toString());
  res.json({ name: {V}.name });
});
""",
        EXPRESS
        + """const cookieParser = require('cookie-parser');
app.use(cookieParser());

app.get('/{R}', (req, res) => {
  const {V} = JSON.parse(Buffer.from(req.cookies.profile, 'base64').toString());
  res.json({ name: {V}.name });
});
""",
        "js",
    ),
    (
        "template",
        "ejs-render",
        EXPRESS
        + """const ejs = require('ejs');

app.post('/{R}', (req, res) => {
  const {V} = req.body.template;
  const html = ejs.render({V}, { user: req.body.user });
  res.json({ html });
});
""",
        EXPRESS
        + """const ejs = require('ejs');

app.post('/{R}', (req, res) => {
  const {V} = '<p>Hello <%= user %></p>';
  const html = ejs.render({V}, { user: req.body.user });
  res.json({ html });
});
""",
        "js",
    ),
    (
        "weak-random",
        "cookie-token",
        EXPRESS
        + """app.post('/{R}', (req, res) => {
  const {V} = Math.random().toString(36).substring(2);
  res.cookie('session', {V}, { httpOnly: true, secure: true });
  res.json({ ok: true });
});
""",
        EXPRESS
        + """const crypto = require('crypto');

app.post('/{R}', (req, res) => {
  const {V} = crypto.randomBytes(32).toString('hex');
  res.cookie('session', {V}, { httpOnly: true, secure: true });
  res.json({ ok: true });
});
""",
        "js",
    ),
    (
        "weak-random",
        "reset-token",
        """function {F}(user) {
  // Generate a password reset token for the {T} account.
  const {V} = Math.floor(Math.random() * 1000000).toString();
  user.resetToken = {V};
  return user;
}

module.exports = { {F} };
""",
        """const crypto = require('crypto');

function {F}(user) {
  // Generate a password reset token for the {T} account.
  const {V} = crypto.randomBytes(20).toString('hex');
  user.resetToken = {V};
  return user;
}

module.exports = { {F} };
""",
        "js",
    ),
    (
        "cookie",
        "session-cookie",
        EXPRESS
        + """app.post('/{R}', (req, res) => {
  const {V} = req.body.username;
  res.cookie('user', {V});
  res.json({ ok: true });
});
""",
        EXPRESS
        + """app.post('/{R}', (req, res) => {
  const {V} = req.body.username;
  res.cookie('user', {V}, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.json({ ok: true });
});
""",
        "js",
    ),
    (
        "session",
        "session-admin",
        EXPRESS
        + """const session = require('express-session');
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/{R}', (req, res) => {
  req.session.{V} = req.body.{V};
  res.json({ ok: true });
});
""",
        EXPRESS
        + """const session = require('express-session');
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/{R}', (req, res) => {
  req.session.{V} = false;
  res.json({ ok: true });
});
""",
        "js",
    ),
    (
        "header",
        "content-disposition",
        EXPRESS
        + """app.get('/{R}', (req, res) => {
  const {V} = req.query.name;
  res.setHeader('Content-Disposition', `attachment; filename="${{V}}"`);
  res.send('data');
});
""",
        EXPRESS
        + """app.get('/{R}', (req, res) => {
  const {V} = encodeURIComponent(req.query.name);
  res.setHeader('Content-Disposition', `attachment; filename="${{V}}"`);
  res.send('data');
});
""",
        "js",
    ),
    (
        "log",
        "console-login",
        EXPRESS
        + """app.post('/{R}', (req, res) => {
  const {V} = req.body.username;
  console.log(`Failed login attempt for ${{V}}`);
  res.status(401).json({ error: 'invalid' });
});
""",
        EXPRESS
        + """app.post('/{R}', (req, res) => {
  const {V} = parseInt(req.body.userId, 10);
  console.log(`Failed login attempt for user #${{V}}`);
  res.status(401).json({ error: 'invalid' });
});
""",
        "js",
    ),
    (
        "regex",
        "search-regexp",
        EXPRESS
        + """const items = ['apple', 'banana', 'cherry'];

app.get('/{R}', (req, res) => {
  const {V} = new RegExp(req.query.search, 'i');
  res.json(items.filter((item) => {V}.test(item)));
});
""",
        EXPRESS
        + """const _ = require('lodash');
const items = ['apple', 'banana', 'cherry'];

app.get('/{R}', (req, res) => {
  const {V} = new RegExp(_.escapeRegExp(req.query.search), 'i');
  res.json(items.filter((item) => {V}.test(item)));
});
""",
        "js",
    ),
    (
        "error-disclosure",
        "stack-trace",
        EXPRESS
        + """app.get('/{R}', async (req, res) => {
  try {
    const {V} = await load{F}(req.query.id);
    res.json({V});
  } catch (err) {
    res.status(500).send(err.stack);
  }
});
""",
        EXPRESS
        + """app.get('/{R}', async (req, res) => {
  try {
    const {V} = await load{F}(req.query.id);
    res.json({V});
  } catch (err) {
    console.error(err);
    res.status(500).send('Something went wrong');
  }
});
""",
        "js",
    ),
    (
        "file-mode",
        "chmod",
        """const fs = require('fs');

function {F}({V}) {
  // Make the {T} export readable by everyone.
  fs.writeFileSync({V}, 'report');
  fs.chmodSync({V}, 0o777);
}

module.exports = { {F} };
""",
        """const fs = require('fs');

function {F}({V}) {
  // Make the {T} export readable by its owner only.
  fs.writeFileSync({V}, 'report');
  fs.chmodSync({V}, 0o600);
}

module.exports = { {F} };
""",
        "js",
    ),
    (
        "upload",
        "fileupload-mv",
        EXPRESS
        + """const fileUpload = require('express-fileupload');
app.use(fileUpload());

app.post('/{R}', (req, res) => {
  const {V} = req.files.avatar;
  {V}.mv('/srv/{T}/' + {V}.name, () => res.json({ ok: true }));
});
""",
        EXPRESS
        + """const crypto = require('crypto');
const fileUpload = require('express-fileupload');
app.use(fileUpload());
const ALLOWED_TYPES = ['image/png', 'image/jpeg'];

app.post('/{R}', (req, res) => {
  const {V} = req.files.avatar;
  if (!ALLOWED_TYPES.includes({V}.mimetype)) {
    return res.status(400).json({ error: 'type' });
  }
  {V}.mv('/srv/{T}/' + crypto.randomUUID() + '.png', () => res.json({ ok: true }));
});
""",
        "js",
    ),
    (
        "weak-hash",
        "md5-password",
        """const crypto = require('crypto');

function {F}({V}) {
  // Hash the password before saving the {T} record.
  const passwordHash = crypto.createHash('md5').update({V}).digest('hex');
  return passwordHash;
}

module.exports = { {F} };
""",
        """const bcrypt = require('bcrypt');

async function {F}({V}) {
  // Hash the password before saving the {T} record.
  const passwordHash = await bcrypt.hash({V}, 12);
  return passwordHash;
}

module.exports = { {F} };
""",
        "js",
    ),
    (
        "xxe",
        "libxml-noent",
        EXPRESS
        + """const libxmljs = require('libxmljs');
app.use(express.text({ type: 'application/xml' }));

app.post('/{R}', (req, res) => {
  const {V} = libxmljs.parseXml(req.body, { noent: true });
  res.json({ root: {V}.root().name() });
});
""",
        EXPRESS
        + """const libxmljs = require('libxmljs');
app.use(express.text({ type: 'application/xml' }));

app.post('/{R}', (req, res) => {
  const {V} = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  res.json({ root: {V}.root().name() });
});
""",
        "js",
    ),
]
