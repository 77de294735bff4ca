// The apply journal: per plan, which steps finished and what they returned. Written after every
// step, so an apply that stops anywhere (window closed, network error, cancel) resumes from the
// first unfinished step with the earlier outputs, instead of creating anything twice.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The journals' folder under the extension's global storage. */
export const JOURNALS_DIR = 'journals';

export type StepRecord = {
  /** `created`: the call returned but its wait did not finish; `done`: nothing left to do. */
  state: 'created' | 'done';
  outputs: Record<string, string>;
  /** True when skipIf found the resource already there (nothing was created by this apply). */
  skipped?: boolean;
  /** The status the wait settled on (its last read), when the step waits: the result shows it. */
  finalState?: string;
  at: string;
};

export type Journal = {
  planId: string;
  /** The plan title and scope, so a list of unfinished applies is readable without the plan. */
  title: string;
  profile: string;
  region: string;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  steps: Record<string, StepRecord>;
  /** The last failure, in plain words, for the "resume" list. */
  lastError?: string;
};

export interface JournalStore {
  load(planId: string): Promise<Journal | undefined>;
  save(journal: Journal): Promise<void>;
  remove(planId: string): Promise<void>;
  list(): Promise<Journal[]>;
}

export class MemoryJournalStore implements JournalStore {
  readonly journals = new Map<string, Journal>();
  async load(planId: string): Promise<Journal | undefined> {
    const j = this.journals.get(planId);
    return j ? structuredClone(j) : undefined;
  }
  async save(journal: Journal): Promise<void> {
    this.journals.set(journal.planId, structuredClone(journal));
  }
  async remove(planId: string): Promise<void> {
    this.journals.delete(planId);
  }
  async list(): Promise<Journal[]> {
    return [...this.journals.values()].map((j) => structuredClone(j));
  }
}

/** Plan ids become file names; anything outside a safe alphabet is replaced. */
export function journalFileName(planId: string): string {
  return `${planId.replace(/[^A-Za-z0-9_.-]/g, '_')}.journal.json`;
}

/** One JSON file per plan under a directory (the extension's global storage). */
export class FileJournalStore implements JournalStore {
  constructor(private readonly dir: string) {}

  private file(planId: string): string {
    return path.join(this.dir, journalFileName(planId));
  }

  async load(planId: string): Promise<Journal | undefined> {
    try {
      const parsed = JSON.parse(await fs.readFile(this.file(planId), 'utf8')) as Journal;
      return parsed && parsed.planId === planId && parsed.steps ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  async save(journal: Journal): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // Write then rename: a crash mid-write leaves the previous journal, never half a file.
    const target = this.file(journal.planId);
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(journal, null, 2), 'utf8');
    await fs.rename(tmp, target);
  }

  async remove(planId: string): Promise<void> {
    await fs.rm(this.file(planId), { force: true });
  }

  async list(): Promise<Journal[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const journals: Journal[] = [];
    for (const name of names.filter((n) => n.endsWith('.journal.json'))) {
      try {
        journals.push(JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')) as Journal);
      } catch {
        // A corrupt journal is skipped, not fatal: the list is a convenience.
      }
    }
    return journals;
  }
}
