#!/usr/bin/env node
// `npm run test:electron`: the same suite (out/test/suite/index.js) in a desktop VS Code through the
// standard @vscode/test-electron launcher. For desktop machines with internet access: it DOWNLOADS
// VS Code (into .vscode-test/) on first use, so it cannot run on the offline CI machine, where
// `npm run test:suite` runs the suite in code-server instead.
// Like test:suite, it starts the local emulator (demo scenario) with an AWS profile in a temporary
// folder and hands the extension host its AWS_* and CPL_EMULATOR_URL variables: no AWS is called.
//   env: CPL_VSCODE_VERSION (default: stable).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { startEmulatorWithProfile } from './lib/emulator.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const home = mkdtempSync(path.join(tmpdir(), 'cpl-electron-'));
let emulator;
try {
  emulator = await startEmulatorWithProfile({ scenario: 'demo', awsDir: path.join(home, '.aws') });
  await runTests({
    version: process.env.CPL_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'suite', 'index.js'),
    launchArgs: [path.join(ROOT, 'test', 'ui', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { ...emulator?.env, CPL_SUITE_RESULTS: path.join(ROOT, 'test-results', 'suite-results-electron.json') },
  });
} catch (e) {
  console.error(`test:electron failed: ${e.message || e}`);
  process.exitCode = 1;
} finally {
  await emulator?.stop();
  rmSync(home, { recursive: true, force: true });
}
