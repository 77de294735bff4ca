#!/usr/bin/env node
// `npm run l10n:export`: writes l10n/bundle.l10n.json, the English source bundle translators copy
// to bundle.l10n.<locale>.json. Collects the first argument of every `l10n.t('…')` call in src/
// (vscode.l10n.t and src/l10n.ts), of every `t('…')` in src/webviews/app (the pages' own
// text, translated in the page from the bundle the host embeds) and of every `t('…')` in
// src/model (src/model/text.ts: field errors, readiness findings…, translated by whichever side
// runs them), keyed by the message itself as VS Code expects: one translation file covers all.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
const CALL = /\bl10n\.t\(\s*'((?:[^'\\\n]|\\.)*)'/g;
const BARE_CALL = /\bt\(\s*'((?:[^'\\\n]|\\.)*)'/g;
// Directories whose messages go through a bare t(): the webview pages and the pure model.
const BARE_T = [path.join(ROOT, 'src', 'webviews', 'app') + path.sep, path.join(ROOT, 'src', 'model') + path.sep];
const unescape = (s) => s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, c) =>
  c === 'n' ? '\n' : c === 't' ? '\t' : c.startsWith('u') ? String.fromCodePoint(parseInt(c.replace(/[u{}]/g, ''), 16)) : c);

const messages = new Map();
for (const file of files(path.join(ROOT, 'src')).sort()) {
  const calls = BARE_T.some((dir) => file.startsWith(dir)) ? BARE_CALL : CALL;
  for (const m of readFileSync(file, 'utf8').matchAll(calls)) messages.set(unescape(m[1]), unescape(m[1]));
}
const sorted = Object.fromEntries([...messages.entries()].sort(([a], [b]) => a.localeCompare(b)));
const out = path.join(ROOT, 'l10n', 'bundle.l10n.json');
writeFileSync(out, JSON.stringify(sorted, null, 2) + '\n');
console.log(`${messages.size} messages → ${path.relative(ROOT, out)}`);
