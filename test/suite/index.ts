// Mocha runner INSIDE the VS Code extension host (code-server via scripts/run-suite.mjs, or desktop
// VS Code via scripts/run-electron.mjs). VS Code requires this file and awaits run().
// Loads every out/test/suite/**/*.test.js, writes a JSON results file (env CPL_SUITE_RESULTS,
// default test-results/suite-results.json) and prints `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findTests(f));
    else if (e.name.endsWith('.test.js')) out.push(f);
  }
  return out.sort();
}

interface Result { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const grep = process.env.CPL_SUITE_GREP;
  if (grep) mocha.grep(grep);
  for (const f of findTests(__dirname)) mocha.addFile(f);
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const resultsFile = process.env.CPL_SUITE_RESULTS || path.join(repoRoot, 'test-results', 'suite-results.json');
  const results: Result[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = results.filter((r) => r.state === 'passed').length;
        const failed = results.filter((r) => r.state === 'failed').length;
        const pending = results.filter((r) => r.state === 'pending').length;
        try {
          fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
          fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, pending, vscode: process.versions, results }, null, 2));
        } catch (e) {
          console.error(`could not write ${resultsFile}: ${String(e)}`);
        }
        console.log(`${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack || err) }));
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
    } catch (e) {
      reject(e);
    }
  });
}
