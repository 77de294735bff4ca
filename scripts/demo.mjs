#!/usr/bin/env node
// `npm run demo`: packages the extension, starts the local AWS emulator (scenario demo, seeded
// account 123456789012) with the `clickpipes-demo` profile written into an isolated home, starts
// code-server with the VSIX INSTALLED into its own extensions dir, prints the URL, and runs until
// Ctrl-C; then stops code-server (whole process group) and the emulator.
// Why an installed VSIX rather than a development path: the printed URL is a plain URL that works
// in any browser (the development path needs a ?payload= that only the smoke-test driver reads),
// and the demo runs exactly the artifact users install.
//   env: CPL_DEMO_PORT (default 8080, or a free port if taken), CPL_DEMO_SCENARIO (demo|empty|scale)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureTools } from './bootstrap.mjs';
import { freePort } from './lib/server.mjs';
import { startSession } from './lib/session.mjs';
import { createServer } from 'node:net';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSIX = path.join(ROOT, 'dist-vsix', 'clickpipes-privatelink.vsix');
// The demo's own folder: its README.md ("Start here") opens at start-up (workbench.startupEditor).
const WORKSPACE = path.join(ROOT, 'demo', 'workspace');

function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

try {
  ensureTools();
} catch (e) {
  console.error(`[demo] ${e.message}`);
  process.exit(1);
}
// The VSIX (production bundles), and the compiled emulator (out/test/emulator) it talks to.
execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.test.json'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

const wanted = Number(process.env.CPL_DEMO_PORT || 8080);
const port = (await portFree(wanted)) ? wanted : await freePort();
let session;
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\n[demo] stopping code-server and the emulator…');
  await session?.stop().catch(() => {});
  console.log('[demo] stopped');
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(0));

try {
  session = await startSession({
    name: 'demo', scenario: process.env.CPL_DEMO_SCENARIO || 'demo', installVsix: VSIX, port, smokeTestDriver: false,
    settings: { 'workbench.startupEditor': 'readme' },
  });
} catch (e) {
  console.error(`[demo] ${e.message}`);
  process.exit(1);
}
const { server, emulator } = session;
// The emulator's demo key, from the compiled emulator (built above), so it never drifts from it.
const { DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET } = await import(pathToFileURL(path.join(ROOT, 'out', 'test', 'emulator', 'services', 'clickhouse.js')).href);
console.log('');
console.log(`  VS Code (code-server):  ${server.url}/?folder=${encodeURIComponent(WORKSPACE)}`);
console.log(`  AWS emulator:           ${emulator ? `${emulator.url}  (profile ${emulator.profile}, account 123456789012)` : 'not built yet (no out/test/emulator/index.js)'}`);
console.log(`  ClickHouse Cloud key:   key ID ${DEMO_CH_KEY_ID}, secret ${DEMO_CH_KEY_SECRET}  (the emulator's demo key: ClickHouse Cloud view → Sign in)`);
console.log(`  isolated home:          ${server.home}`);
console.log(`  Open the first URL: "Start here" opens; then the ClickPipes icon in the activity bar.`);
console.log(`  Remote machine? ssh -L ${server.port}:127.0.0.1:${server.port} <host>, then open the same URL locally.`);
console.log('  Ctrl-C stops everything.');
server.exited.then((code) => {
  if (stopping) return;
  console.error(`[demo] code-server exited (${code}); log: ${server.logFile}`);
  stop(1);
});
