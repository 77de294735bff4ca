// A plan rendered as the AWS CLI commands a person would type (the seed documents show the same
// steps this way). One command per step; outputs later steps need are captured into shell
// variables with --query; waits become polling loops. Read-only: this script is never executed
// by the extension, it is for review and for people who prefer to run it themselves.
import type { Plan, PlanStep, SkipIf, WaitFor } from './plan';
import { integerPaths, mapAt, textBlobPaths } from './inputShapes';
import { DEFAULT_CREDENTIALS } from './resources';

const REF = /\$\{steps\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\}/g;

/** `CreateResourceGateway` → `create-resource-gateway`, `DBInstanceIdentifier` → `db-instance-identifier`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Shell variable for a step output: gateway.id → GATEWAY_ID. */
export function shellVariable(stepId: string, output: string): string {
  const name = `${stepId}_${output}`.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Single-quotes for the shell when needed; plain words stay bare so commands read like the docs. */
export function shellQuote(text: string): string {
  if (text !== '' && /^[A-Za-z0-9_./:=@,+%-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A string that may contain references: literal parts single-quoted, references as "$VAR". */
function shellWord(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(REF)) {
    if (m.index! > last) parts.push(shellQuote(text.slice(last, m.index)));
    parts.push(`"$${shellVariable(m[1], m[2])}"`);
    last = m.index! + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push(shellQuote(text.slice(last)));
  return parts.join('');
}

/** JMESPath for a dot path: `DBInstances.0.DBInstanceStatus` → `DBInstances[0].DBInstanceStatus`. */
export function jmesPath(dotPath: string): string {
  return dotPath.split('.').reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

/** Marks an integer a reference fills in, so its JSON is written without quotes. */
const BARE = '@bare@';
const unbare = (json: string) => json.replace(/"@bare@(\$\{steps\.[^}"]+\})"/g, '$1');

function paramArgs(input: Record<string, unknown>, skip: ReadonlySet<string>): string[] {
  const args: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (skip.has(key) || value === undefined || value === null) continue;
    const flag = `--${kebab(key)}`;
    if (typeof value === 'boolean') args.push(value ? flag : `--no-${kebab(key)}`);
    else if (typeof value === 'number') args.push(`${flag} ${value}`);
    else if (typeof value === 'string') args.push(`${flag} ${shellWord(value)}`);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      if (value.length) args.push(`${flag} ${value.map((v) => shellWord(v as string)).join(' ')}`);
    } else {
      args.push(`${flag} ${shellWord(unbare(JSON.stringify(value)))}`);
    }
  }
  return args;
}

export type CliOptions = {
  /** Defaults to the plan's profile and region. */
  profile?: string;
  region?: string;
};

const CLI_SERVICE: Record<string, string> = { elbv2: 'elbv2' };


function command(service: string, operation: string, input: Record<string, unknown>, scope: string[], skip: ReadonlySet<string>, tail: string[] = []): string {
  const head = `aws ${CLI_SERVICE[service] ?? service} ${kebab(operation)}`;
  let shaped = input;
  for (const p of integerPaths(service, operation)) shaped = mapAt(shaped, p, (v) => (typeof v === 'string' && v.startsWith('${steps.') ? `${BARE}${v}` : v));
  const blobs = new Set(textBlobPaths(service, operation).filter((p) => p.length === 1).map((p) => p[0]));
  // A blob is read from bytes (fileb://), as AWS CLI v1 and v2 both take it.
  const blobArgs = [...blobs].filter((k) => typeof shaped[k] === 'string').map((k) => `--${kebab(k)} fileb://<(printf '%s' ${shellWord(shaped[k] as string)})`);
  const lines = [...paramArgs(shaped, new Set([...skip, ...blobs])), ...blobArgs, ...scope, ...tail];
  return [head, ...lines].join(' \\\n    ');
}

/**
 * The wait's status as one word the loop can compare. AWS CLI text output prints a JSON boolean
 * the Python way, `True`/`False` (checked with awscli 1.45 against the emulator), never `true`;
 * JMESPath `to_string()` turns it into its JSON text `true`/`false` and leaves strings as they are.
 */
export function waitQuery(statusPath: string): string {
  return `to_string(${jmesPath(statusPath)})`;
}

function waitLoop(step: PlanStep, wait: WaitFor, scope: string[]): string[] {
  const status = 'STATUS';
  const read = command(step.service, wait.operation, wait.input, scope, new Set(), [`--query ${shellQuote(waitQuery(wait.statusPath))}`, '--output text']);
  const indent = (s: string) => s.split('\n').map((l) => `  ${l}`).join('\n');
  const lines = [`# Wait until ${wait.statusPath} is ${wait.success.join(' or ')} (gives up after ${wait.timeoutSeconds} s).`];
  lines.push(`deadline=$((SECONDS + ${wait.timeoutSeconds}))`);
  lines.push('while :; do');
  lines.push(indent(`${status}=$(${read})`));
  lines.push(`  case "$${status}" in`);
  lines.push(`    ${wait.success.map(shellQuote).join('|')}) break ;;`);
  if (wait.failure.length) lines.push(`    ${wait.failure.map(shellQuote).join('|')}) echo "${step.title}: $${status}" >&2; exit 1 ;;`);
  lines.push('  esac');
  lines.push(`  if [ "$SECONDS" -ge "$deadline" ]; then echo "${step.title}: still $${status}" >&2; exit 1; fi`);
  lines.push('  sleep 10');
  lines.push('done');
  return lines;
}

/** A change skipped when a read says it already happened (skipIf.when), as the apply does. */
function conditionalSkip(step: PlanStep, skipIf: SkipIf, sent: string[], scope: string[]): string[] {
  const when = skipIf.when ?? [];
  const literal = (v: string) => `'${v.replace(/['\\]/g, '\\$&')}'`;
  const tests = when.map((w) => {
    const r = w.read ?? skipIf;
    const picked = w.item
      ? `${jmesPath(w.item.list)}[?${Object.entries(w.item.match).map(([k, v]) => `${jmesPath(k)}==${literal(v)}`).join(' && ')}] | [0].${jmesPath(w.path)}`
      : jmesPath(w.path);
    if (w.any) {
      // How many items of the list are one of the values; a failed read prints nothing, which is no skip.
      const count = `to_string(length(${picked}[?${w.in.map((v) => `@==${literal(v)}`).join(' || ')}] || \`[]\`))`;
      const read = command(step.service, r.operation, r.input, scope, new Set(), [`--query ${shellQuote(count)}`, '--output text']);
      return `case "$(${read})" in [1-9]*) true ;; *) false ;; esac`;
    }
    const read = command(step.service, r.operation, r.input, scope, new Set(), [`--query ${shellQuote(`to_string(${picked})`)}`, '--output text']);
    return `case "$(${read})" in ${w.in.map(shellQuote).join('|')}) true ;; *) false ;; esac`;
  });
  const said = (w: (typeof when)[number]) => `${w.item ? `${w.item.list}[${Object.entries(w.item.match).map(([k, v]) => `${k}=${v}`).join(', ')}].` : ''}${w.path} ${w.any ? 'holds' : 'is'} ${w.in.join(' or ')} (${(w.read ?? skipIf).operation})`;
  const done = `if ${tests.join(' || ')}; then echo ${shellQuote(`${step.title}: already done`)}; else`;
  return [
    `# Skipped when ${when.map(said).join(', or ')}: it already happened.`,
    ...(sent.length === 1 ? [`${done} ${sent[0]}; fi`] : [done, ...sent.map((l) => `  ${l}`), 'fi']),
  ];
}

/** The call, and for an API that answers 200 with per-item errors, the check that stops the script on one. */
function sentLines(step: PlanStep, main: string, checked: () => string): string[] {
  if (!step.failWhen) return [main];
  return [
    `# AWS answers 200 and names what it did not process (${step.failWhen.path}): the script stops there, as the apply does.`,
    `refused=$(${checked()})`,
    `if [ "$refused" != null ]; then echo ${shellQuote(`${step.title}: `)}"$refused" >&2; exit 1; fi`,
  ];
}

/** Step outputs that later steps, waits or the results use — only those become variables. */
function usedOutputs(plan: Plan): Set<string> {
  const used = new Set<string>();
  const scan = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
    for (const m of text.matchAll(REF)) used.add(`${m[1]}.${m[2]}`);
  };
  for (const step of plan.steps) {
    scan(step.input);
    scan(step.waitFor?.input);
    scan(step.skipIf?.input);
  }
  scan(plan.results);
  return used;
}

function stepLines(plan: Plan, step: PlanStep, index: number, scope: string[], used: Set<string>): string[] {
  const lines = [`# ${index + 1}. ${step.title}`];
  if (step.service === 'clickhouse') {
    lines.push('# ClickHouse Cloud API (not an AWS CLI command); the extension calls it for you, or:');
    const body = JSON.stringify(step.input.body ?? step.input, null, 2).split('\n');
    lines.push(`#   curl -u "$CLICKHOUSE_KEY_ID:$CLICKHOUSE_KEY_SECRET" -H 'content-type: application/json' \\`);
    lines.push(`#     -X POST "https://api.clickhouse.cloud/v1/organizations/${String(step.input.organizationId ?? '<org>')}/services/${String(step.input.serviceId ?? '<service>')}/clickpipesReversePrivateEndpoints" \\`);
    lines.push(`#     -d '${body[0]}`, ...body.slice(1).map((l) => `#   ${l}`));
    lines[lines.length - 1] += "'";
    return lines;
  }
  const skip = new Set(step.clientTokenField ? [step.clientTokenField] : []);
  const outputs = Object.entries(step.outputs).filter(([name]) => used.has(`${step.id}.${name}`));
  const vars = outputs.map(([name]) => shellVariable(step.id, name));
  const query =
    outputs.length === 0 ? [] : outputs.length === 1 ? [`--query ${shellQuote(jmesPath(outputs[0][1]))}`, '--output text']
      : [`--query ${shellQuote(`[${outputs.map(([, p]) => jmesPath(p)).join(', ')}]`)}`, '--output text'];
  const main = command(step.service, step.operation, step.input, scope, skip, query);
  const checked = () => command(step.service, step.operation, step.input, scope, skip, [`--query ${shellQuote(waitQuery(step.failWhen!.path))}`, '--output text']);
  const wait = step.waitFor ? waitLoop(step, step.waitFor, scope) : [];
  if (step.skipIf?.when && vars.length === 0) return [...lines, ...conditionalSkip(step, step.skipIf, sentLines(step, main, checked), scope), ...wait];
  if (step.failWhen && !step.skipIf && !step.existsError && vars.length === 0) return [...lines, ...sentLines(step, main, checked), ...wait];
  const lookup = step.skipIf ? command(step.service, step.skipIf.operation, step.skipIf.input, scope, new Set(), query) : undefined;
  const either = lookup ? `{ ${lookup} 2>/dev/null || ${main}; }` : main;
  const exists = step.existsError;
  if (exists && !exists.adopt && !lookup && vars.length <= 1) {
    // As the apply does: AWS's "already exists" answer is this step's wanted state (a re-run).
    lines.push(`# Already there when AWS answers ${exists.code} (a re-run): that is the state this step wants.`);
    lines.push(`if ! out=$(${main} 2>&1); then`);
    lines.push(`  case "$out" in *'(${exists.code})'*) echo ${shellQuote(`${step.title}: already there`)}; out='' ;; *) echo "$out" >&2; exit 1 ;; esac`);
    lines.push('fi');
    if (vars.length === 1) lines.push(`${vars[0]}=$out`);
    return lines;
  }
  if (exists?.adopt) {
    const a = exists.adopt;
    lines.push(`# If AWS answers ${exists.code} (a re-run), the extension's apply reuses the ${kebab(step.operation).replace(/^create-/, '').replace(/-/g, ' ')} ${a.operation} lists as ${Object.values(a.match).join(', ')}`
      + `${a.same ? ` only when its ${a.same.path} are the same` : ''}; this script stops.`);
  }
  if (vars.length === 0) {
    lines.push(lookup ? `${lookup} >/dev/null 2>&1 || ${main}` : main);
  } else if (vars.length === 1) {
    lines.push(`${vars[0]}=$(${either})`);
  } else {
    lines.push(`read -r ${vars.join(' ')} < <(${either})`);
  }
  if (lookup) lines.splice(1, 0, `# Skipped when it already exists (${step.skipIf!.operation} succeeds).`);
  if (step.waitFor) lines.push(...waitLoop(step, step.waitFor, scope));
  return lines;
}

/** The plan as a bash script of AWS CLI commands. */
export function renderCli(plan: Plan, options: CliOptions = {}): string {
  const profile = options.profile ?? plan.profile;
  const region = options.region ?? plan.region;
  const used = usedOutputs(plan);
  const lines = [
    '#!/usr/bin/env bash',
    `# ${plan.title}`,
    `# The same steps as plan ${plan.id}, as AWS CLI commands (profile ${profile}, region ${region}).`,
    '# For reading and comparing with the ClickHouse docs; the extension applies the plan itself.',
    'set -euo pipefail',
    '',
  ];
  plan.steps.forEach((step, i) => {
    // The default chain is what the CLI uses with no --profile at all.
    const named = profile === DEFAULT_CREDENTIALS ? [] : [`--profile ${shellQuote(profile)}`];
    const scope = step.service === 'iam' ? named : [`--region ${shellQuote(region)}`, ...named];
    lines.push(...stepLines(plan, step, i, scope, used), '');
  });
  const results = Object.entries(plan.results);
  if (results.length) {
    lines.push('# For ClickHouse Cloud:');
    for (const [label, value] of results) lines.push(`echo ${shellQuote(`${label}:`)} ${shellWord(value)}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
