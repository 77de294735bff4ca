// `clickpipes-plan:/<planId>/<name>`: the review tabs. A file system (not untitled buffers) so the
// tabs have stable names, can be saved, survive a reload, and are recognised by the CodeLens,
// the editor-title button and the diagnostics. plan.json and the editable documents accept
// writes; the CLI script and notes are read-only views of the plan.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PLAN_FILE, type PlanStore, safeSegment } from './planStore';
import { PLAN_SCHEME } from './schemes';

export { PLAN_SCHEME };

export function planUri(planId: string, name = PLAN_FILE): vscode.Uri {
  return vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${safeSegment(planId)}/${safeSegment(name)}` });
}

/** [planId, name] from a plan URI, or undefined for anything else. */
export function parsePlanUri(uri: vscode.Uri): { planId: string; name: string } | undefined {
  if (uri.scheme !== PLAN_SCHEME) return undefined;
  const parts = uri.path.split('/').filter(Boolean);
  if (parts.length !== 2) return undefined;
  return { planId: parts[0], name: parts[1] };
}

export function isPlanDocument(doc: vscode.TextDocument): boolean {
  return parsePlanUri(doc.uri)?.name === PLAN_FILE;
}

export class PlanFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(private readonly store: PlanStore) {}

  private target(uri: vscode.Uri): string {
    const parts = uri.path.split('/').filter(Boolean).map(safeSegment);
    if (parts.length > 2) throw vscode.FileSystemError.FileNotFound(uri);
    return path.join(this.store.root, ...parts);
  }

  /** Tell open editors that a file changed on disk (documents regenerated after an edit). */
  changed(uris: vscode.Uri[]): void {
    this.emitter.fire(uris.map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    try {
      const s = await fs.stat(this.target(uri));
      const parsed = parsePlanUri(uri);
      const readonly = parsed ? !(await this.store.isEditable(parsed.planId, parsed.name)) : false;
      return {
        type: s.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File,
        ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size,
        permissions: readonly && !s.isDirectory() ? vscode.FilePermission.Readonly : undefined,
      };
    } catch {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const entries = await fs.readdir(this.target(uri), { withFileTypes: true }).catch(() => {
      throw vscode.FileSystemError.FileNotFound(uri);
    });
    return entries.filter((e) => !e.name.startsWith('.')).map((e) => [e.name, e.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File]);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Plans are created by the forms.');
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    try {
      return await fs.readFile(this.target(uri));
    } catch {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    const parsed = parsePlanUri(uri);
    if (!parsed || !(await this.store.isEditable(parsed.planId, parsed.name))) throw vscode.FileSystemError.NoPermissions(uri);
    const file = this.target(uri);
    const exists = await fs.stat(file).then(() => true, () => false);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    await fs.writeFile(file, content);
    this.changed([uri]);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(oldUri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }
}
