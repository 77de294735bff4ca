// l10n: the manifest's %keys% resolve in package.nls.json, the code's l10n.t messages and the
// webviews' and src/model's t() messages are in the source bundle (npm run l10n:export), src/l10n.ts
// formats like vscode.l10n.t outside VS Code, and src/model translates through its pluggable t().
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../../src/l10n';
import { validateMskAuthSelection, validateVpcId } from '../../src/model/validation';
import { mskReadiness } from '../../src/model/readiness';
import { setTranslator, t } from '../../src/model/text';

const root = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

describe('l10n', () => {
  it('every %key% in package.json is in package.nls.json, and every key there is used', () => {
    const manifest = read('package.json');
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 50, `only ${used.size} manifest strings are localized`);
    for (const key of used) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `package.nls.json has no "${key}"`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json key "${key}" is not used in package.json`);
    assert.equal(JSON.parse(manifest).l10n, './l10n');
  });

  it('command titles and categories, view names and setting descriptions are all localized', () => {
    const pkg = JSON.parse(read('package.json'));
    const c = pkg.contributes;
    const isKey = (v: unknown) => typeof v === 'string' && /^%[^%]+%$/.test(v);
    for (const cmd of c.commands) {
      assert.ok(isKey(cmd.title), `${cmd.command} title`);
      if (cmd.category) assert.ok(isKey(cmd.category), `${cmd.command} category`);
    }
    for (const v of Object.values(c.views).flat() as { id: string; name: string }[]) assert.ok(isKey(v.name), `${v.id} name`);
    for (const w of c.viewsWelcome) assert.ok(isKey(w.contents), `welcome of ${w.view}`);
    for (const [k, p] of Object.entries(c.configuration.properties) as [string, { description?: string; markdownDescription?: string }][]) {
      assert.ok(isKey(p.description ?? p.markdownDescription), `${k} description`);
    }
  });

  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
  const webviewApp = path.join(root, 'src', 'webviews', 'app') + path.sep;
  const model = path.join(root, 'src', 'model') + path.sep;
  const where = (file: string) => (file.startsWith(webviewApp) ? 'webview' : file.startsWith(model) ? 'model' : 'host');

  it('l10n/bundle.l10n.json is exactly the l10n.t messages in src and the t() messages of the webviews and src/model (run npm run l10n:export)', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    const count = { host: 0, webview: 0, model: 0 };
    const found = new Set<string>();
    for (const file of files(path.join(root, 'src'))) {
      const kind = where(file);
      const call = kind === 'host' ? /\bl10n\.t\(\s*'((?:[^'\\\n]|\\.)*)'/g : /\bt\(\s*'((?:[^'\\\n]|\\.)*)'/g;
      for (const m of fs.readFileSync(file, 'utf8').matchAll(call)) {
        const message = m[1].replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
        assert.ok(message in bundle, `${path.relative(root, file)}: "${message}" is not in l10n/bundle.l10n.json`);
        found.add(message);
        count[kind]++;
      }
    }
    for (const message of Object.keys(bundle)) assert.ok(found.has(message), `l10n/bundle.l10n.json: "${message}" is no longer used`);
    assert.ok(count.host > 100, `only ${count.host} l10n.t calls found`);
    assert.ok(count.webview > 100, `only ${count.webview} webview t() calls found`);
    assert.ok(count.model > 150, `only ${count.model} src/model t() calls found`);
  });

  it('every t() call of the webviews and src/model starts with a literal message, so the export finds it', () => {
    for (const file of [...files(webviewApp), ...files(model)]) {
      const text = fs.readFileSync(file, 'utf8').replace(/function t\(/g, '');
      for (const m of text.matchAll(/\bt\((?!\s*[')])(.{0,40})/g)) assert.fail(`${path.relative(root, file)}: t(${m[1]}… has no literal message`);
    }
  });

  it('src/l10n.ts substitutes {0} and {name} like vscode.l10n.t when VS Code is absent', () => {
    assert.equal(l10n.t('Copied {0}', 'rcfg-1'), 'Copied rcfg-1');
    assert.equal(l10n.t('{0} of {1}', 2, 5), '2 of 5');
    assert.equal(l10n.t('Hello {who}', { who: 'you' }), 'Hello you');
    assert.equal(l10n.t('Regions per profile, e.g. { "prod": [] }'), 'Regions per profile, e.g. { "prod": [] }');
    assert.equal(l10n.t('{0} stays {1}', 'x'), 'x stays {1}');
  });
});

describe('src/model messages (src/model/text.ts)', () => {
  afterEach(() => setTranslator());

  it('are English with {0} substituted by default', () => {
    assert.equal(validateVpcId('vpc-1'), 'VPC ID must be "vpc-" followed by 8 or 17 lowercase hex characters (got "vpc-1").');
    assert.equal(validateVpcId(''), 'VPC ID is required.');
    assert.equal(t('{0} of {1}', 2, 5), '2 of 5');
  });

  it('go through the translator set with setTranslator, labels and whole sentences alike', () => {
    const de: Record<string, string> = {
      'VPC ID': 'VPC-ID',
      '{0} must be "{1}-" followed by 8 or 17 lowercase hex characters (got "{2}").': '{0} muss „{1}-“ gefolgt von 8 oder 17 Hex-Zeichen sein (war „{2}“).',
      'Authentication: choose SASL/IAM or SASL/SCRAM (ClickPipes connects with one of them).': 'Authentifizierung: SASL/IAM oder SASL/SCRAM wählen.',
      'Serverless cluster: ClickPipes multi-VPC connectivity needs a provisioned cluster.': 'Serverless-Cluster: nicht unterstützt.',
    };
    const seen: string[] = [];
    setTranslator((message, args) => {
      seen.push(message);
      return l10n.t(de[message] ?? message, ...args);
    });
    assert.equal(validateVpcId('vpc-1'), 'VPC-ID muss „vpc-“ gefolgt von 8 oder 17 Hex-Zeichen sein (war „vpc-1“).');
    assert.equal(validateVpcId(''), 'VPC-ID is required.');
    assert.equal(validateMskAuthSelection({ iam: false, scram: false }), 'Authentifizierung: SASL/IAM oder SASL/SCRAM wählen.');
    const serverless = { clusterType: 'SERVERLESS' } as Parameters<typeof mskReadiness>[0];
    assert.deepEqual(mskReadiness(serverless), [{ level: 'error', message: 'Serverless-Cluster: nicht unterstützt.' }]);
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    for (const message of seen) assert.ok(message in bundle, `"${message}" reached the translator but is not in the bundle`);

    setTranslator();
    assert.equal(validateVpcId(''), 'VPC ID is required.');
  });
});
