// src/model is pure (no vscode, no SDK, no node I/O) and validation.ts is bundled into the
// webview, so it and everything it imports must not touch node built-ins either.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../../src/model');
// The one module outside src/model it may use: the pure `{0}` formatting (src/model/text.ts).
const l10nFormat = path.resolve(root, '../l10nFormat');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/g;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec);

describe('model purity', () => {
  it('no module in src/model imports vscode, the AWS SDK or node built-ins', () => {
    for (const file of files(root)) {
      for (const spec of imports(file)) {
        const rel = path.relative(root, file);
        assert.ok(!spec.startsWith('vscode') && !spec.startsWith('@aws-sdk') && !spec.startsWith('@smithy'), `${rel} imports ${spec}`);
        assert.ok(!isBuiltin(spec), `${rel} imports node built-in ${spec}`);
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          assert.ok(target.startsWith(root) || target === l10nFormat, `${rel} imports ${spec}, outside src/model`);
        }
      }
    }
  });

  it('validation.ts, formValidation.ts and their imports use only relative model modules (webview bundle)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of imports(file)) {
        assert.ok(spec.startsWith('./') || spec.startsWith('../'), `${path.relative(root, file)} imports package ${spec}`);
        visit(`${path.resolve(path.dirname(file), spec)}.ts`);
      }
    };
    visit(path.join(root, 'validation.ts'));
    visit(path.join(root, 'formValidation.ts'));
    assert.ok(seen.has(`${l10nFormat}.ts`), 'validation.ts messages go through text.ts');
    assert.deepEqual(imports(`${l10nFormat}.ts`), [], 'src/l10nFormat.ts imports nothing');
    assert.ok(seen.size >= 3);
  });
});
