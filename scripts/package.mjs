#!/usr/bin/env node
// `npm run package`: production bundles (minified, no sourcemaps) → dist-vsix/clickpipes-privatelink.vsix
// with @vscode/vsce --no-dependencies (the AWS SDK is bundled into dist/aws.js by esbuild, so the
// VSIX carries no node_modules). What goes in is decided by .vscodeignore; check with `npx vsce ls`.
// --allow-missing-repository: the project has no public repository yet, and a made-up URL would be worse.
// --no-rewrite-relative-links: without one, vsce cannot make the README's links absolute; they stay
// relative to the extension folder, where VS Code's extension page finds the pictures (they ship).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(ROOT, 'dist-vsix', 'clickpipes-privatelink.vsix');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

// Stale sourcemaps from a dev build are excluded by .vscodeignore, but remove them anyway.
if (existsSync(path.join(ROOT, 'dist'))) for (const f of readdirSync(path.join(ROOT, 'dist'), { recursive: true })) {
  if (String(f).endsWith('.map')) rmSync(path.join(ROOT, 'dist', String(f)), { force: true });
}
run(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production']);
mkdirSync(path.dirname(out), { recursive: true });
run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
console.log(`VSIX: ${path.relative(ROOT, out)}`);
