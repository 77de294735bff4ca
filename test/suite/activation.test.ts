// Runs inside the real extension host: the extension activates, contributes what it says, and its
// view can be shown. Commands are read from the manifest, so new commands are covered too.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'clickpipes-tools.clickpipes-privatelink';

describe('activation', () => {
  it('the extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('registers every command its manifest contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const declared: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(declared.includes('clickpipes.refresh'), 'clickpipes.refresh is not contributed');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('the clickpipes.explorer view can be focused', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.clickpipes');
    await vscode.commands.executeCommand('clickpipes.explorer.focus');
  });

  it('runs in the expected host, beside the local emulator on loopback', () => {
    assert.ok(vscode.version, 'vscode.version');
    assert.match(process.env.CPL_EMULATOR_URL ?? '', /^http:\/\/(127\.0\.0\.1|localhost):\d+/, 'the suite runs against the local emulator on loopback');
  });
});
