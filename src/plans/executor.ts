// Applies a plan: steps in order, references resolved from earlier outputs, client tokens from
// plan id + step id, skipIf reads, waits, and a journal write after every step. Each step goes to
// its backend (AWS or ClickHouse Cloud, by its service); the calls are injected, as is the journal
// store, so the same code runs in unit tests (fake calls), in the integration tests (the real AWS
// layer and ClickHouse client against the emulator) and in the extension.
import { backendOf, type Backend, type Plan, type PlanStep, type SkipIf, type StepOutputs, type StepService } from '../model/plan';
import { redact } from '../model/redact';
import { withClientToken } from './clientToken';
import { ExistingResourceConflictError, resolveExists } from './existsError';
import { describeAwsError, type PlainError } from '../aws/errors';
import { classifyAwsError, failureOf } from '../aws/errorKinds';
import { existingResourceConflict } from '../model/iamDbAuthTrust';
import type { Journal, JournalStore, StepRecord } from './journal';
import { mskVersionRefresher, secondConflictText, type InputRefresher } from '../model/mskVersion';
import { checkReferences, extractOutputs, getPath, outputToString, resolveRefs, UnresolvedReferenceError } from './references';
import { CancelledError, waitUntil, WaitFailedError, WaitTimeoutError } from './waiter';

export type StepCall = (service: StepService, operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

export type ApplyEvent =
  | { type: 'step-start'; step: PlanStep; index: number; total: number; resuming: boolean }
  | { type: 'step-skipped'; step: PlanStep; index: number; total: number; reason: 'journal' | 'exists' }
  | { type: 'waiting'; step: PlanStep; status: string | undefined; elapsedMs: number }
  | { type: 'step-done'; step: PlanStep; index: number; total: number; outputs: Record<string, string> };

export type ApplyDeps = {
  /** The AWS backend. */
  call: StepCall;
  /** The other backends by name (ClickHouse Cloud); a step whose backend is missing fails before any call. */
  backends?: Partial<Record<Exclude<Backend, 'aws'>, StepCall>>;
  journal: JournalStore;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Checked between steps and between polls; an AWS call in flight is allowed to finish. */
  cancelled?: () => boolean;
  onEvent?: (event: ApplyEvent) => void;
  /**
   * When skipIf finds the resource: a reason it must not be reused (a role trusting someone
   * else), or undefined. Default: existingResourceConflict. The step then fails, untouched.
   */
  checkExisting?: (step: PlanStep, found: Record<string, unknown>) => string | undefined;
  /**
   * Steps whose input carries a version read at plan time (MSK CurrentVersion) fail when the
   * resource changed between review and apply. The refresher says whether an error is that, and
   * re-reads to make a fresh input; the call is then retried ONCE (never more: two writers must
   * not loop). Default: mskVersionRefresher (src/model/mskVersion.ts).
   */
  refresher?: InputRefresher;
};

/** A 200 answer that names an item AWS did not process (the step's failWhen). */
export class StepRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepRefused';
  }
}

/** The one retry after a stale-version failure failed the same way. */
export class StaleAfterRetryError extends Error {
  constructor(readonly step: PlanStep, readonly last: unknown) {
    super(secondConflictText(step));
    this.name = 'StaleAfterRetry';
  }
}

export type CreatedResource = { stepId: string; title: string; outputs: Record<string, string>; waiting: boolean; finalState?: string };

export type StepFailure = {
  stepId: string;
  title: string;
  service: StepService;
  operation: string;
  phase: 'references' | 'skipIf' | 'call' | 'wait';
  error: PlainError;
};

export type ApplyOutcome = {
  status: 'succeeded' | 'failed' | 'cancelled';
  outputs: StepOutputs;
  /** plan.results resolved; on failure only the ones whose steps finished. */
  results: { label: string; value: string }[];
  /** Mutating steps that created something (in this apply or an earlier, interrupted one). */
  created: CreatedResource[];
  /** Steps actually run this time (not taken from the journal). */
  ran: string[];
  failure?: StepFailure;
  /** The first step not finished when the apply stopped (cancel or failure). */
  stoppedAt?: string;
};

/** A plan step for a backend this apply was not given (e.g. ClickHouse Cloud while signed out). */
export class MissingBackendError extends Error {
  constructor(readonly service: StepService) {
    super(`No ${service} connection for this apply. Sign in to ClickHouse Cloud (ClickPipes: Sign in to ClickHouse Cloud) and apply again.`);
    this.name = 'MissingBackend';
  }
}

/** The call that answers this step's service. */
function callerFor(deps: ApplyDeps, service: StepService): (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>> {
  const backend = backendOf(service);
  const call = backend === 'aws' ? deps.call : deps.backends?.[backend];
  if (!call) return () => Promise.reject(new MissingBackendError(service));
  return (operation, input) => call(service, operation, input);
}

/** ClickHouse Cloud errors are already in plain words (src/clickhouse/api.ts); keep them, redacted. */
function describeClickHouseError(err: unknown): PlainError {
  const e = err as { name?: string; message?: string; kind?: string };
  const name = e?.name ?? 'Error';
  const retryable = ['network', 'throttled', 'server'].includes(e?.kind ?? '') || /ECONNRESET|socket hang up|network/i.test(`${name} ${e?.message ?? ''}`);
  return { code: name, text: redact(String(e?.message ?? err)), retryable };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Told by the one AWS error classifier: a DNS failure (ENOTFOUND) is the network, not a missing resource. */
function isNotFound(err: unknown): boolean {
  const { name, message, httpStatus } = failureOf(err);
  const kind = classifyAwsError(name, message, httpStatus);
  return kind === 'notFound' || (httpStatus === 404 && kind !== 'network');
}

/** A successful skipIf read skips the step, unless its `when` values say the change has not happened. */
async function skipHolds(skipIf: SkipIf, response: Record<string, unknown>, read: (op: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>): Promise<boolean> {
  if (!skipIf.when) return true;
  for (const w of skipIf.when) {
    let at: unknown = w.read ? await read(w.read.operation, w.read.input) : response;
    if (w.item) {
      const list = getPath(at, w.item.list);
      const match = Object.entries(w.item.match);
      at = Array.isArray(list) ? list.find((i) => match.every(([k, v]) => outputToString(getPath(i, k)) === v)) : undefined;
    }
    const value = getPath(at, w.path);
    const values = w.any ? (Array.isArray(value) ? value.map(outputToString) : []) : [outputToString(value)];
    if (values.some((v) => w.in.includes(v ?? ''))) return true;
  }
  return false;
}

function newJournal(plan: Plan, at: string): Journal {
  return { planId: plan.id, title: plan.title, profile: plan.profile, region: plan.region, startedAt: at, updatedAt: at, steps: {} };
}

export function resolveResults(plan: Pick<Plan, 'results'>, outputs: StepOutputs): { label: string; value: string }[] {
  const results: { label: string; value: string }[] = [];
  for (const [label, template] of Object.entries(plan.results ?? {})) {
    try {
      results.push({ label, value: resolveRefs(template, outputs) });
    } catch (err) {
      if (!(err instanceof UnresolvedReferenceError)) throw err;
    }
  }
  return results;
}

function createdFrom(plan: Plan, journal: Journal): CreatedResource[] {
  return plan.steps
    .filter((s) => s.mutating && journal.steps[s.id] && !journal.steps[s.id].skipped)
    .map((s) => ({ stepId: s.id, title: s.title, outputs: journal.steps[s.id].outputs, waiting: journal.steps[s.id].state !== 'done', finalState: journal.steps[s.id].finalState }));
}

function plainFailure(err: unknown, step: PlanStep, phase: StepFailure['phase']): StepFailure {
  let error: PlainError;
  if (err instanceof WaitFailedError) {
    error = { code: err.status, text: `${step.title}: the resource went to ${err.status}${err.reason ? ` (${err.reason})` : ''}. Look at it in the AWS console, delete it if needed, and apply again.`, retryable: false };
  } else if (err instanceof WaitTimeoutError) {
    error = { code: 'WaitTimeout', text: `${step.title}: ${err.message}`, retryable: true };
  } else if (err instanceof StaleAfterRetryError) {
    error = { code: 'VersionConflict', text: err.message, retryable: true };
  } else if (err instanceof ExistingResourceConflictError) {
    error = { code: 'ExistingResourceConflict', text: err.message, retryable: false };
  } else if (err instanceof StepRefusedError) {
    error = { code: 'StepRefused', text: err.message, retryable: false };
  } else if (err instanceof UnresolvedReferenceError) {
    error = { code: 'UnresolvedReference', text: err.message, retryable: false };
  } else if (err instanceof MissingBackendError || backendOf(step.service) === 'clickhouse') {
    error = describeClickHouseError(err);
  } else {
    error = describeAwsError(err, { service: step.service, operation: phase === 'wait' ? step.waitFor?.operation : phase === 'skipIf' ? step.skipIf?.operation : step.operation });
  }
  return { stepId: step.id, title: step.title, service: step.service, operation: step.operation, phase, error };
}

/**
 * The step's call; after a stale-version failure, one more try with a freshly read input.
 * Why here and not in the plan: the plan is reviewed data and the version in it a snapshot; only
 * at call time is it known to have moved. The plan on disk is not rewritten: the fresh input
 * serves this one call (a resumed apply re-reads again if needed).
 */
async function callRefreshingStale(step: PlanStep, input: Record<string, unknown>, deps: ApplyDeps): Promise<Record<string, unknown>> {
  const refresher = deps.refresher ?? mskVersionRefresher;
  const call = callerFor(deps, step.service);
  try {
    return await call(step.operation, input);
  } catch (err) {
    if (!refresher.isStale(step, err)) throw err;
    const fresh = await refresher.refresh(step, input, call);
    if (!fresh) throw err;
    try {
      return await call(step.operation, fresh);
    } catch (again) {
      throw refresher.isStale(step, again) ? new StaleAfterRetryError(step, again) : again;
    }
  }
}

export async function applyPlan(plan: Plan, deps: ApplyDeps): Promise<ApplyOutcome> {
  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? Date.now;
  const cancelled = deps.cancelled ?? (() => false);
  const iso = () => new Date(now()).toISOString();
  const total = plan.steps.length;
  const outputs: StepOutputs = {};
  const ran: string[] = [];

  // A plan whose references cannot work is refused before the first call.
  const refProblems = checkReferences(plan.steps);
  if (refProblems.length > 0) {
    const step = plan.steps.find((s) => s.id === refProblems[0].stepId) ?? plan.steps[0];
    const journal = (await deps.journal.load(plan.id)) ?? newJournal(plan, iso());
    return {
      status: 'failed', outputs, results: [], created: createdFrom(plan, journal), ran, stoppedAt: step?.id,
      failure: { stepId: step?.id ?? '', title: step?.title ?? '', service: step?.service ?? 'sts', operation: step?.operation ?? '', phase: 'references', error: { code: 'InvalidReference', text: refProblems.map((p) => p.message).join(' '), retryable: false } },
    };
  }

  const journal = (await deps.journal.load(plan.id)) ?? newJournal(plan, iso());
  const save = async () => {
    journal.updatedAt = iso();
    await deps.journal.save(journal);
  };
  const stop = (status: 'failed' | 'cancelled', stepId: string, failure?: StepFailure): ApplyOutcome => ({
    status, outputs, results: resolveResults(plan, outputs), created: createdFrom(plan, journal), ran, stoppedAt: stepId, failure,
  });

  for (const [index, step] of plan.steps.entries()) {
    let record: StepRecord | undefined = journal.steps[step.id];
    if (record?.state === 'done') {
      outputs[step.id] = record.outputs;
      deps.onEvent?.({ type: 'step-skipped', step, index, total, reason: 'journal' });
      continue;
    }
    if (cancelled()) return stop('cancelled', step.id);
    deps.onEvent?.({ type: 'step-start', step, index, total, resuming: record !== undefined });
    ran.push(step.id);

    let phase: StepFailure['phase'] = 'call';
    try {
      if (!record) {
        let response: Record<string, unknown> | undefined;
        let skipped = false;
        if (step.skipIf) {
          phase = 'skipIf';
          try {
            response = await callerFor(deps, step.service)(step.skipIf.operation, resolveRefs(step.skipIf.input, outputs));
            skipped = await skipHolds(step.skipIf, response, (op, input) => callerFor(deps, step.service)(op, resolveRefs(input, outputs)));
            if (!skipped) response = undefined;
          } catch (err) {
            if (!isNotFound(err)) throw err;
          }
          const conflict = skipped && response ? (deps.checkExisting ?? existingResourceConflict)(step, response) : undefined;
          if (conflict) throw new ExistingResourceConflictError(conflict);
        }
        if (!skipped) {
          phase = 'references';
          const input = withClientToken(resolveRefs(step.input, outputs), step.clientTokenField, plan.id, step.id);
          phase = 'call';
          try {
            response = await callRefreshingStale(step, input, deps);
          } catch (err) {
            if (!step.existsError) throw err;
            // A resume after a lost answer: AWS says it is there already (see existsError.ts).
            response = await resolveExists({ ...step, existsError: step.existsError }, err, callerFor(deps, step.service));
            skipped = true;
          }
        }
        const refused = step.failWhen && response ? outputToString(getPath(response, step.failWhen.path)) : undefined;
        if (refused) throw new StepRefusedError(`${step.title}: ${refused}`);
        record = { state: step.waitFor ? 'created' : 'done', outputs: extractOutputs(step, response), skipped: skipped || undefined, at: iso() };
        journal.steps[step.id] = record;
        // Saved before waiting: a crash during the wait resumes with the wait, not a second create.
        await save();
        if (skipped) deps.onEvent?.({ type: 'step-skipped', step, index, total, reason: 'exists' });
      }
      if (step.waitFor && record.state === 'created') {
        phase = 'wait';
        outputs[step.id] = record.outputs;
        const waitInput = resolveRefs(step.waitFor.input, outputs);
        const final = await waitUntil(step.waitFor, waitInput, {
          read: callerFor(deps, step.service),
          sleep, now, cancelled, backend: backendOf(step.service),
          onStatus: (status, elapsedMs) => deps.onEvent?.({ type: 'waiting', step, status, elapsedMs }),
        });
        // The settled read wins (a status is the final one, not the create's Provisioning/PENDING);
        // what only the create answered (the read's shape differs) is kept.
        record.outputs = { ...record.outputs, ...extractOutputs(step, final) };
        record.finalState = outputToString(getPath(final, step.waitFor.statusPath));
        record.state = 'done';
        record.at = iso();
        await save();
      }
      outputs[step.id] = record.outputs;
      deps.onEvent?.({ type: 'step-done', step, index, total, outputs: record.outputs });
    } catch (err) {
      if (err instanceof CancelledError) return stop('cancelled', step.id);
      const failure = plainFailure(err, step, phase);
      journal.lastError = `${step.title}: ${failure.error.text}`;
      await save();
      return stop('failed', step.id, failure);
    }
  }

  journal.finishedAt = iso();
  delete journal.lastError;
  await save();
  return { status: 'succeeded', outputs, results: resolveResults(plan, outputs), created: createdFrom(plan, journal), ran };
}

/** Steps that still have work to do for this plan (for the confirmation and the resume list). */
export function pendingSteps(plan: Plan, journal: Journal | undefined): PlanStep[] {
  return plan.steps.filter((s) => journal?.steps[s.id]?.state !== 'done');
}
