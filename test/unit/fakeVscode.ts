// A stand-in for the `vscode` module, enough to run activate() and the features bundle's
// registration under plain mocha: every command registration is recorded (with the file that made
// it), EventEmitter delivers what it fires, anything else is an inert object that accepts any
// call, property or `new`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Module._load is hooked, which the ES namespace import does not expose
import Module = require('node:module');
import * as path from 'node:path';

type Handler = (...args: unknown[]) => unknown;

/** An object that answers every property, call and `new` with another such object. */
function anything(): unknown {
  const target = function () { /* callable */ };
  return new Proxy(target, {
    get: (_t, key) => (key === 'then' || typeof key === 'symbol' ? undefined : key === 'dispose' ? () => undefined : key === 'toString' ? () => '' : anything()),
    set: () => true,
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

function withDefaults<T extends object>(own: T): T {
  return new Proxy(own, { get: (t, key) => (key in t ? t[key as keyof T] : key === 'then' || typeof key === 'symbol' ? undefined : anything()) });
}

export type FakeVscode = {
  module: unknown;
  /** Registered command id → handler. */
  commands: Map<string, Handler>;
  /** The source file (relative to out/src) of every registerCommand call. */
  registeredFrom: string[];
  errors: { message: string; items: string[] }[];
  logLines: string[];
  logShown: number;
  /** What showErrorMessage answers (a button's label, or undefined). */
  answer?: string;
};

export function fakeVscode(extension?: { packageJSON: unknown; extensionPath: string }): FakeVscode {
  const fake: FakeVscode = { module: undefined, commands: new Map(), registeredFrom: [], errors: [], logLines: [], logShown: 0 };
  const outSrc = path.resolve(__dirname, '../../src');
  const callerOf = (stack: string) => {
    const frame = stack.split('\n').slice(2).find((l) => l.includes(outSrc));
    return frame ? path.relative(outSrc, frame.replace(/^.*\(|^\s*at\s+/g, '').replace(/:\d+:\d+\)?$/, '')) : 'outside src';
  };
  const disposable = (dispose: () => void = () => undefined) => ({ dispose });
  class EventEmitter {
    private listeners: ((e: unknown) => unknown)[] = [];
    event = (listener: (e: unknown) => unknown) => {
      this.listeners.push(listener);
      return disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
    };
    fire(e?: unknown): void {
      for (const l of [...this.listeners]) l(e);
    }
    dispose(): void {
      this.listeners = [];
    }
  }
  const format = (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  fake.module = withDefaults({
    commands: withDefaults({
      registerCommand(id: string, handler: Handler) {
        // As VS Code does: an id is registered once.
        if (fake.commands.has(id)) throw new Error(`command '${id}' already exists`);
        fake.commands.set(id, handler);
        fake.registeredFrom.push(callerOf(new Error().stack ?? ''));
        return disposable(() => fake.commands.delete(id));
      },
      async executeCommand(id: string, ...args: unknown[]) {
        return fake.commands.get(id)?.(...args);
      },
    }),
    window: withDefaults({
      visibleTextEditors: [],
      createTreeView: () => withDefaults({ visible: false, onDidChangeVisibility: () => disposable() }),
      showErrorMessage: async (message: string, ...items: string[]) => {
        fake.errors.push({ message, items });
        return fake.answer;
      },
      createOutputChannel: () => withDefaults({
        error: (m: string) => fake.logLines.push(`error ${m}`),
        warn: (m: string) => fake.logLines.push(`warn ${m}`),
        info: (m: string) => fake.logLines.push(`info ${m}`),
        debug: (m: string) => fake.logLines.push(`debug ${m}`),
        show: () => void fake.logShown++,
      }),
    }),
    extensions: withDefaults({ getExtension: () => extension }),
    workspace: withDefaults({ textDocuments: [], getConfiguration: () => withDefaults({ get: (_key: string, fallback?: unknown) => fallback, inspect: () => undefined }) }),
    env: withDefaults({ language: 'en' }),
    l10n: withDefaults({ t: format }),
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    EventEmitter,
    TreeItem: class {
      constructor(readonly label: unknown, readonly collapsibleState?: number) {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    Disposable: Object.assign(class { dispose(): void {} }, { from: () => disposable() }),
  });
  return fake;
}

type Loader = { _load(request: string, parent: unknown, isMain: boolean): unknown };

/** Runs `fn` with `require('vscode')` answering `fake`, on fresh copies of the compiled src/ modules. */
export async function withFakeVscode<T>(fake: FakeVscode, fn: () => T | Promise<T>): Promise<T> {
  const loader = Module as unknown as Loader;
  const original = loader._load;
  const outSrc = path.resolve(__dirname, '../../src');
  const clear = () => {
    for (const key of Object.keys(require.cache)) if (key.startsWith(outSrc)) delete require.cache[key];
  };
  clear();
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? fake.module : original.call(this, request, parent, isMain);
  };
  try {
    return await fn();
  } finally {
    loader._load = original;
    clear();
  }
}
