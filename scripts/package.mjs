#!/usr/bin/env node
// `npm run package`: production bundles (minified, no sourcemaps) → dist-vsix/clickpipes-privatelink.vsix
// with @vscode/vsce --no-dependencies (the AWS SDK is bundled into dist/aws.js by esbuild, so the
// VSIX carries no node_modules). What goes in is decided by .vscodeignore; check with `npx vsce ls`.
// The README's links: scripts/lib/vsceArgs.mjs (CPL_BASE_URL, for the Marketplace).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vsceArgs } from './lib/vsceArgs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(ROOT, 'dist-vsix', 'clickpipes-privatelink.vsix');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
// Before the build, so a mistyped CPL_BASE_URL stops at once.
const args = vsceArgs(process.env, out);

// Stale sourcemaps from a dev build are excluded by .vscodeignore, but remove them anyway.
if (existsSync(path.join(ROOT, 'dist'))) for (const f of readdirSync(path.join(ROOT, 'dist'), { recursive: true })) {
  if (String(f).endsWith('.map')) rmSync(path.join(ROOT, 'dist', String(f)), { force: true });
}
run(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production']);
mkdirSync(path.dirname(out), { recursive: true });
run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), args);
console.log(`VSIX: ${path.relative(ROOT, out)}`);
