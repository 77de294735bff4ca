#!/usr/bin/env node
// `npm run l10n:export`: writes l10n/bundle.l10n.json, the English source bundle translators copy
// to bundle.l10n.<locale>.json. Collects the first argument of every `l10n.t('…')` call in src/
// (vscode.l10n.t and src/l10n.ts), keyed by the message itself as VS Code expects. src/model is
// pure code without l10n and src/webviews/app runs in the webview: neither holds such calls.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
const CALL = /\bl10n\.t\(\s*'((?:[^'\\\n]|\\.)*)'/g;
const unescape = (s) => s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, c) =>
  c === 'n' ? '\n' : c === 't' ? '\t' : c.startsWith('u') ? String.fromCodePoint(parseInt(c.replace(/[u{}]/g, ''), 16)) : c);

const messages = new Map();
for (const file of files(path.join(ROOT, 'src')).sort()) {
  for (const m of readFileSync(file, 'utf8').matchAll(CALL)) messages.set(unescape(m[1]), unescape(m[1]));
}
const sorted = Object.fromEntries([...messages.entries()].sort(([a], [b]) => a.localeCompare(b)));
const out = path.join(ROOT, 'l10n', 'bundle.l10n.json');
writeFileSync(out, JSON.stringify(sorted, null, 2) + '\n');
console.log(`${messages.size} messages → ${path.relative(ROOT, out)}`);
