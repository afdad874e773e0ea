# ruff: noqa: S608  (code written as data: the vulnerable twins build SQL on purpose)
"""Third round of JavaScript and TypeScript scenarios of the AI-style suite, written blind (before
reading the models or any earlier miss list): "an Express route / Next.js route handler / React component
that ...". Same format as `round2_javascript.py`: (category, scenario, vulnerable, safe, extension);
braces are literal, and the markers `__V__`, `__F__`, `__R__`, `__T__` become `{V}`, `{F}`, `{R}`, `{T}`."""

from __future__ import annotations


def _js(text: str) -> str:
    for token in "VFRT":
        text = text.replace(f"__{token}__", "{" + token + "}")
    return text


EXPRESS = "const express = require('express');\nconst app = express();\napp.use(express.json());\n"
EXPRESS_TS = "import express, { Request, Response } from 'express';\nconst app = express();\napp.use(express.json());\n"
NEXT = "import { NextRequest, NextResponse } from 'next/server';\n"

_RAW: list[tuple[str, str, str, str, str]] = [
    (
        "sql",
        "r3-mysql2-template",
        EXPRESS
        + """const mysql = require('mysql2/promise');
const pool = mysql.createPool({ host: 'localhost', database: 'app' });

app.get('/__R__', async (req, res) => {
  const __V__ = req.query.category;
  const [rows] = await pool.query(`SELECT id, name FROM __T__ WHERE category = '${__V__}'`);
  res.json(rows);
});
""",
        EXPRESS
        + """const mysql = require('mysql2/promise');
const pool = mysql.createPool({ host: 'localhost', database: 'app' });

app.get('/__R__', async (req, res) => {
  const __V__ = req.query.category;
  const [rows] = await pool.execute('SELECT id, name FROM __T__ WHERE category = ?', [__V__]);
  res.json(rows);
});
""",
        "js",
    ),
    (
        "sql",
        "r3-next-prisma-raw-unsafe",
        NEXT
        + """import { prisma } from '@/lib/prisma';

export async function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('email') ?? '';
  const users = await prisma.$queryRawUnsafe(`SELECT id, email FROM __T__ WHERE email = '${__V__}'`);
  return NextResponse.json(users);
}
""",
        NEXT
        + """import { prisma } from '@/lib/prisma';

export async function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('email') ?? '';
  const users = await prisma.$queryRaw`SELECT id, email FROM __T__ WHERE email = ${__V__}`;
  return NextResponse.json(users);
}
""",
        "ts",
    ),
    (
        "sql",
        "r3-knex-raw",
        EXPRESS_TS
        + """import knex from './db';

app.delete('/__R__/:id', async (req: Request, res: Response) => {
  const __V__ = req.params.id;
  await knex.raw('DELETE FROM __T__ WHERE id = ' + __V__);
  res.sendStatus(204);
});
""",
        EXPRESS_TS
        + """import knex from './db';

app.delete('/__R__/:id', async (req: Request, res: Response) => {
  const __V__ = req.params.id;
  await knex.raw('DELETE FROM __T__ WHERE id = ?', [__V__]);
  res.sendStatus(204);
});
""",
        "ts",
    ),
    (
        "nosql",
        "r3-mongoose-login-body",
        EXPRESS
        + """const User = require('./models/user');

app.post('/__R__/login', async (req, res) => {
  const __V__ = await User.findOne({ username: req.body.username, password: req.body.password });
  if (!__V__) return res.status(401).json({ error: 'invalid' });
  res.json({ id: __V__.id });
});
""",
        EXPRESS
        + """const User = require('./models/user');
const bcrypt = require('bcrypt');

app.post('/__R__/login', async (req, res) => {
  const username = String(req.body.username || '');
  const __V__ = await User.findOne({ username: username });
  if (!__V__ || !(await bcrypt.compare(String(req.body.password || ''), __V__.passwordHash))) {
    return res.status(401).json({ error: 'invalid' });
  }
  res.json({ id: __V__.id });
});
""",
        "js",
    ),
    (
        "nosql",
        "r3-mongodb-where-template",
        EXPRESS
        + """const { MongoClient } = require('mongodb');
const client = new MongoClient('mongodb://localhost:27017');

app.get('/__R__', async (req, res) => {
  const __V__ = req.query.owner;
  const docs = await client.db('app').collection('__T__').find({ $where: `this.owner === '${__V__}'` }).toArray();
  res.json(docs);
});
""",
        EXPRESS
        + """const { MongoClient } = require('mongodb');
const client = new MongoClient('mongodb://localhost:27017');

app.get('/__R__', async (req, res) => {
  const __V__ = String(req.query.owner);
  const docs = await client.db('app').collection('__T__').find({ owner: __V__ }).toArray();
  res.json(docs);
});
""",
        "js",
    ),
    (
        "command",
        "r3-exec-ping-template",
        EXPRESS
        + """const { exec } = require('child_process');

app.get('/__R__/ping', (req, res) => {
  const __V__ = req.query.host;
  exec(`ping -c 2 ${__V__}`, (error, stdout) => {
    if (error) return res.status(500).send('ping failed');
    res.type('text/plain').send(stdout);
  });
});
""",
        EXPRESS
        + """const { execFile } = require('child_process');
const net = require('net');

app.get('/__R__/ping', (req, res) => {
  const __V__ = String(req.query.host);
  if (!net.isIP(__V__)) return res.status(400).send('bad host');
  execFile('ping', ['-c', '2', __V__], (error, stdout) => {
    if (error) return res.status(500).send('ping failed');
    res.type('text/plain').send(stdout);
  });
});
""",
        "js",
    ),
    (
        "command",
        "r3-spawn-shell-true",
        EXPRESS_TS
        + """import { spawn } from 'child_process';

app.post('/__R__/convert', (req: Request, res: Response) => {
  const __V__: string = req.body.format;
  const child = spawn(`ffmpeg -i input.wav output.${__V__}`, { shell: true });
  child.on('close', (code) => res.json({ code }));
});
""",
        EXPRESS_TS
        + """import { spawn } from 'child_process';

const FORMATS = new Set(['mp3', 'ogg', 'flac']);

app.post('/__R__/convert', (req: Request, res: Response) => {
  const __V__: string = req.body.format;
  if (!FORMATS.has(__V__)) return res.status(400).json({ error: 'format' });
  const child = spawn('ffmpeg', ['-i', 'input.wav', `output.${__V__}`]);
  child.on('close', (code) => res.json({ code }));
});
""",
        "ts",
    ),
    (
        "path",
        "r3-readfile-join",
        EXPRESS
        + """const fs = require('fs');
const path = require('path');
const BASE = path.join(__dirname, 'documents');

app.get('/__R__/download', (req, res) => {
  const __V__ = req.query.file;
  fs.readFile(path.join(BASE, __V__), (err, data) => {
    if (err) return res.status(404).end();
    res.send(data);
  });
});
""",
        EXPRESS
        + """const fs = require('fs');
const path = require('path');
const BASE = path.join(__dirname, 'documents');

app.get('/__R__/download', (req, res) => {
  const __V__ = req.query.file;
  const target = path.resolve(BASE, String(__V__));
  if (!target.startsWith(BASE + path.sep)) return res.status(400).end();
  fs.readFile(target, (err, data) => {
    if (err) return res.status(404).end();
    res.send(data);
  });
});
""",
        "js",
    ),
    (
        "path",
        "r3-sendfile-param",
        EXPRESS
        + """const path = require('path');

app.get('/__R__/avatar/:name', (req, res) => {
  const __V__ = req.params.name;
  res.sendFile(path.join(__dirname, 'avatars', __V__));
});
""",
        EXPRESS
        + """const path = require('path');

app.get('/__R__/avatar/:name', (req, res) => {
  const __V__ = path.basename(req.params.name);
  res.sendFile(__V__, { root: path.join(__dirname, 'avatars') });
});
""",
        "js",
    ),
    (
        "path",
        "r3-next-route-readfile",
        NEXT
        + """import { promises as fs } from 'fs';
import path from 'path';

export async function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('slug') ?? 'index';
  const content = await fs.readFile(path.join(process.cwd(), 'content', `${__V__}.md`), 'utf8');
  return new NextResponse(content);
}
""",
        NEXT
        + """import { promises as fs } from 'fs';
import path from 'path';

export async function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('slug') ?? 'index';
  if (!/^[a-z0-9-]+$/.test(__V__)) {
    return new NextResponse('not found', { status: 404 });
  }
  const content = await fs.readFile(path.join(process.cwd(), 'content', `${__V__}.md`), 'utf8');
  return new NextResponse(content);
}
""",
        "ts",
    ),
    (
        "xss",
        "r3-express-send-template",
        EXPRESS
        + """app.get('/__R__', (req, res) => {
  const __V__ = req.query.q || '';
  res.send(`<h1>Results for ${__V__}</h1><ul></ul>`);
});
""",
        EXPRESS
        + """const escapeHtml = require('escape-html');

app.get('/__R__', (req, res) => {
  const __V__ = req.query.q || '';
  res.send(`<h1>Results for ${escapeHtml(__V__)}</h1><ul></ul>`);
});
""",
        "js",
    ),
    (
        "xss",
        "r3-react-dangerously",
        """import React from 'react';

export function __F__Comment({ comment }: { comment: { author: string; body: string } }) {
  const __V__ = comment.body;
  return (
    <div className="comment">
      <strong>{comment.author}</strong>
      <div dangerouslySetInnerHTML={{ __html: __V__ }} />
    </div>
  );
}
""",
        """import React from 'react';
import DOMPurify from 'dompurify';

export function __F__Comment({ comment }: { comment: { author: string; body: string } }) {
  const __V__ = DOMPurify.sanitize(comment.body);
  return (
    <div className="comment">
      <strong>{comment.author}</strong>
      <div dangerouslySetInnerHTML={{ __html: __V__ }} />
    </div>
  );
}
""",
        "tsx",
    ),
    (
        "xss",
        "r3-dom-innerhtml-search",
        """const params = new URLSearchParams(window.location.search);
const __V__ = params.get('q') || '';
document.getElementById('__T__-title').innerHTML = 'Showing results for ' + __V__;
""",
        """const params = new URLSearchParams(window.location.search);
const __V__ = params.get('q') || '';
document.getElementById('__T__-title').textContent = 'Showing results for ' + __V__;
""",
        "js",
    ),
    (
        "xss",
        "r3-regex-escape-map",
        EXPRESS
        + """app.get('/__R__/greet', (req, res) => {
  const __V__ = String(req.query.name || 'guest');
  res.send('<p>Hello ' + __V__ + '</p>');
});
""",
        EXPRESS
        + """const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

app.get('/__R__/greet', (req, res) => {
  const __V__ = String(req.query.name || 'guest').replace(/[&<>"']/g, (c) => ENTITIES[c]);
  res.send('<p>Hello ' + __V__ + '</p>');
});
""",
        "js",
    ),
    (
        "redirect",
        "r3-express-return-to",
        EXPRESS
        + """app.get('/__R__/login/callback', (req, res) => {
  const __V__ = req.query.returnTo || '/';
  res.redirect(__V__);
});
""",
        EXPRESS
        + """app.get('/__R__/login/callback', (req, res) => {
  let __V__ = String(req.query.returnTo || '/');
  if (!__V__.startsWith('/') || __V__.startsWith('//') || __V__.includes('\\\\')) {
    __V__ = '/';
  }
  res.redirect(__V__);
});
""",
        "js",
    ),
    (
        "redirect",
        "r3-next-redirect",
        NEXT
        + """export function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('next') ?? '/';
  return NextResponse.redirect(__V__);
}
""",
        NEXT
        + """const ALLOWED = new Set(['/dashboard', '/settings', '/']);

export function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('next') ?? '/';
  const target = ALLOWED.has(__V__) ? __V__ : '/';
  return NextResponse.redirect(new URL(target, request.url));
}
""",
        "ts",
    ),
    (
        "ssrf",
        "r3-axios-preview",
        EXPRESS
        + """const axios = require('axios');

app.post('/__R__/preview', async (req, res) => {
  const __V__ = req.body.url;
  const response = await axios.get(__V__, { timeout: 5000 });
  res.json({ title: response.data.slice(0, 200) });
});
""",
        EXPRESS
        + """const axios = require('axios');
const ALLOWED_HOSTS = new Set(['example.com', 'news.ycombinator.com']);

app.post('/__R__/preview', async (req, res) => {
  const __V__ = new URL(String(req.body.url));
  if (__V__.protocol !== 'https:' || !ALLOWED_HOSTS.has(__V__.hostname)) {
    return res.status(400).json({ error: 'host not allowed' });
  }
  const response = await axios.get(__V__.toString(), { timeout: 5000 });
  res.json({ title: response.data.slice(0, 200) });
});
""",
        "js",
    ),
    (
        "ssrf",
        "r3-next-fetch-proxy",
        NEXT
        + """export async function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('image');
  if (!__V__) return new NextResponse('missing', { status: 400 });
  const upstream = await fetch(__V__);
  return new NextResponse(upstream.body, { headers: { 'content-type': 'image/png' } });
}
""",
        NEXT
        + """const CDN = 'https://cdn.example.com/';

export async function GET(request: NextRequest) {
  const __V__ = request.nextUrl.searchParams.get('image');
  if (!__V__ || !/^[\\w-]+\\.png$/.test(__V__)) return new NextResponse('missing', { status: 400 });
  const upstream = await fetch(CDN + __V__);
  return new NextResponse(upstream.body, { headers: { 'content-type': 'image/png' } });
}
""",
        "ts",
    ),
    (
        "code",
        "r3-eval-formula",
        EXPRESS
        + """app.post('/__R__/calc', (req, res) => {
  const __V__ = req.body.expression;
  const result = eval(__V__);
  res.json({ result });
});
""",
        EXPRESS
        + """app.post('/__R__/calc', (req, res) => {
  const __V__ = Number(req.body.a) + Number(req.body.b);
  if (Number.isNaN(__V__)) return res.status(400).json({ error: 'numbers only' });
  res.json({ result: __V__ });
});
""",
        "js",
    ),
    (
        "code",
        "r3-new-function-filter",
        EXPRESS_TS
        + """app.post('/__R__/filter', (req: Request, res: Response) => {
  const __V__: string = req.body.predicate;
  const predicate = new Function('item', `return ${__V__};`);
  res.json([1, 2, 3, 4].filter((item) => predicate(item)));
});
""",
        EXPRESS_TS
        + """const PREDICATES: Record<string, (n: number) => boolean> = { even: (n) => n % 2 === 0, odd: (n) => n % 2 === 1 };

app.post('/__R__/filter', (req: Request, res: Response) => {
  const __V__: string = req.body.predicate;
  const predicate = PREDICATES[__V__];
  if (!predicate) return res.status(400).json({ error: 'unknown predicate' });
  res.json([1, 2, 3, 4].filter((item) => predicate(item)));
});
""",
        "ts",
    ),
    (
        "deserialization",
        "r3-node-serialize-cookie",
        EXPRESS
        + """const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');
app.use(cookieParser());

app.get('/__R__/profile', (req, res) => {
  const __V__ = Buffer.from(req.cookies.profile, 'base64').toString();
  const profile = serialize.unserialize(__V__);
  res.json({ name: profile.name });
});
""",
        EXPRESS
        + """const cookieParser = require('cookie-parser');
app.use(cookieParser());

app.get('/__R__/profile', (req, res) => {
  const __V__ = Buffer.from(req.cookies.profile, 'base64').toString();
  const profile = JSON.parse(__V__);
  res.json({ name: String(profile.name) });
});
""",
        "js",
    ),
    (
        "template",
        "r3-ejs-render-body",
        EXPRESS
        + """const ejs = require('ejs');

app.post('/__R__/preview', (req, res) => {
  const __V__ = req.body.template;
  res.send(ejs.render(__V__, { user: req.user }));
});
""",
        EXPRESS
        + """const ejs = require('ejs');
const path = require('path');

app.post('/__R__/preview', (req, res) => {
  const __V__ = { user: req.user, note: String(req.body.template) };
  ejs.renderFile(path.join(__dirname, 'views', 'preview.ejs'), __V__, (err, html) => {
    if (err) return res.status(500).end();
    res.send(html);
  });
});
""",
        "js",
    ),
    (
        "template",
        "r3-handlebars-compile",
        EXPRESS_TS
        + """import Handlebars from 'handlebars';

app.post('/__R__/email-preview', (req: Request, res: Response) => {
  const __V__: string = req.body.body;
  const template = Handlebars.compile(__V__);
  res.send(template({ name: 'Customer' }));
});
""",
        EXPRESS_TS
        + """import Handlebars from 'handlebars';

const template = Handlebars.compile('<p>Dear {{name}},</p><p>{{message}}</p>');

app.post('/__R__/email-preview', (req: Request, res: Response) => {
  const __V__: string = req.body.body;
  res.send(template({ name: 'Customer', message: __V__ }));
});
""",
        "ts",
    ),
    (
        "xxe",
        "r3-libxmljs-noent",
        EXPRESS
        + """const libxmljs = require('libxmljs');
app.use(express.text({ type: 'application/xml' }));

app.post('/__R__/import', (req, res) => {
  const __V__ = libxmljs.parseXml(req.body, { noent: true, dtdload: true });
  res.json({ root: __V__.root().name() });
});
""",
        EXPRESS
        + """const libxmljs = require('libxmljs');
app.use(express.text({ type: 'application/xml' }));

app.post('/__R__/import', (req, res) => {
  const __V__ = libxmljs.parseXml(req.body, { noent: false, dtdload: false, nonet: true });
  res.json({ root: __V__.root().name() });
});
""",
        "js",
    ),
    (
        "ldap",
        "r3-ldapjs-filter",
        EXPRESS
        + """const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });

app.get('/__R__/lookup', (req, res) => {
  const __V__ = req.query.user;
  client.search('ou=people,dc=example,dc=com', { filter: `(uid=${__V__})`, scope: 'sub' }, (err, result) => {
    const entries = [];
    result.on('searchEntry', (entry) => entries.push(entry.pojo));
    result.on('end', () => res.json(entries));
  });
});
""",
        EXPRESS
        + """const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });

app.get('/__R__/lookup', (req, res) => {
  const __V__ = String(req.query.user);
  const filter = new ldap.EqualityFilter({ attribute: 'uid', value: __V__ });
  client.search('ou=people,dc=example,dc=com', { filter, scope: 'sub' }, (err, result) => {
    const entries = [];
    result.on('searchEntry', (entry) => entries.push(entry.pojo));
    result.on('end', () => res.json(entries));
  });
});
""",
        "js",
    ),
    (
        "weak-hash",
        "r3-createhash-md5-password",
        """const crypto = require('crypto');

function hashPassword(__V__) {
  return crypto.createHash('md5').update(__V__).digest('hex');
}

module.exports = { hashPassword };
""",
        """const crypto = require('crypto');

function hashPassword(__V__) {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(__V__, salt, 64);
  return salt.toString('hex') + ':' + key.toString('hex');
}

module.exports = { hashPassword };
""",
        "js",
    ),
    (
        "weak-random",
        "r3-math-random-token",
        """export function generateResetToken(): string {
  let __V__ = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) {
    __V__ += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return __V__;
}
""",
        """import { randomBytes } from 'crypto';

export function generateResetToken(): string {
  const __V__ = randomBytes(24).toString('base64url');
  return __V__;
}
""",
        "ts",
    ),
    (
        "cookie",
        "r3-res-cookie-session",
        EXPRESS
        + """const crypto = require('crypto');

app.post('/__R__/login', (req, res) => {
  const __V__ = crypto.randomBytes(32).toString('hex');
  res.cookie('sid', __V__);
  res.json({ ok: true });
});
""",
        EXPRESS
        + """const crypto = require('crypto');

app.post('/__R__/login', (req, res) => {
  const __V__ = crypto.randomBytes(32).toString('hex');
  res.cookie('sid', __V__, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.json({ ok: true });
});
""",
        "js",
    ),
    (
        "session",
        "r3-express-session-role",
        EXPRESS
        + """const session = require('express-session');
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/__R__/preferences', (req, res) => {
  const __V__ = req.body.role;
  req.session.role = __V__;
  res.json({ role: req.session.role });
});
""",
        EXPRESS
        + """const session = require('express-session');
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
const ROLES = ['viewer', 'editor'];

app.post('/__R__/preferences', (req, res) => {
  const __V__ = req.body.role;
  req.session.role = ROLES.includes(__V__) ? __V__ : 'viewer';
  res.json({ role: req.session.role });
});
""",
        "js",
    ),
    (
        "log",
        "r3-console-log-username",
        EXPRESS
        + """app.post('/__R__/login', (req, res) => {
  const __V__ = req.body.username;
  console.log(`Login attempt for ${__V__}`);
  res.status(401).json({ error: 'invalid credentials' });
});
""",
        EXPRESS
        + """app.post('/__R__/login', (req, res) => {
  const __V__ = String(req.body.username).replace(/[\\r\\n]/g, '');
  console.log(`Login attempt for ${__V__}`);
  res.status(401).json({ error: 'invalid credentials' });
});
""",
        "js",
    ),
    (
        "header",
        "r3-setheader-filename",
        EXPRESS
        + """app.get('/__R__/export', (req, res) => {
  const __V__ = req.query.name || 'export.csv';
  res.setHeader('Content-Disposition', `attachment; filename="${__V__}"`);
  res.send('id,total\\n');
});
""",
        EXPRESS
        + """app.get('/__R__/export', (req, res) => {
  const __V__ = encodeURIComponent(String(req.query.name || 'export.csv'));
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${__V__}`);
  res.send('id,total\\n');
});
""",
        "js",
    ),
    (
        "regex",
        "r3-new-regexp-search",
        EXPRESS
        + """const products = ['apple', 'banana', 'cherry'];

app.get('/__R__/search', (req, res) => {
  const __V__ = new RegExp(req.query.q, 'i');
  res.json(products.filter((p) => __V__.test(p)));
});
""",
        EXPRESS
        + """const products = ['apple', 'banana', 'cherry'];

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
}

app.get('/__R__/search', (req, res) => {
  const __V__ = new RegExp(escapeRegExp(String(req.query.q)), 'i');
  res.json(products.filter((p) => __V__.test(p)));
});
""",
        "js",
    ),
    (
        "error-disclosure",
        "r3-error-stack-json",
        EXPRESS
        + """const orders = require('./orders');

app.get('/__R__/:id', async (req, res) => {
  try {
    res.json(await orders.find(req.params.id));
  } catch (__V__) {
    res.status(500).json({ error: __V__.message, stack: __V__.stack });
  }
});
""",
        EXPRESS
        + """const orders = require('./orders');

app.get('/__R__/:id', async (req, res) => {
  try {
    res.json(await orders.find(req.params.id));
  } catch (__V__) {
    console.error(__V__);
    res.status(500).json({ error: 'Internal server error' });
  }
});
""",
        "js",
    ),
    (
        "upload",
        "r3-multer-originalname",
        EXPRESS
        + """const multer = require('multer');
const storage = multer.diskStorage({
  destination: 'public/uploads',
  filename: (req, file, cb) => cb(null, file.originalname),
});
const upload = multer({ storage });

app.post('/__R__/upload', upload.single('file'), (req, res) => {
  const __V__ = req.file.filename;
  res.json({ url: `/uploads/${__V__}` });
});
""",
        EXPRESS
        + """const multer = require('multer');
const crypto = require('crypto');
const path = require('path');
const ALLOWED = new Set(['.png', '.jpg', '.jpeg', '.gif']);
const storage = multer.diskStorage({
  destination: 'public/uploads',
  filename: (req, file, cb) => cb(null, crypto.randomUUID() + path.extname(file.originalname).toLowerCase()),
});
const upload = multer({
  storage,
  limits: { fileSize: 5 * 1024 * 1024 },
  fileFilter: (req, file, cb) => cb(null, ALLOWED.has(path.extname(file.originalname).toLowerCase())),
});

app.post('/__R__/upload', upload.single('file'), (req, res) => {
  const __V__ = req.file.filename;
  res.json({ url: `/uploads/${__V__}` });
});
""",
        "js",
    ),
    (
        "file-mode",
        "r3-writefile-mode-777",
        """import { writeFileSync } from 'fs';

export function saveCredentials(__V__: string): void {
  writeFileSync('/var/app/credentials.json', __V__, { mode: 0o777 });
}
""",
        """import { writeFileSync } from 'fs';

export function saveCredentials(__V__: string): void {
  writeFileSync('/var/app/credentials.json', __V__, { mode: 0o600 });
}
""",
        "ts",
    ),
]

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (category, name, _js(vulnerable), _js(safe), extension)
    for category, name, vulnerable, safe, extension in _RAW
]
