// Starts code-server (a real VS Code 1.139 with a Node extension host) isolated and offline, for
// the suite runner, the UI runner and the demo. See docs: real-vscode-offline.md.
//
//   const s = await startServer({ settings, env, installVsix, workspace });
//   s.url / s.port / s.home / s.workbenchUrl({ folder, payload })   …   await s.stop();
//
// Isolation: temp HOME and XDG_* dirs, --config with bind-addr 127.0.0.1:<free port>, auth none,
// cert false, its own user-data and extensions dirs, the gallery pointed at a dead loopback port,
// telemetry/update checks off. The server runs in its own process group (detached = setsid) and
// the whole group is killed on stop, process exit and SIGINT/SIGTERM/SIGHUP.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, openSync, closeSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureTools } from '../bootstrap.mjs';

export const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
};

// Nothing listens on port 9 (discard): gallery calls fail fast and locally.
const LOOPBACK_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/r/{publisher}/{name}/{version}/{path}',
});

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Environment for anything that must stay inside a temp home (server, browser). */
export function isolatedEnv(home) {
  const xdg = {
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: path.join(home, '.run'),
  };
  for (const d of Object.values(xdg)) mkdirSync(d, { recursive: true, mode: 0o700 });
  return { HOME: home, ...xdg };
}

const live = new Set();
let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => { for (const s of live) s.killGroup('SIGKILL'); });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      for (const s of live) s.killGroup('SIGKILL');
      // Exit unless the script has its own handler for this signal (the demo stops gracefully).
      if (process.listenerCount(sig) === 1) process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * @param {object} o
 * @param {Record<string, unknown>} [o.settings] extra user settings (merged over BASE_SETTINGS)
 * @param {Record<string, string>} [o.env] extra server env (inherited by the extension host)
 * @param {string} [o.installVsix] a .vsix to install into the isolated extensions dir first
 * @param {number} [o.port] fixed port (default: a free one)
 * @param {boolean} [o.keepHome] do not delete the temp home on stop
 * @param {string} [o.name] label used in the temp dir name
 * @param {boolean} [o.smokeTestDriver] false: no --vscode-option enable-smoke-test-driver (demo)
 * @param {string[]} [o.args] extra code-server arguments (e.g. ['--log', 'trace'] for benches)
 * @param {string} [o.home] use this (existing) temp home instead of creating one; deleted on stop
 */
export async function startServer(o = {}) {
  const tools = ensureTools();
  installExitHooks();
  const home = o.home || makeHome(o.name);
  const runDir = path.join(home, 'run');
  const userData = path.join(runDir, 'user-data');
  const extDir = path.join(runDir, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  const port = o.port || (await freePort());
  const host = '127.0.0.1';
  const configFile = path.join(runDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...(o.settings || {}) }, null, 2));

  const env = {
    ...process.env,
    ...isolatedEnv(home),
    PATH: `${tools.node24Bin}:${process.env.PATH}`,
    EXTENSIONS_GALLERY: LOOPBACK_GALLERY,
    AWS_EC2_METADATA_DISABLED: 'true',
    VSCODE_CLI_DISABLE_TELEMETRY: '1',
    ...(o.env || {}),
  };
  // Never leak the developer's npm/Node settings into the server.
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  delete env.NODE_OPTIONS;

  const common = ['--config', configFile, '--user-data-dir', userData, '--extensions-dir', extDir];
  if (o.installVsix) {
    const r = spawnSync(tools.node24, [tools.codeServerEntry, ...common, '--install-extension', o.installVsix, '--force'], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`--install-extension ${o.installVsix} failed:\n${r.stdout}\n${r.stderr}`);
  }

  const logFile = path.join(runDir, 'server.log');
  const fd = openSync(logFile, 'a');
  const args = [
    tools.codeServerEntry, ...common,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    // Lets the workbench read extensionDevelopmentPath/extensionTestsPath from ?payload= (tests).
    ...(o.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    ...(o.args || []),
  ];
  // detached: true = setsid(): the server and everything it spawns (extension hosts, agent
  // processes) share one new process group, killed together with kill(-pgid).
  const child = spawn(tools.node24, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const pgid = child.pid;
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, sig) => { exited = true; resolve(code ?? sig); }));

  const server = {
    host, port, home, logFile, userData, extDir, pid: pgid,
    /** Resolves when the code-server process exits (exit code or signal). */
    exited: exitedPromise,
    url: `http://${host}:${port}`,
    killGroup(sig = 'SIGTERM') {
      try { process.kill(-pgid, sig); } catch { /* group gone */ }
    },
    /** URL of the workbench; payload = [[key, value]] pairs read by the smoke-test driver. */
    workbenchUrl({ folder, payload } = {}) {
      const q = [];
      if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
      if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${server.url}/${q.length ? '?' + q.join('&') : ''}`;
    },
    /** vscode-remote:// URI for an absolute path on this machine, as payloads need. */
    remoteUri(absPath) {
      return `vscode-remote://${host}:${port}${absPath}`;
    },
    log() {
      try { return readFileSync(logFile, 'utf8'); } catch { return ''; }
    },
    /** server.log plus every VS Code log (server, extension hosts, output channels). */
    allLogs() {
      const parts = [server.log()];
      const logsDir = path.join(userData, 'logs');
      if (existsSync(logsDir)) {
        for (const f of readdirSync(logsDir, { recursive: true })) {
          if (String(f).endsWith('.log')) try { parts.push(readFileSync(path.join(logsDir, String(f)), 'utf8')); } catch { /* rotated */ }
        }
      }
      return parts.join('\n');
    },
    async stop() {
      if (!live.has(server)) return;
      live.delete(server);
      server.killGroup('SIGTERM');
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && groupAlive(pgid)) await sleep(100);
      if (groupAlive(pgid)) server.killGroup('SIGKILL');
      if (!o.keepHome && !process.env.CPL_KEEP_HOME) rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
  live.add(server);

  // Ready when /healthz answers.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start:\n${server.log()}`);
    try {
      const r = await fetch(`${server.url}/healthz`);
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) { await server.stop(); throw new Error(`code-server did not answer within 60 s:\n${server.log()}`); }
    await sleep(150);
  }
  return server;
}

/** A fresh temp dir to serve as HOME (also holds run/ and .aws/). */
export function makeHome(name = 'vscode') {
  return mkdtempSync(path.join(tmpdir(), `cpl-${name}-`));
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Hosts the server side tried to resolve and could not (a sign of a request leaving the machine). */
export function externalLookupsInLog(text) {
  const hosts = new Set();
  for (const m of text.matchAll(/(?:ENOTFOUND|EAI_AGAIN)\s+([A-Za-z0-9.-]+)/g)) hosts.add(m[1]);
  return [...hosts];
}

