#!/usr/bin/env node
// `npm run test:electron`: the same suite (out/test/suite/index.js) in a desktop VS Code through the
// standard @vscode/test-electron launcher. For desktop machines with internet access: it DOWNLOADS
// VS Code (into .vscode-test/) on first use, so it cannot run on the offline CI machine, where
// `npm run test:suite` runs the suite in code-server instead.
//   env: CPL_VSCODE_VERSION (default: stable), CPL_EMULATOR_URL etc. are passed through.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  await runTests({
    version: process.env.CPL_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'suite', 'index.js'),
    launchArgs: [path.join(ROOT, 'test', 'ui', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { CPL_SUITE_RESULTS: path.join(ROOT, 'test-results', 'suite-results-electron.json') },
  });
} catch (e) {
  console.error(`test:electron failed: ${e.message || e}`);
  process.exit(1);
}
