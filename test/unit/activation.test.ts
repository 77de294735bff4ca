// activate() under a fake `vscode`: whatever the user's settings hold, activation must finish, or
// the explorer and every command are gone for the session; and opening the ClickPipes container
// must not load the features bundle for a ClickHouse Cloud view that has nothing to show.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClickPipesTestApi } from '../../src/extension';
import { fakeVscode, withFakeVscode, type FakeVscode } from './fakeVscode';

const root = path.resolve(__dirname, '../../..');
const outSrc = path.resolve(__dirname, '../../src');
const featuresBundle = path.join(outSrc, 'features.js');

type Secrets = Map<string, string>;
type Listener = (e: unknown) => unknown;
type View = { visible: boolean; description?: string; onDidChangeVisibility(): { dispose(): void }; dispose(): void };
type Tree = { getChildren(node?: unknown): Promise<unknown[]> | unknown[]; onDidChangeTreeData?: (l: Listener) => { dispose(): void } };

function fakeContext(secrets: Secrets) {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'cpl-activation-'));
  const secretListeners: Listener[] = [];
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionMode: 1,
    globalStorageUri: { fsPath: storage },
    logUri: { fsPath: path.join(storage, 'logs') },
    extensionUri: { fsPath: root },
    extensionPath: root,
    secrets: {
      get: async (key: string) => secrets.get(key),
      store: async (key: string, value: string) => {
        secrets.set(key, value);
        for (const l of secretListeners) l({ key });
      },
      delete: async (key: string) => void secrets.delete(key),
      onDidChange: (l: Listener) => {
        secretListeners.push(l);
        return { dispose() {} };
      },
    },
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
  };
}

/** The user's settings as `inspect` reports them (globalValue = user settings). */
function withUserSettings(fake: FakeVscode, values: Record<string, unknown>): void {
  const workspace = (fake.module as { workspace: Record<string, unknown> }).workspace;
  workspace.getConfiguration = () => ({
    get: (key: string, fallback?: unknown) => (key in values ? values[key] : fallback),
    inspect: (key: string) => (key in values ? { key, globalValue: values[key] } : undefined),
    has: () => false,
    update: async () => undefined,
  });
}

/** Waits (event-loop turns, at most 2 s) until `ready()` holds; fails naming `what` otherwise. */
async function until(what: string, ready: () => boolean): Promise<void> {
  const end = Date.now() + 2000;
  while (!ready()) {
    if (Date.now() > end) assert.fail(what);
    await new Promise((r) => setTimeout(r, 5));
  }
}

type Activated = {
  views: Map<string, View>;
  trees: Map<string, Tree>;
  context: ReturnType<typeof fakeContext>;
  fake: FakeVscode;
  api: ClickPipesTestApi;
  featuresLoaded(): boolean;
};

/** Activates the compiled extension with these user settings and secrets, then runs `fn`. */
async function activated<T>(options: { settings?: Record<string, unknown>; secrets?: Secrets }, fn: (a: Activated) => T | Promise<T>): Promise<T> {
  const fake = fakeVscode();
  withUserSettings(fake, options.settings ?? {});
  const views = new Map<string, View>();
  const trees = new Map<string, Tree>();
  const window = (fake.module as { window: Record<string, unknown> }).window;
  window.createTreeView = (id: string, opts: { treeDataProvider: Tree }) => {
    const view: View = { visible: false, description: undefined, onDidChangeVisibility: () => ({ dispose() {} }), dispose() {} };
    views.set(id, view);
    trees.set(id, opts.treeDataProvider);
    return view;
  };
  return withFakeVscode(fake, async () => {
    const context = fakeContext(options.secrets ?? new Map());
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded under the fake vscode
    const { activate } = require(path.join(outSrc, 'extension.js')) as { activate(c: unknown): ClickPipesTestApi };
    try {
      const api = activate(context);
      return await fn({ views, trees, context, fake, api, featuresLoaded: () => featuresBundle in require.cache });
    } finally {
      for (const d of context.subscriptions) d.dispose();
    }
  });
}

describe('activation with the user\'s settings', () => {
  it('a ClickHouse API URL that is not a URL does not stop activation; the view names it as typed', async () => {
    const description = await activated({ settings: { 'clickpipes.clickhouse.apiUrl': 'api.example.com' } }, (a) => a.views.get('clickpipes.clickhouse')?.description);
    assert.equal(description, 'api.example.com');
  });

  it('a ClickHouse API URL other than the real one is named by its host', async () => {
    const description = await activated({ settings: { 'clickpipes.clickhouse.apiUrl': 'http://127.0.0.1:4566/' } }, (a) => a.views.get('clickpipes.clickhouse')?.description);
    assert.equal(description, '127.0.0.1:4566');
  });

  it('the real ClickHouse API is not named', async () => {
    assert.equal(await activated({}, (a) => a.views.get('clickpipes.clickhouse')?.description), undefined);
  });
});

describe('what activation loads', () => {
  // The compiled modules mirror dist/extension.js's imports (test/unit/bundleSplit.test.ts reads the bundle itself).
  const commandOnly = ['model/iamPermissions.js', 'commands/iamPolicy.js', 'commands/copy.js', 'commands/deleteResource.js', 'commands/external.js', 'commands/profilesAndRegions.js'];
  const loaded = () => commandOnly.filter((f) => path.join(outSrc, f) in require.cache);

  it('no command-only module (the IAM permissions table, copy, delete, links): they come with the features bundle', async () => {
    await activated({}, async (a) => {
      assert.deepEqual(loaded(), [], 'loaded at activation');
      await a.fake.commands.get('clickpipes.copyRequiredIamPolicy')?.(undefined, ['explorer']);
      assert.equal(a.featuresLoaded(), true, 'the command did not load dist/features.js');
      assert.ok(loaded().includes('model/iamPermissions.js'), 'the IAM policy command ran without its table');
    });
  });

  it('a row draws without the features bundle; its hover tooltip comes from it', async () => {
    await activated({}, async (a) => {
      Object.assign(a.fake.module as object, {
        ThemeIcon: class { constructor(readonly id: string) {} },
        ThemeColor: class { constructor(readonly id: string) {} },
        MarkdownString: class { constructor(readonly value: string) {} },
      });
      const explorer = a.api.explorer;
      const node = { type: 'group', id: 'p/us-east-1/resourceGateways', group: 'resourceGateways', scope: { profile: 'p', region: 'us-east-1' } } as unknown as Parameters<typeof explorer.treeItem>[0];
      const provider = a.trees.get('clickpipes.explorer') as unknown as { getTreeItem(n: unknown): { label?: unknown } };
      assert.equal(provider.getTreeItem(node).label, 'Resource gateways');
      assert.equal(a.featuresLoaded(), false, 'drawing a row loaded dist/features.js');
      const item = await explorer.treeItem(node);
      assert.equal(a.featuresLoaded(), true);
      assert.match((item.tooltip as unknown as { value: string }).value, /\*\*Resource gateways\*\*/);
    });
  });
});

describe('the ClickHouse Cloud view when the container opens', () => {
  // A dead loopback port: a signed-in tree fails fast with an error row, without the network.
  const settings = { 'clickpipes.clickhouse.apiUrl': 'http://127.0.0.1:9' };

  it('signed out: the tree is empty (the welcome view) and the features bundle is not loaded', async () => {
    await activated({ settings }, async (a) => {
      assert.equal(a.featuresLoaded(), false, 'loaded at activation');
      assert.deepEqual(await a.trees.get('clickpipes.clickhouse')?.getChildren(), []);
      assert.equal(a.featuresLoaded(), false, 'the empty signed-out tree loaded dist/features.js');
    });
  });

  it('signed in: the tree comes from the features bundle', async () => {
    const secrets: Secrets = new Map([['clickpipes.clickhouse.apiKeyId', 'key-id'], ['clickpipes.clickhouse.apiKeySecret', 'key-secret']]);
    await activated({ settings, secrets }, async (a) => {
      const rows = await a.trees.get('clickpipes.clickhouse')?.getChildren();
      assert.equal(a.featuresLoaded(), true);
      assert.equal(rows?.length, 1, 'one row: could not reach the API');
    });
  });

  it('a sign-in (here, or in another window) asks the view for its rows again', async () => {
    await activated({ settings }, async (a) => {
      const tree = a.trees.get('clickpipes.clickhouse');
      assert.deepEqual(await tree?.getChildren(), []);
      let asked = 0;
      tree?.onDidChangeTreeData?.(() => asked++);
      await a.context.secrets.store('clickpipes.clickhouse.apiKeyId', 'key-id');
      await a.context.secrets.store('clickpipes.clickhouse.apiKeySecret', 'key-secret');
      await until('the view was not told to read its rows again', () => asked > 0);
      assert.equal((await tree?.getChildren())?.length, 1);
      assert.equal(a.featuresLoaded(), true);
    });
  });

  it('once the features bundle is loaded by a command, the view follows its tree', async () => {
    await activated({ settings }, async (a) => {
      const tree = a.trees.get('clickpipes.clickhouse');
      assert.deepEqual(await tree?.getChildren(), []);
      let asked = 0;
      tree?.onDidChangeTreeData?.(() => asked++);
      await a.fake.commands.get('clickpipes.clickhouse.debug.logDir')?.();
      assert.equal(a.featuresLoaded(), true);
      await until('the view was not told that its real tree is there', () => asked > 0);
    });
  });
});
