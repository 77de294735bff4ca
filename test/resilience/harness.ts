// Shared plumbing for the resilience layer (npm run test:resilience): the emulator in this
// process (its world is read directly: request log, records), a private AWS config directory,
// an AWS layer built the way src/extension.ts builds it (log sink through redact(), as log.ts
// does), a seeded random source, and a collector of every text the run produces (log lines,
// review documents, error texts, journals) that is searched for credential values at the end.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AwsLayer, AwsLayerOptions } from '../../src/aws/api';
import { createAwsLayer } from '../../src/aws/index';
import { redact } from '../../src/model/redact';
import { DEMO_SECRET_ACCESS_KEY, OTHER_SECRET_ACCESS_KEY } from '../emulator/scenarios/accounts';
import { control } from '../integration/awsEnv';

/** The one emulator environment (sandboxed AWS config, in-process emulator), shared with the integration layer. */
export { emulatorEnv } from '../integration/awsEnv';

/** Values that must never appear in any text the extension produces. */
export const CLICKHOUSE_KEY_SECRET = 'demo-key-secret';
export const SECRETS = [DEMO_SECRET_ACCESS_KEY, OTHER_SECRET_ACCESS_KEY, CLICKHOUSE_KEY_SECRET];

/** Everything written along the way, by where it went. */
export class TextCapture {
  readonly texts: { where: string; text: string }[] = [];
  add(where: string, text: unknown): void {
    if (text === undefined || text === null) return;
    this.texts.push({ where, text: typeof text === 'string' ? text : safeJson(text) });
  }
  /** An error's name, message, stack and any own fields (AwsCallError.failure …). */
  addError(where: string, err: unknown): void {
    const e = err as { name?: string; message?: string; stack?: string } | undefined;
    this.add(where, `${e?.name ?? ''}: ${e?.message ?? String(err)}\n${e?.stack ?? ''}\n${safeJson(err)}`);
  }
  /** [where, secret] for each text holding a secret (or its base64, as in a Basic header). */
  leaks(): string[] {
    const needles = SECRETS.flatMap((s) => [s, Buffer.from(s).toString('base64'), Buffer.from(`demo-key-id:${s}`).toString('base64')]);
    const out: string[] = [];
    for (const { where, text } of this.texts) for (const n of needles) if (text.includes(n)) out.push(`${where}: …${text.slice(Math.max(0, text.indexOf(n) - 80), text.indexOf(n) + n.length + 20)}…`);
    return out;
  }
  assertNoLeaks(): void {
    assert.ok(this.texts.length > 0, 'something was captured');
    const leaks = this.leaks();
    assert.deepEqual(leaks, [], `credential values found in ${leaks.length} texts`);
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * The layer as the extension builds it: `log: (level, m) => log[level](m)` where log.ts passes
 * every message through redact(). Both the raw message and the redacted line are captured.
 */
export function extensionLikeLayer(capture: TextCapture, options: AwsLayerOptions = {}): AwsLayer {
  return createAwsLayer({
    ...options,
    log: (level, message) => {
      capture.add(`aws-layer log (raw, ${level})`, message);
      capture.add(`output channel (${level})`, redact(message));
    },
  });
}

/** Seeded PRNG (the emulator's mulberry32): the same seed gives the same run. */
export { seededRandom } from '../emulator/core/world';

/** RESILIENCE_SEED=… reproduces a run; otherwise a fixed default (printed either way). */
export function runSeed(): number {
  const s = Number(process.env.RESILIENCE_SEED ?? 20261123);
  return Number.isFinite(s) ? s : 20261123;
}

export const READ_OPERATION = /^(Get|List|Describe)[A-Z]/;

export const faults = (url: string, list: object[], mode: 'replace' | 'add' | 'clear' = 'replace') =>
  control(url, 'POST', 'faults', { mode, faults: list });

/** Every file under dir as text (journals written by FileJournalStore). */
export function filesUnder(dir: string): { file: string; text: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(f) : [{ file: f, text: fs.readFileSync(f, 'utf8') }];
  });
}
