// Loads dist/features.js (src/features.ts: plans, forms, ClickHouse Cloud) on first use, the way
// src/awsLoader.ts loads dist/aws.js. Kept out of extension.js so that activation parses only
// what draws the explorer tree (npm run bench:activation: ≤ 10 ms).
//
// What VS Code needs at activation is registered here, eagerly, as thin stand-ins:
//   - every command of the features bundle (the ids of src/commands/ids.ts that the explorer's
//     table, src/commands/index.ts, does not handle), as a stub that loads the
//     bundle, which drops the stubs and registers the real handlers, then forwards the call
//     (same arguments, same result: executeCommand stays inside the extension host);
//   - the `clickpipes-plan:` file system (activation event onFileSystem:clickpipes-plan: a
//     restored review tab), forwarding to the bundle's, which loads on the first read so the
//     review's CodeLens, hover and diagnostics are registered before the document opens;
//   - the text content of the MSK diff's "no policy" side (constant);
//   - a TreeDataProvider for the ClickHouse Cloud view, loading the bundle on the first getChildren
//     while signed in. Signed out, the view is empty (its welcome text shows) and opening the
//     ClickPipes container loads nothing in front of the explorer's rows; a sign-in, here or in
//     another window, or the bundle loaded by a command, makes the view ask again.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXPLORER_COMMANDS } from './commands';
import { registerCommandTable } from './commands/register';
import { COMMAND_IDS, DEBUG_COMMAND_IDS, LINK_COMMAND_IDS, TEST_COMMAND_IDS, type CommandId } from './commands/ids';
import type { ActivateFeatures, FeatureHost, Features } from './features';
import { NO_POLICY_SCHEME, NO_POLICY_TEXT, PLAN_SCHEME } from './plans/schemes';
import type { ChNode } from './views/clickhouse/nodes';

/** The commands dist/features.js registers: every id the explorer's own table does not. */
export function featureCommandIds(testMode: boolean): CommandId[] {
  const explorer = new Set<string>(EXPLORER_COMMANDS.map((c) => c.id));
  return [...COMMAND_IDS.filter((id) => !explorer.has(id)), ...DEBUG_COMMAND_IDS, ...LINK_COMMAND_IDS, ...(testMode ? TEST_COMMAND_IDS : [])];
}

export class FeatureLoader implements vscode.Disposable {
  private features: Features | undefined;
  private stubs: vscode.Disposable[];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lazyTrees: LazyTree<ChNode>[] = [];

  /** `host` is read once, when the bundle loads. */
  constructor(private readonly host: () => FeatureHost, testMode: boolean) {
    this.stubs = registerCommandTable(featureCommandIds(testMode).map((id) => ({
      id,
      handler: (...args: unknown[]) => {
        this.get();
        return vscode.commands.executeCommand(id, ...args);
      },
    })));
    const planFs = new LazyFileSystem(() => this.get().planFileSystem);
    this.disposables.push(
      planFs,
      vscode.workspace.registerFileSystemProvider(PLAN_SCHEME, planFs, { isCaseSensitive: true }),
      vscode.workspace.registerTextDocumentContentProvider(NO_POLICY_SCHEME, { provideTextDocumentContent: () => NO_POLICY_TEXT }),
    );
  }

  /** True once dist/features.js is loaded and activated. */
  get loaded(): boolean {
    return this.features !== undefined;
  }

  /** The features bundle, loaded and activated on the first call. */
  get(): Features {
    if (!this.features) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(__dirname, 'features.js')) as { activateFeatures: ActivateFeatures };
      // A command id can be registered once: the real handlers take over from the stubs.
      for (const stub of this.stubs) stub.dispose();
      this.stubs = [];
      this.features = mod.activateFeatures(this.host());
      for (const tree of this.lazyTrees) tree.attach();
    }
    return this.features;
  }

  /**
   * The ClickHouse Cloud view's provider: the bundle's once it is loaded. Before that, the root
   * asks `signedIn` first and loads the bundle only for a signed-in tree; `signInChanged` (the
   * secrets' change event) makes the view ask again.
   */
  clickHouseTree(signedIn: () => Promise<boolean>, signInChanged: vscode.Event<unknown>): vscode.TreeDataProvider<ChNode> & vscode.Disposable {
    const tree = new LazyTree(() => this.get().clickHouseTree, signedIn, () => this.loaded);
    this.lazyTrees.push(tree);
    this.disposables.push(signInChanged(() => {
      if (!this.loaded) tree.askAgain();
    }));
    return tree;
  }

  dispose(): void {
    for (const d of [...this.stubs, ...this.disposables]) d.dispose();
    this.stubs = [];
  }
}

/** Forwards every call to the provider `load` returns (called once, on the first call). */
class LazyFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private real: vscode.FileSystemProvider | undefined;
  private subscription: vscode.Disposable | undefined;

  constructor(private readonly load: () => vscode.FileSystemProvider) {}

  private fs(): vscode.FileSystemProvider {
    if (!this.real) {
      this.real = this.load();
      this.subscription = this.real.onDidChangeFile((e) => this.changed.fire(e));
    }
    return this.real;
  }

  watch(uri: vscode.Uri, options: { readonly recursive: boolean; readonly excludes: readonly string[] }): vscode.Disposable {
    return this.fs().watch(uri, options);
  }
  stat(uri: vscode.Uri): vscode.FileStat | Thenable<vscode.FileStat> {
    return this.fs().stat(uri);
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] | Thenable<[string, vscode.FileType][]> {
    return this.fs().readDirectory(uri);
  }
  createDirectory(uri: vscode.Uri): void | Thenable<void> {
    return this.fs().createDirectory(uri);
  }
  readFile(uri: vscode.Uri): Uint8Array | Thenable<Uint8Array> {
    return this.fs().readFile(uri);
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void | Thenable<void> {
    return this.fs().writeFile(uri, content, options);
  }
  delete(uri: vscode.Uri, options: { readonly recursive: boolean }): void | Thenable<void> {
    return this.fs().delete(uri, options);
  }
  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): void | Thenable<void> {
    return this.fs().rename(oldUri, newUri, options);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

/**
 * Forwards to the tree provider `load` returns. Until the bundle is loaded, the root is empty
 * unless `wanted()` says the tree has something to show (then `load` runs).
 */
class LazyTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private real: vscode.TreeDataProvider<T> | undefined;
  private subscription: vscode.Disposable | undefined;
  /** Set while this tree loads the bundle: the loader's attach() must not load it a second time. */
  private loading = false;

  constructor(
    private readonly load: () => vscode.TreeDataProvider<T>,
    private readonly wanted: () => Promise<boolean>,
    private readonly loaded: () => boolean,
  ) {}

  private tree(): vscode.TreeDataProvider<T> {
    if (!this.real) {
      this.loading = true;
      try {
        this.real = this.load();
      } finally {
        this.loading = false;
      }
      this.subscription = this.real.onDidChangeTreeData?.((e) => this.changed.fire(e));
    }
    return this.real;
  }

  /** The bundle is loaded (by a command, or by this tree): follow its tree from now on. */
  attach(): void {
    if (this.real || this.loading) return;
    this.tree();
    this.askAgain();
  }

  /** Makes the view read its rows again. */
  askAgain(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.tree().getTreeItem(element);
  }
  getChildren(element?: T): vscode.ProviderResult<T[]> {
    if (element === undefined && !this.loaded()) {
      return this.wanted().then((yes) => (yes ? this.tree().getChildren() : []));
    }
    return this.tree().getChildren(element);
  }
  getParent(element: T): vscode.ProviderResult<T> {
    return this.tree().getParent?.(element);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
