// `${steps.<id>.<output>}` references and dot paths: the only way one step's result reaches a
// later step's input, so the executor, the plan validator and the review hover share this code.
import { parseRef, type PlanStep, type RefTarget, type StepOutputs } from '../model/plan';

export { parseRef, type RefTarget };

const ANY_REF = /\$\{steps\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\}/g;

/** Every reference inside a value (deep), with where it was found, for validation and hover. */
export function findRefs(value: unknown, path: (string | number)[] = []): (RefTarget & { path: (string | number)[] })[] {
  if (typeof value === 'string') {
    return [...value.matchAll(ANY_REF)].map((m) => ({ stepId: m[1], output: m[2], path }));
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findRefs(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findRefs(v, [...path, k]));
  }
  return [];
}

export class UnresolvedReferenceError extends Error {
  constructor(public readonly ref: RefTarget) {
    super(`\${steps.${ref.stepId}.${ref.output}} has no value yet: step "${ref.stepId}" has not run or did not return "${ref.output}".`);
    this.name = 'UnresolvedReferenceError';
  }
}

function lookup(ref: RefTarget, outputs: StepOutputs): string {
  const value = outputs[ref.stepId]?.[ref.output];
  if (value === undefined) throw new UnresolvedReferenceError(ref);
  return value;
}

/**
 * Replaces references with recorded outputs. A whole-string reference becomes the value; a
 * reference embedded in a longer string is interpolated. Objects and arrays are copied, never
 * mutated, so the plan the user reviewed stays as written.
 */
export function resolveRefs<T>(value: T, outputs: StepOutputs): T {
  if (typeof value === 'string') {
    const whole = parseRef(value);
    if (whole) return lookup(whole, outputs) as T;
    return value.replace(ANY_REF, (_m, stepId: string, output: string) => lookup({ stepId, output }, outputs)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, outputs)) as T;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = resolveRefs(v, outputs);
    return copy as T;
  }
  return value;
}

/** Reads `a.b.0.c` from a response; undefined when any segment is missing. */
export function getPath(source: unknown, dotPath: string): unknown {
  if (dotPath === '' || dotPath === '.') return source;
  let current: unknown = source;
  for (const segment of dotPath.split('.')) {
    if (current === null || current === undefined) return undefined;
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (typeof current === 'object') current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}

/** Outputs are kept as strings (they go into inputs, documents and the clipboard). */
export function outputToString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Picks a step's declared outputs out of a response; missing paths are simply absent. */
export function extractOutputs(step: Pick<PlanStep, 'outputs'>, response: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, dotPath] of Object.entries(step.outputs ?? {})) {
    const value = outputToString(getPath(response, dotPath));
    if (value !== undefined) result[name] = value;
  }
  return result;
}

/**
 * References that cannot work: to an unknown step, or to a step that runs at the same time or
 * later. Checked before anything is called, so a bad edit never half-applies a plan.
 */
export function checkReferences(steps: readonly PlanStep[]): { stepId: string; path: (string | number)[]; message: string }[] {
  const problems: { stepId: string; path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, PlanStep>();
  for (const step of steps) {
    const refs = [
      ...findRefs(step.input, ['input']),
      ...findRefs(step.waitFor?.input ?? {}, ['waitFor', 'input']),
      ...findRefs(step.skipIf?.input ?? {}, ['skipIf', 'input']),
    ];
    for (const ref of refs) {
      const target = seen.get(ref.stepId);
      const selfWait = ref.stepId === step.id && ref.path[0] === 'waitFor';
      if (selfWait) {
        if (!(ref.output in (step.outputs ?? {}))) {
          problems.push({ stepId: step.id, path: ref.path, message: `Step "${step.id}" has no output "${ref.output}".` });
        }
        continue;
      }
      if (!target) {
        const later = steps.some((s) => s.id === ref.stepId);
        problems.push({
          stepId: step.id,
          path: ref.path,
          message: later
            ? `Step "${step.id}" refers to step "${ref.stepId}", which runs later; a step can only use outputs of earlier steps.`
            : `Step "${step.id}" refers to an unknown step "${ref.stepId}".`,
        });
      } else if (!(ref.output in (target.outputs ?? {}))) {
        problems.push({ stepId: step.id, path: ref.path, message: `Step "${ref.stepId}" has no output "${ref.output}" (it has: ${Object.keys(target.outputs ?? {}).join(', ') || 'none'}).` });
      }
    }
    seen.set(step.id, step);
  }
  return problems;
}
