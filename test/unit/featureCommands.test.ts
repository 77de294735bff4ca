// Command ids come from one place, the manifest, mirrored by the typed list src/commands/ids.ts.
// The registrations are checked for real: activate() and the features bundle run against a fake
// `vscode` that records every registerCommand call. At activation the explorer's table and the
// stubs of the lazily loaded bundle cover every id once; after the bundle loads, its real handlers
// have replaced the stubs, each id still registered once, all through src/commands/register.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMAND_IDS, DEBUG_COMMAND_IDS, LINK_COMMAND_IDS, TEST_COMMAND_IDS } from '../../src/commands/ids';
import { fakeVscode, withFakeVscode } from './fakeVscode';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
const outSrc = path.resolve(__dirname, '../../src');

function fakeContext(extensionMode: number) {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'cpl-commands-'));
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionMode,
    globalStorageUri: { fsPath: storage },
    logUri: { fsPath: path.join(storage, 'logs') },
    extensionUri: { fsPath: root },
    extensionPath: root,
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
  };
}

describe('command ids and their registrations', () => {
  it('the typed list is the manifest\'s contributes.commands, in order', () => {
    assert.deepEqual([...COMMAND_IDS], contributed);
    const hidden = [...DEBUG_COMMAND_IDS, ...LINK_COMMAND_IDS, ...TEST_COMMAND_IDS];
    assert.equal(new Set([...COMMAND_IDS, ...hidden]).size, COMMAND_IDS.length + hidden.length, 'an id is listed twice');
    for (const id of hidden) assert.ok(!contributed.includes(id), `${id} is contributed`);
  });

  it('menus, welcome links and walkthrough steps name only listed commands', () => {
    const nls = fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8');
    const menus = Object.values(manifest.contributes.menus as Record<string, { command?: string }[]>).flat().flatMap((m) => (m.command ? [m.command] : []));
    const links = [...`${JSON.stringify(manifest.contributes)}${nls}`.matchAll(/command:(clickpipes\.[\w.]+)/g)].map((m) => m[1]);
    assert.ok(menus.length > 20 && links.length > 0, 'could not read the menus and links');
    const known = new Set<string>(COMMAND_IDS);
    assert.deepEqual([...menus, ...links].filter((id) => !known.has(id)), []);
  });

  for (const [mode, extensionMode] of [['Test', 3], ['Production', 1]] as const) {
    it(`registers every id once, at activation and after the features bundle loads (${mode} mode)`, async () => {
      const fake = fakeVscode();
      const expected = [...COMMAND_IDS, ...DEBUG_COMMAND_IDS, ...LINK_COMMAND_IDS, ...(mode === 'Test' ? TEST_COMMAND_IDS : [])].sort();
      await withFakeVscode(fake, async () => {
        const context = fakeContext(extensionMode);
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded under the fake vscode
        const { activate } = require(path.join(outSrc, 'extension.js')) as { activate(c: unknown): unknown };
        activate(context);
        assert.deepEqual([...fake.commands.keys()].sort(), expected, 'registered at activation (explorer table + stubs)');
        const feature = 'clickpipes.clickhouse.debug.logDir';
        const before = fake.commands.get(feature);
        // Running a stub loads the bundle (out/src/features.js here), which registers the real handlers.
        assert.equal(await fake.commands.get(feature)?.(), context.logUri.fsPath);
        assert.notEqual(fake.commands.get(feature), before, 'the stub was not replaced by the real handler');
        assert.deepEqual([...fake.commands.keys()].sort(), expected, 'registered once the features bundle is loaded');
        for (const d of context.subscriptions) d.dispose();
      });
      assert.deepEqual([...new Set(fake.registeredFrom)], ['commands/register.js'], 'registered outside the one registration function');
    });
  }

  it('ClickPipes: Show Logs opens the output channel', async () => {
    const fake = fakeVscode();
    await withFakeVscode(fake, async () => {
      const context = fakeContext(1);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded under the fake vscode
      const { activate } = require(path.join(outSrc, 'extension.js')) as { activate(c: unknown): unknown };
      activate(context);
      await fake.commands.get('clickpipes.showLogs')?.();
      for (const d of context.subscriptions) d.dispose();
    });
    assert.equal(fake.logShown, 1);
  });

  it('a failing command shows its title (not its id) with Show Logs, and logs the stack', async () => {
    const fake = fakeVscode({ packageJSON: manifest, extensionPath: root });
    fake.answer = 'Show Logs';
    await withFakeVscode(fake, async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded under the fake vscode
      const { registerCommandTable } = require(path.join(outSrc, 'commands', 'register.js')) as typeof import('../../src/commands/register');
      registerCommandTable([{ id: 'clickpipes.resumePlan', handler: () => { throw new Error('the journal folder is unreadable'); } }]);
      assert.equal(await fake.commands.get('clickpipes.resumePlan')?.(), undefined);
      await new Promise((resolve) => setImmediate(resolve));
    });
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
    const entry = manifest.contributes.commands.find((c: { command: string }) => c.command === 'clickpipes.resumePlan');
    const title = `${nls[entry.category.slice(1, -1)]}: ${nls[entry.title.slice(1, -1)]}`;
    assert.deepEqual(fake.errors, [{ message: `${title} failed: the journal folder is unreadable`, items: ['Show Logs'] }]);
    assert.ok(!fake.errors[0].message.includes('clickpipes.resumePlan'));
    assert.equal(fake.logShown, 1, 'Show Logs did not open the log');
    assert.ok(fake.logLines.some((l) => l.startsWith('error clickpipes.resumePlan failed: Error: the journal folder is unreadable') && /\n\s+at /.test(l)), fake.logLines.join('\n'));
  });
});
