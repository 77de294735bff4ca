// Runs inside the real extension host: clickpipes.logLevel is contributed (default info) and
// src/log.ts honours it at once when it changes; src/l10n.ts is vscode.l10n.t here.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { l10n } from '../../src/l10n';
import { log } from '../../src/log';

type Written = [level: string, message: string];

/** A LogOutputChannel stand-in that records what is written (log.ts creates its channel lazily). */
function recordingChannel(written: Written[]): vscode.LogOutputChannel {
  const rec = (level: string) => (message: string) => void written.push([level, message]);
  return {
    name: 'ClickPipes PrivateLink', logLevel: vscode.LogLevel.Trace, onDidChangeLogLevel: new vscode.EventEmitter<vscode.LogLevel>().event,
    trace: rec('trace'), debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error'),
    append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
  } as unknown as vscode.LogOutputChannel;
}

describe('log level setting (clickpipes.logLevel)', () => {
  const config = () => vscode.workspace.getConfiguration('clickpipes');
  const written: Written[] = [];
  let restore: (() => void) | undefined;

  before(() => {
    const win = vscode.window as { createOutputChannel: typeof vscode.window.createOutputChannel };
    const original = win.createOutputChannel;
    win.createOutputChannel = ((name: string, options?: unknown) =>
      options && typeof options === 'object' && (options as { log?: boolean }).log ? recordingChannel(written) : original(name, options as string)) as typeof original;
    assert.notStrictEqual(win.createOutputChannel, original, 'could not stand in for the output channel');
    restore = () => (win.createOutputChannel = original);
    log.dispose();
  });
  after(async () => {
    await config().update('logLevel', undefined, vscode.ConfigurationTarget.Global);
    log.dispose();
    restore?.();
  });

  it('is contributed with the four levels, default info, and its description names Developer: Set Log Level…', () => {
    const ext = vscode.extensions.getExtension('clickpipes-tools.clickpipes-privatelink')!;
    const prop = ext.packageJSON.contributes.configuration.properties['clickpipes.logLevel'];
    assert.deepStrictEqual(prop.enum, ['error', 'warn', 'info', 'debug']);
    assert.strictEqual(config().inspect('logLevel')?.defaultValue, 'info');
    // VS Code resolved the %key% from package.nls.json.
    assert.match(prop.markdownDescription, /Developer: Set Log Level…/);
  });

  it('VS Code resolves every manifest %key% from package.nls.json (command titles, categories, views)', () => {
    const pkg = vscode.extensions.getExtension('clickpipes-tools.clickpipes-privatelink')!.packageJSON;
    const unresolved = [
      ...pkg.contributes.commands.flatMap((c: { title: string; category?: string }) => [c.title, c.category ?? '']),
      ...Object.values(pkg.contributes.views).flat().map((v) => (v as { name: string }).name),
      pkg.displayName,
    ].filter((t: string) => /^%.+%$/.test(t));
    assert.deepStrictEqual(unresolved, []);
    const refresh = pkg.contributes.commands.find((c: { command: string }) => c.command === 'clickpipes.refresh');
    assert.deepStrictEqual([refresh.title, refresh.category], ['Refresh AWS Explorer', 'ClickPipes']);
  });

  it('writes info and above by default, then only what the new setting allows, at once', async () => {
    written.length = 0;
    log.debug('d1'); log.info('i1'); log.warn('w1'); log.error('e1');
    assert.deepStrictEqual(written, [['info', 'i1'], ['warn', 'w1'], ['error', 'e1']]);

    written.length = 0;
    await config().update('logLevel', 'warn', vscode.ConfigurationTarget.Global);
    log.debug('d2'); log.info('i2'); log.warn('w2'); log.error('e2');
    assert.deepStrictEqual(written, [['warn', 'w2'], ['error', 'e2']]);

    written.length = 0;
    await config().update('logLevel', 'debug', vscode.ConfigurationTarget.Global);
    log.debug('d3'); log.error('e3');
    assert.deepStrictEqual(written, [['debug', 'd3'], ['error', 'e3']]);

    written.length = 0;
    await config().update('logLevel', 'error', vscode.ConfigurationTarget.Global);
    log.warn('w4'); log.error('e4 secretAccessKey=abc123');
    assert.deepStrictEqual(written, [['error', 'e4 secretAccessKey=****']]);
  });

  it('src/l10n.ts is vscode.l10n.t in the extension host', () => {
    assert.strictEqual(l10n.t('Copied {0}', 'rcfg-1'), vscode.l10n.t('Copied {0}', 'rcfg-1'));
    assert.strictEqual(l10n.t('Copied {0}', 'rcfg-1'), 'Copied rcfg-1');
  });
});
