// activate() under a fake `vscode`: whatever the user's settings hold, activation must finish, or
// the explorer and every command are gone for the session.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fakeVscode, withFakeVscode, type FakeVscode } from './fakeVscode';

const root = path.resolve(__dirname, '../../..');
const outSrc = path.resolve(__dirname, '../../src');

function fakeContext() {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'cpl-activation-'));
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionMode: 1,
    globalStorageUri: { fsPath: storage },
    logUri: { fsPath: path.join(storage, 'logs') },
    extensionUri: { fsPath: root },
    extensionPath: root,
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
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

/** Activates the compiled extension; returns the ClickHouse view's description. */
async function activateWith(settings: Record<string, unknown>): Promise<string | undefined> {
  const fake = fakeVscode();
  withUserSettings(fake, settings);
  const views = new Map<string, { description?: string }>();
  const window = (fake.module as { window: Record<string, unknown> }).window;
  window.createTreeView = (id: string) => {
    const view = { visible: false, description: undefined as string | undefined, onDidChangeVisibility: () => ({ dispose() {} }), dispose() {} };
    views.set(id, view);
    return view;
  };
  return withFakeVscode(fake, () => {
    const context = fakeContext();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded under the fake vscode
    const { activate } = require(path.join(outSrc, 'extension.js')) as { activate(c: unknown): unknown };
    try {
      activate(context);
      return views.get('clickpipes.clickhouse')?.description;
    } finally {
      for (const d of context.subscriptions) d.dispose();
    }
  });
}

describe('activation with the user\'s settings', () => {
  it('a ClickHouse API URL that is not a URL does not stop activation; the view names it as typed', async () => {
    assert.equal(await activateWith({ 'clickpipes.clickhouse.apiUrl': 'api.example.com' }), 'api.example.com');
  });

  it('a ClickHouse API URL other than the real one is named by its host', async () => {
    assert.equal(await activateWith({ 'clickpipes.clickhouse.apiUrl': 'http://127.0.0.1:4566/' }), '127.0.0.1:4566');
  });

  it('the real ClickHouse API is not named', async () => {
    assert.equal(await activateWith({}), undefined);
  });
});
