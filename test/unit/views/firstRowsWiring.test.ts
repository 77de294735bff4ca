// What the person sees first, through the real wiring (registerExplorer → ExplorerProvider, the
// config-file reader of dist/profiles.js): the profile rows, drawn from the AWS config files with
// no AWS layer asked for — so no SDK module evaluated and no network in front of them — and the
// account id arriving afterwards as a change event on the profile's row.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AwsLayer } from '../../../src/aws/api';
import type { ExplorerDeps } from '../../../src/views/explorer/register';
import { fakeVscode, withFakeVscode } from '../fakeVscode';
import { ACCOUNT, FakeAws } from './fakeAws';

const outSrc = path.resolve(__dirname, '../../../src');
type Item = { label?: string; description?: string };
type Provider = {
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
  onDidChangeTreeData(listener: (node: unknown) => void): unknown;
};

/** Temp AWS config + credentials files, pointed at by AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE. */
function awsFiles(config: string): { env: Record<string, string>; restore(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpl-first-rows-'));
  fs.writeFileSync(path.join(dir, 'config'), config);
  fs.writeFileSync(path.join(dir, 'credentials'), '');
  const env = { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_PROFILE: 'demo' };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return {
    env,
    restore() {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(what: string, ready: () => boolean): Promise<void> {
  const end = Date.now() + 2000;
  while (!ready()) {
    if (Date.now() > end) assert.fail(what);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('views/explorer: the first rows through the real wiring', () => {
  it('profile rows come from the config files with no AWS layer asked for; the account id follows as a row change', async () => {
    const files = awsFiles('[profile demo]\nregion = eu-west-1\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n');
    const fake = fakeVscode();
    let provider: Provider | undefined;
    const window = (fake.module as { window: Record<string, unknown> }).window;
    // The view is shown: as when the ClickPipes icon is clicked.
    window.createTreeView = (_id: string, opts: { treeDataProvider: Provider }) => {
      provider = opts.treeDataProvider;
      return { visible: true, onDidChangeVisibility: () => ({ dispose() {} }), dispose() {} };
    };
    const aws = new FakeAws();
    const layerAsks: string[] = [];
    try {
      await withFakeVscode(fake, async () => {
        /* eslint-disable @typescript-eslint/no-require-imports -- the compiled modules, loaded under the fake vscode */
        const { registerExplorer } = require(path.join(outSrc, 'views/explorer/register.js')) as typeof import('../../../src/views/explorer/register');
        const { profileReader } = require(path.join(outSrc, 'aws/profileReader.js')) as typeof import('../../../src/aws/profileReader');
        /* eslint-enable @typescript-eslint/no-require-imports */
        const context = { subscriptions: [] as { dispose(): unknown }[] };
        const deps: ExplorerDeps = {
          aws: (): AwsLayer => {
            layerAsks.push(new Error('asked for the AWS layer').stack ?? '');
            return aws.layer;
          },
          isAwsLoaded: () => layerAsks.length > 0,
          profiles: () => profileReader,
          databaseRoles: undefined,
          // In dist/features.js: drawing rows must not ask for it (only a hover does).
          tooltips: () => assert.fail('drawing the first rows asked for the tooltip builder'),
        };
        registerExplorer(context as never, deps);
        assert.ok(provider, 'no tree view was created');
        const roots = await provider.getChildren();
        const items = roots.map((n) => provider!.getTreeItem(n));
        assert.deepEqual(items.map((i) => i.label), ['demo']);
        assert.deepEqual(layerAsks, [], 'the AWS layer was asked for before the profile rows were out');

        const changed: unknown[] = [];
        provider.onDidChangeTreeData((n) => changed.push(n));
        const regions = await provider.getChildren(roots[0]);
        assert.deepEqual(regions.map((n) => provider!.getTreeItem(n).label), ['eu-west-1']);
        assert.deepEqual(layerAsks, [], 'the AWS layer was asked for before the region rows were out');

        await until('the account id did not arrive as a change of the profile row', () => changed.includes(roots[0]));
        assert.equal(aws.count('callerIdentity'), 1);
        assert.match(String(provider.getTreeItem(roots[0]).description), new RegExp(ACCOUNT));
        for (const d of context.subscriptions) d.dispose();
      });
    } finally {
      files.restore();
    }
  });

  it('the config-file reader evaluates no @aws-sdk module', () => {
    const files = awsFiles('[profile demo]\nregion = eu-west-1\n');
    try {
      // A fresh process: this one has SDK modules cached by other specs.
      const script = `require(${JSON.stringify(path.join(outSrc, 'aws/profileReader.js'))}).profileReader.listProfiles().then((ps) => {
        process.stdout.write(JSON.stringify({ names: ps.map((p) => p.name), sdk: Object.keys(require.cache).filter((k) => k.includes('@aws-sdk')) }));
      });`;
      const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, ...files.env }, encoding: 'utf8' })) as { names: string[]; sdk: string[] };
      assert.ok(out.names.includes('demo'), `profiles read: ${out.names.join(', ')}`);
      assert.deepEqual(out.sdk, []);
    } finally {
      files.restore();
    }
  });
});
