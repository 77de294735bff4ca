// The plan tab's text → a Plan, or the problems that block apply, each located in the text so
// the editor can underline it. Pure: the diagnostics provider, the apply
// command and the unit tests all call this one function.
import { findNode, parseJsonTree, type JsonNode } from './jsonTree';
import type { Plan } from '../model/plan';
import { checkReferences } from './references';

export type PlanProblem = { path: (string | number)[]; message: string; offset: number; length: number; severity: 'error' | 'warning' };

export type ParsedPlan = { plan?: Plan; problems: PlanProblem[] };

/** A read used by waitFor/skipIf must not change anything. */
export const READ_OPERATION = /^(Get|List|Describe)[A-Z]/;

/** Whether a step changes something, judged from the operation as well as the flag (the flag is editable text). */
export function isMutating(step: { mutating?: boolean; operation: string }): boolean {
  return step.mutating === true || !READ_OPERATION.test(step.operation);
}

const SERVICES = ['vpc-lattice', 'ram', 'kafka', 'ec2', 'iam', 'rds', 'elbv2', 'sts', 'clickhouse'];

type Check = { path: (string | number)[]; message: string; severity?: 'error' | 'warning' };

/** Structural checks the executor relies on (the schema validator adds the rest when present). */
export function structuralProblems(value: unknown): Check[] {
  const out: Check[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(value)) return [{ path: [], message: 'The plan must be a JSON object.' }];
  if (value.schemaVersion !== 1) out.push({ path: ['schemaVersion'], message: 'schemaVersion must be 1.' });
  for (const key of ['id', 'title', 'profile', 'region'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') out.push({ path: [key], message: `"${key}" must be a non-empty string.` });
  }
  if (typeof value.id === 'string' && !/^[A-Za-z0-9_.:-]{1,120}$/.test(value.id)) out.push({ path: ['id'], message: 'The plan id may contain only letters, digits and _ . : - (it names the journal).' });
  if (value.accountId !== undefined && (typeof value.accountId !== 'string' || !/^\d{12}$/.test(value.accountId))) out.push({ path: ['accountId'], message: 'accountId must be a 12-digit AWS account ID.' });
  if (!isObj(value.results)) out.push({ path: ['results'], message: '"results" must be an object of label → value.' });
  if (!Array.isArray(value.steps) || value.steps.length === 0) {
    out.push({ path: ['steps'], message: '"steps" must be a non-empty array.' });
    return out;
  }
  const ids = new Set<string>();
  value.steps.forEach((step, i) => {
    const at = (...p: (string | number)[]) => ['steps', i, ...p];
    if (!isObj(step)) return out.push({ path: at(), message: `Step ${i + 1} must be an object.` });
    if (typeof step.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(step.id)) out.push({ path: at('id'), message: 'A step id must be letters, digits, _ or -.' });
    else if (ids.has(step.id)) out.push({ path: at('id'), message: `Step id "${step.id}" is used twice.` });
    else ids.add(step.id);
    if (typeof step.title !== 'string') out.push({ path: at('title'), message: 'A step needs a title.' });
    if (typeof step.service !== 'string' || !SERVICES.includes(step.service)) out.push({ path: at('service'), message: `service must be one of ${SERVICES.join(', ')}.` });
    if (typeof step.operation !== 'string' || !/^[A-Z][A-Za-z0-9]+$/.test(step.operation)) out.push({ path: at('operation'), message: 'operation must be an SDK command name such as CreateResourceGateway.' });
    if (!isObj(step.input)) out.push({ path: at('input'), message: 'input must be an object.' });
    if (!isObj(step.outputs) || !Object.values(step.outputs).every((v) => typeof v === 'string')) out.push({ path: at('outputs'), message: 'outputs must map names to dot paths (strings).' });
    if (typeof step.mutating !== 'boolean') out.push({ path: at('mutating'), message: 'mutating must be true or false.' });
    else if (!step.mutating && typeof step.operation === 'string' && !READ_OPERATION.test(step.operation)) {
      out.push({ path: at('mutating'), message: `${step.operation} changes things: it is treated as mutating and listed in the confirmation.`, severity: 'warning' });
    }
    if (step.clientTokenField !== undefined && typeof step.clientTokenField !== 'string') out.push({ path: at('clientTokenField'), message: 'clientTokenField must be a field name.' });
    for (const key of ['waitFor', 'skipIf'] as const) {
      const sub = step[key];
      if (sub === undefined) continue;
      if (!isObj(sub) || typeof sub.operation !== 'string' || !isObj(sub.input)) {
        out.push({ path: at(key), message: `${key} needs an operation and an input object.` });
      } else if (!READ_OPERATION.test(sub.operation)) {
        out.push({ path: at(key, 'operation'), message: `${key} must use a read operation (Get…, List… or Describe…), not ${sub.operation}.` });
      }
    }
    // Nor the reads of a conditional skip.
    const when = isObj(step.skipIf) && Array.isArray(step.skipIf.when) ? step.skipIf.when : [];
    when.forEach((w, j) => {
      const op = isObj(w) && isObj(w.read) ? w.read.operation : undefined;
      if (typeof op === 'string' && !READ_OPERATION.test(op)) out.push({ path: at('skipIf', 'when', String(j), 'read', 'operation'), message: `skipIf must use read operations (Get…, List… or Describe…), not ${op}.` });
    });
    // The reads an "already exists" answer triggers must not change anything either.
    const adopt = isObj(step.existsError) && isObj(step.existsError.adopt) ? step.existsError.adopt : undefined;
    const adoptReads: [string[], unknown][] = adopt ? [[['existsError', 'adopt', 'operation'], adopt.operation], [['existsError', 'adopt', 'same', 'operation'], isObj(adopt.same) ? adopt.same.operation : undefined]] : [];
    for (const [path, op] of adoptReads) {
      if (typeof op === 'string' && !READ_OPERATION.test(op)) out.push({ path: at(...path), message: `existsError must use read operations (Get…, List… or Describe…), not ${op}.` });
    }
    const w = step.waitFor;
    if (isObj(w)) {
      if (typeof w.statusPath !== 'string') out.push({ path: at('waitFor', 'statusPath'), message: 'waitFor.statusPath must be a dot path.' });
      if (!Array.isArray(w.success) || w.success.length === 0) out.push({ path: at('waitFor', 'success'), message: 'waitFor.success must list at least one status.' });
      if (!Array.isArray(w.failure)) out.push({ path: at('waitFor', 'failure'), message: 'waitFor.failure must be a list of statuses.' });
      if (typeof w.timeoutSeconds !== 'number' || w.timeoutSeconds < 1 || w.timeoutSeconds > 7200) out.push({ path: at('waitFor', 'timeoutSeconds'), message: 'waitFor.timeoutSeconds must be between 1 and 7200.' });
    }
  });
  return out;
}

/** The text span for a JSON path: the value, or the nearest enclosing node that exists. */
export function locate(root: JsonNode | undefined, path: (string | number)[]): { offset: number; length: number } {
  if (!root) return { offset: 0, length: 0 };
  for (let n = path.length; n >= 0; n--) {
    const node = findNode(root, path.slice(0, n));
    if (node) {
      // A missing key: underline the key of the closest parent property, not the whole object.
      if (n < path.length && node.parent?.type === 'property' && node.parent.children?.[0]) {
        const key = node.parent.children[0];
        return { offset: key.offset, length: key.length };
      }
      return { offset: node.offset, length: node.type === 'object' || node.type === 'array' ? 1 : node.length };
    }
  }
  return { offset: root.offset, length: 1 };
}

export type ExtraValidator = (value: unknown) => { path: (string | number)[]; message: string }[];

/**
 * Parses and checks the plan text. `extra` is the schema validator (validatePlan (src/model/planSchema.ts)), passed
 * in so this module does not depend on its presence.
 */
export function parsePlanText(text: string, extra?: ExtraValidator): ParsedPlan {
  const { root, error } = parseJsonTree(text);
  if (error || !root) {
    const e = error ?? { message: 'Empty document', offset: 0, length: 0 };
    return { problems: [{ path: [], message: `Not valid JSON: ${e.message}.`, offset: e.offset, length: Math.max(1, e.length), severity: 'error' }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    // What the tree parser lets through but JSON does not (a raw control character in a string):
    // a problem at the position JSON.parse names, never an exception out of the check.
    const message = (err as Error).message.replace(/\.$/, '');
    const at = /position (\d+)/.exec(message);
    const offset = at ? Math.min(Number(at[1]), Math.max(0, text.length - 1)) : 0;
    return { problems: [{ path: [], message: `Not valid JSON: ${message}.`, offset, length: 1, severity: 'error' }] };
  }
  const checks: Check[] = [...structuralProblems(value)];
  if (extra) checks.push(...extra(value));
  if (!checks.some((c) => (c.severity ?? 'error') === 'error')) {
    const steps = (value as Plan).steps;
    for (const p of checkReferences(steps)) {
      const i = steps.findIndex((s) => s.id === p.stepId);
      checks.push({ path: ['steps', i, ...p.path], message: p.message });
    }
  }
  // One message per path and text: the schema and the structural checks may agree.
  const seen = new Set<string>();
  const problems: PlanProblem[] = [];
  for (const c of checks) {
    const key = `${c.path.join('/')}|${c.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: c.path, message: c.message, severity: c.severity ?? 'error', ...locate(root, c.path) });
  }
  const blocking = problems.some((p) => p.severity === 'error');
  return { plan: blocking ? undefined : (value as Plan), problems };
}
