// Hosts one webview panel: strict HTML shell, narrow resource roots, the ready handshake (nothing
// is posted before the page says it is listening; messages wait in a queue), and typed,
// validated inbound messages. Anything the page sends that is not a registered, well-formed
// message is logged and dropped — never acted upon.
import * as vscode from 'vscode';
import { makeNonce, renderHtml } from './html';
import {
  ErrorNotification, IpcCommand, IpcNotification, IpcRequest, parseInbound, ReadyCommand, ReplyNotification,
  type IpcMessage,
} from './protocol';

export type HostLog = { warn(message: string): void; error(message: string): void };

export type PanelOptions = {
  extensionUri: vscode.Uri;
  viewType: string;
  title: string;
  /** Bundle name in dist/webviews (src/webviews/app/<app>.ts). */
  app: string;
  column?: vscode.ViewColumn;
  log: HostLog;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (params: any) => unknown;

export class WebviewHost implements vscode.Disposable {
  /** Open hosts by view type, for tests and for "focus the existing form". */
  static readonly open = new Map<string, WebviewHost>();

  readonly panel: vscode.WebviewPanel;
  private ready = false;
  private queue: IpcMessage[] = [];
  private readonly handlers = new Map<string, { type: IpcCommand<unknown> | IpcRequest<unknown, unknown>; handler: Handler }>();
  private readyListeners: (() => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** Rejected inbound messages, counted for tests. */
  rejected = 0;
  /** The last messages posted to the page (for extension-host tests; bounded). */
  readonly sent: IpcMessage[] = [];

  constructor(private readonly options: PanelOptions) {
    const dist = vscode.Uri.joinPath(options.extensionUri, 'dist', 'webviews');
    const media = vscode.Uri.joinPath(options.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(options.viewType, options.title, options.column ?? vscode.ViewColumn.Active, {
      enableScripts: true,
      // Drafts live in getState/setState, so the page may be destroyed when hidden.
      retainContextWhenHidden: false,
      enableFindWidget: true,
      localResourceRoots: [dist, media],
    });
    const webview = this.panel.webview;
    const nonce = makeNonce();
    webview.html = renderHtml({
      cspSource: webview.cspSource,
      nonce,
      title: options.title,
      app: options.app,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, `${options.app}.js`)).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString()],
      // The page's own text is translated in the page (t() in app/_client.ts) from this bundle,
      // embedded in the HTML rather than sent with the ready handshake: see protocol.ts.
      l10n: vscode.l10n.bundle ? { language: vscode.env.language, bundle: vscode.l10n.bundle } : undefined,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      this.panel.onDidChangeViewState(() => {
        // A hidden page is torn down; it sends `core/ready` again when shown.
        if (!this.panel.visible) this.ready = false;
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    WebviewHost.open.set(options.viewType, this);
  }

  /** Runs on every ready handshake (first load and each reload after being hidden). */
  onReady(listener: () => void): this {
    this.readyListeners.push(listener);
    return this;
  }

  on<P>(type: IpcCommand<P>, handler: (params: P) => void | Promise<void>): this {
    this.handlers.set(type.method, { type: type as IpcCommand<unknown>, handler });
    return this;
  }

  handle<P, R>(type: IpcRequest<P, R>, handler: (params: P) => Promise<R>): this {
    this.handlers.set(type.method, { type: type as IpcRequest<unknown, unknown>, handler });
    return this;
  }

  notify<P>(type: IpcNotification<P>, params: P, id?: string): void {
    if (this.disposed) return;
    const message: IpcMessage = id ? { id, method: type.method, params } : { method: type.method, params };
    this.sent.push(message);
    if (this.sent.length > 50) this.sent.shift();
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Entry point for every inbound message (public so extension-host tests can drive it). */
  async receive(raw: unknown): Promise<void> {
    const accepted = [ReadyCommand, ...[...this.handlers.values()].map((h) => h.type)];
    const parsed = parseInbound(raw, accepted);
    if (!parsed.ok) {
      this.rejected++;
      this.options.log.warn(`webview ${this.options.viewType}: rejected a message (${parsed.reason})`);
      return;
    }
    if (parsed.type === ReadyCommand) {
      this.ready = true;
      const pending = this.queue;
      this.queue = [];
      for (const listener of this.readyListeners) listener();
      for (const message of pending) void this.panel.webview.postMessage(message);
      return;
    }
    const entry = this.handlers.get(parsed.type.method)!;
    try {
      const result = await entry.handler(parsed.params);
      if (parsed.type.kind === 'request') this.notify(ReplyNotification, { ok: true, result }, parsed.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.options.log.error(`webview ${this.options.viewType}: ${parsed.type.method} failed: ${message}`);
      if (parsed.type.kind === 'request') this.notify(ReplyNotification, { ok: false, error: message }, parsed.id);
      else this.notify(ErrorNotification, { message });
    }
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (WebviewHost.open.get(this.options.viewType) === this) WebviewHost.open.delete(this.options.viewType);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
