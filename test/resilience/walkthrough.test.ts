// The walkthrough (package.json contributes.walkthroughs) only links commands the manifest
// declares and the extension registers, and every step's picture exists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// %key% strings (localized manifest) are read from package.nls.json, as VS Code does.
const nlsFile = path.join(ROOT, 'package.nls.json');
const nls: Record<string, string> = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), (_k, v) =>
  typeof v === 'string' && /^%[^%]+%$/.test(v) && typeof nls[v.slice(1, -1)] === 'string' ? nls[v.slice(1, -1)] : v);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('resilience: the walkthrough links only real commands', () => {
  const walkthroughs = pkg.contributes.walkthroughs as { steps: { id: string; description: string; media: { image?: string }; completionEvents?: string[] }[] }[];
  const declared = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
  const source = walk(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

  it('covers profile/region, the three endpoint types, IAM DB auth and the ClickHouse side', () => {
    const text = JSON.stringify(walkthroughs);
    for (const id of ['clickpipes.selectProfiles', 'clickpipes.createVpcResourceEndpoint', 'clickpipes.createMskMultiVpcEndpoint', 'clickpipes.createEndpointServiceEndpoint',
      'clickpipes.createIamDbAuthRole', 'clickpipes.clickhouse.signIn', 'clickpipes.clickhouse.createEndpoint', 'clickpipes.clickhouse.copyConnectionAddress']) {
      assert.ok(text.includes(`command:${id})`), `a step runs ${id}`);
    }
  });

  for (const w of walkthroughs ?? []) {
    for (const step of w.steps) {
      it(`step ${step.id}: its commands are declared and registered, its picture exists`, () => {
        const ids = [...`${step.description} ${(step.completionEvents ?? []).join(' ')}`.matchAll(/(?:command:|onCommand:)([\w.]+)/g)].map((m) => m[1]);
        for (const id of ids) {
          assert.ok(declared.has(id), `${id} is in contributes.commands`);
          assert.ok(source.includes(`'${id}'`), `${id} is registered in src/`);
        }
        assert.ok(step.media.image && fs.existsSync(path.join(ROOT, step.media.image)), `${step.media.image} exists`);
      });
    }
  }
});
