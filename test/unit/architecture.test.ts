// The arrows of docs/ARCHITECTURE.md, enforced: every import in src/ (static, `export … from`,
// dynamic `import()` and `require()`, read by the TypeScript scanner so comments and strings do not
// count) must point the documented way. A flow module that pulls a webview form into the plan
// engine, or the model reaching for the AWS layer, fails here with the file and the import.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const src = path.resolve(__dirname, '../../../src');

/** The folders ("rooms") of src/ and the rooms each may import. */
export const ALLOWED: Record<string, readonly string[]> = {
  commands: ['views', 'webviews', 'plans', 'model', 'aws', 'clickhouse'],
  views: ['model', 'aws', 'clickhouse'],
  webviews: ['model', 'aws', 'clickhouse'],
  plans: ['model', 'aws', 'clickhouse'],
  aws: ['model'],
  clickhouse: ['model'],
  model: [],
};
/** Files at the top of src/ that wire the rooms together (activation, the lazy bundles). */
const WIRING = new Set(['extension', 'features', 'featureLoader', 'awsLoader']);
/** Top-level helpers every room may use; the pure model only the `{0}` formatter. */
const SHARED = new Set(['l10n', 'l10nFormat', 'log']);
const MODEL_SHARED = new Set(['l10nFormat']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** Every module specifier the file loads, including `import('…')` and `require('…')`. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** `commands`, `views`, … for a file in a room; `wiring:<name>` / `shared:<name>` at the top. */
export function roomOf(file: string): string {
  const rel = path.relative(src, file).split(path.sep);
  if (rel.length > 1) return rel[0];
  const name = rel[0].replace(/\.ts$/, '');
  return WIRING.has(name) ? `wiring:${name}` : SHARED.has(name) ? `shared:${name}` : `unknown:${name}`;
}

/** Why `from` may not import `to` (both rooms as roomOf names them), or undefined when it may. */
export function violation(from: string, to: string): string | undefined {
  if (from === to || from.startsWith('wiring:')) return undefined;
  if (to.startsWith('wiring:')) return `${to.slice(7)} wires the rooms together; no room imports it`;
  if (to.startsWith('unknown:') || from.startsWith('unknown:')) return 'a file at the top of src/ that is neither wiring nor a shared helper: give it a room';
  if (from.startsWith('shared:')) return to.startsWith('shared:') || to === 'model' ? undefined : 'a shared helper imports no room';
  if (to.startsWith('shared:')) return from !== 'model' || MODEL_SHARED.has(to.slice(7)) ? undefined : 'src/model is pure: it imports nothing outside itself';
  const allowed = ALLOWED[from];
  if (!allowed) return `unknown room ${from}`;
  return allowed.includes(to) ? undefined : `${from} → ${to} is against the documented direction`;
}

/** Every import in src/ that breaks the arrows, as `file: spec (why)`. */
export function arrowViolations(files: { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      const why = violation(roomOf(file), roomOf(target.endsWith('.ts') ? target : `${target}.ts`));
      if (why) found.push(`${path.relative(src, file)}: ${spec} (${why})`);
    }
  }
  return found;
}

const read = () => sourceFiles(src).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

describe('architecture: imports follow the documented arrows', () => {
  it('reads static, re-export, dynamic and require imports, not comments', () => {
    const text = [
      "import type { A } from './a';",
      "export { B } from '../b';",
      "const c = await import('./c');",
      "const d = require('./d');",
      "// import { e } from './e';",
      "const f = \"import { g } from './g'\";",
    ].join('\n');
    assert.deepEqual(importsOf(text), ['./a', '../b', './c', './d']);
  });

  it('names every file of src/ by a known room', () => {
    const files = read();
    assert.ok(files.length > 100, 'could not read src/');
    assert.deepEqual(files.map((f) => roomOf(f.file)).filter((r) => r.startsWith('unknown:')), []);
  });

  it('finds a planted bad import in each forbidden direction', () => {
    const at = (room: string, name = 'x.ts') => path.join(src, room, name);
    const planted = [
      { file: at('plans'), text: "import { openForm } from '../webviews/forms';" },
      { file: at('webviews'), text: "const m = await import('../plans/executor');" },
      { file: at('model'), text: "import { log } from '../log';" },
      { file: at('model'), text: "import type { AwsLayer } from '../aws/api';" },
      { file: at('aws'), text: "import { ClickHouseApi } from '../clickhouse/api';" },
      { file: at('views'), text: "import { registerCommands } from '../commands';" },
      { file: at('clickhouse'), text: "export * from '../plans/journal';" },
      { file: at('commands'), text: "import { activate } from '../extension';" },
    ];
    assert.equal(arrowViolations(planted).length, planted.length, arrowViolations(planted).join('\n'));
    const fine = [
      { file: at('commands'), text: "import { applyPlan } from '../plans/executor'; import { openForm } from '../webviews/forms';" },
      { file: at('aws'), text: "import { redact } from '../model/redact';" },
      { file: at('model'), text: "import { format } from '../l10nFormat';" },
      { file: path.join(src, 'extension.ts'), text: "import { registerCommands } from './commands';" },
    ];
    assert.deepEqual(arrowViolations(fine), []);
  });

  it('no import in src/ points against the arrows', () => {
    assert.deepEqual(arrowViolations(read()), []);
  });
});
