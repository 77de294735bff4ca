// Who we are on ClickHouse Cloud: the API key in SecretStorage (never settings, never logs) and
// the base URL from settings. Hands out a client for the current key and says when that changes.
import * as vscode from 'vscode';
import { log } from '../log';
import { ClickHouseApi, type ApiKey } from './api';
import { API_URL_SETTING, KEY_ID, KEY_SECRET, SIGNED_IN_CONTEXT, storedKey, userApiUrl } from './keys';

export class ClickHouseSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscriptions.push(
      this.changed,
      secrets.onDidChange((e) => {
        if (e.key === KEY_ID || e.key === KEY_SECRET) void this.updateContext().then(() => this.changed.fire());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(API_URL_SETTING)) this.changed.fire();
      }),
    );
    void this.updateContext();
  }

  get baseUrl(): string {
    return userApiUrl(vscode.workspace.getConfiguration());
  }

  async key(): Promise<ApiKey | undefined> {
    return storedKey(this.secrets);
  }

  async isSignedIn(): Promise<boolean> {
    return (await this.key()) !== undefined;
  }

  /** A client for the stored key, or undefined when signed out. */
  async api(): Promise<ClickHouseApi | undefined> {
    const key = await this.key();
    if (!key) return undefined;
    return new ClickHouseApi({ baseUrl: this.baseUrl, key, onRequest: (line) => log.debug(`ClickHouse Cloud: ${line}`) });
  }

  async signIn(key: ApiKey): Promise<void> {
    await this.secrets.store(KEY_ID, key.keyId);
    await this.secrets.store(KEY_SECRET, key.keySecret);
    await this.updateContext();
    // Only the key id's tail: enough to tell keys apart, nothing more than needed in a log.
    log.info(`ClickHouse Cloud: signed in with API key id …${key.keyId.slice(-4)} at ${this.baseUrl}`);
    this.changed.fire();
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(KEY_SECRET);
    await this.secrets.delete(KEY_ID);
    await this.updateContext();
    log.info('ClickHouse Cloud: signed out');
    this.changed.fire();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, await this.isSignedIn());
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
