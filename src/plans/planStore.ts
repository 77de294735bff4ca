// Where a plan under review lives: one folder per plan in the extension's global storage, with
// plan.json (what apply reads), the review documents and a manifest saying which documents are
// editable and which step field they feed. Survives a window reload, so an interrupted apply can
// be reopened and resumed. Node only, no `vscode`.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Plan, ReviewDocument } from '../model/plan';

export const PLAN_FILE = 'plan.json';
const MANIFEST = '.manifest.json';

export type DocumentEntry = Omit<ReviewDocument, 'content'>;

/** Plan ids and document names become path segments: nothing that could climb out. */
export function safeSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.:-]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 120) || '_';
}

export class PlanStore {
  constructor(readonly root: string) {}

  dir(planId: string): string {
    return path.join(this.root, safeSegment(planId));
  }

  file(planId: string, name: string): string {
    return path.join(this.dir(planId), safeSegment(name));
  }

  async save(plan: Plan, documents: readonly ReviewDocument[]): Promise<DocumentEntry[]> {
    const dir = this.dir(plan.id);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, PLAN_FILE), `${JSON.stringify(plan, null, 2)}\n`, 'utf8');
    const entries: DocumentEntry[] = [];
    for (const doc of documents) {
      if (safeSegment(doc.name) === PLAN_FILE) continue;
      await fs.writeFile(path.join(dir, safeSegment(doc.name)), doc.content, 'utf8');
      entries.push({ name: safeSegment(doc.name), language: doc.language, editable: doc.editable, ...(doc.source ? { source: doc.source } : {}) });
    }
    await fs.writeFile(path.join(dir, MANIFEST), JSON.stringify(entries, null, 2), 'utf8');
    return entries;
  }

  /** Rewrites the read-only documents (CLI script, notes) after the plan changed. */
  async refreshDocuments(planId: string, documents: readonly ReviewDocument[]): Promise<string[]> {
    const changed: string[] = [];
    const entries = await this.manifest(planId);
    for (const doc of documents) {
      const name = safeSegment(doc.name);
      if (name === PLAN_FILE || doc.editable) continue;
      const target = this.file(planId, name);
      const before = await fs.readFile(target, 'utf8').catch(() => undefined);
      if (before === doc.content) continue;
      await fs.writeFile(target, doc.content, 'utf8');
      changed.push(name);
      if (!entries.some((e) => e.name === name)) entries.push({ name, language: doc.language, editable: false });
    }
    await fs.writeFile(path.join(this.dir(planId), MANIFEST), JSON.stringify(entries, null, 2), 'utf8');
    return changed;
  }

  async manifest(planId: string): Promise<DocumentEntry[]> {
    try {
      return JSON.parse(await fs.readFile(path.join(this.dir(planId), MANIFEST), 'utf8')) as DocumentEntry[];
    } catch {
      return [];
    }
  }

  async isEditable(planId: string, name: string): Promise<boolean> {
    if (name === PLAN_FILE) return true;
    return (await this.manifest(planId)).some((e) => e.name === name && e.editable);
  }

  async readText(planId: string, name: string): Promise<string | undefined> {
    return fs.readFile(this.file(planId, name), 'utf8').catch(() => undefined);
  }

  async exists(planId: string): Promise<boolean> {
    return fs.stat(path.join(this.dir(planId), PLAN_FILE)).then(() => true, () => false);
  }
}
