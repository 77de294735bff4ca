// Seeded random bad input, pushed through the host's real paths against the emulator:
//   form inputs  every form kind: the submit message → the host's guard (parseInbound with the
//                form's submit command) → the session's validate (validateForm + host checks) →
//                checkRemote (AWS reads only) → build → review documents → checkPlanText →
//                the applier's account check → the executor through the real AWS layer
//   plan edits   a valid plan of every kind, as the review tab's text, mutated (values, types,
//                operations, services, step order, references, raw text) and, where the plan
//                has editable documents (policies), those edited too; then the applier's
//                readPlan steps (checkPlanText, JSON check, applyDocumentEdit, checkPlanText)
//                and, when accepted, the applier's account check and the executor
// For every input: nothing throws out of these paths; a rejected input makes ZERO mutating
// requests (the emulator's request log, read directly from its world); an accepted one makes
// only the mutating calls the confirmation names. Seed: RESILIENCE_SEED (printed).
//   RESILIENCE_FORM_CASES / RESILIENCE_PLAN_CASES (default 1000 each)
import * as assert from 'node:assert/strict';
import type { AwsLayer, Scope } from '../../src/aws/api';
import { applyDocumentEdit, buildClickhouseEndpointPlan, documentsFor, type BuildContext } from '../../src/model/builders';
import type { ClickhouseEndpointForm } from '../../src/model/forms';
import type { Plan } from '../../src/model/plan';
import { validateForm } from '../../src/model/formValidation';
import { confirmationText } from '../../src/plans/confirm';
import { applyPlan, type StepCall } from '../../src/plans/executor';
import { MemoryJournalStore } from '../../src/plans/journal';
import { checkPlanText } from '../../src/plans/planValidation';
import { failedPrerequisites } from '../../src/webviews/forms/mskMultiVpc';
import type { FormContext, FormDefinition, FormSession } from '../../src/webviews/forms/index';
import { endpointServiceForm } from '../../src/webviews/forms/endpointService';
import { iamDbAuthForm } from '../../src/webviews/forms/iamDbAuth';
import { mskMultiVpcForm } from '../../src/webviews/forms/mskMultiVpc';
import { vpcResourceForm } from '../../src/webviews/forms/vpcResource';
import { defaultAuth } from '../../src/webviews/mskProtocol';
import { FormCancelCommand, ReadyCommand, parseInbound } from '../../src/webviews/protocol';
import { loadScenario } from '../emulator/index';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { emulatorEnv, extensionLikeLayer, READ_OPERATION, runSeed, seededRandom, TextCapture } from './harness';

const US: Scope = { profile: 'clickpipes-demo', region: 'us-east-1' };
const FORM_CASES = Number(process.env.RESILIENCE_FORM_CASES || 1000);
const PLAN_CASES = Number(process.env.RESILIENCE_PLAN_CASES || 1000);
const CH_ROLE = 'arn:aws:iam::072088201116:role/ClickHouseServiceRole-fuzz';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Hostile or wrong values: types, sizes, encodings, injection, references, other fields' values. */
function poolValue(r: Rand, borrowed: unknown[]): unknown {
  const values: (() => unknown)[] = [
    () => '', () => ' ', () => '   padded   ', () => 'x'.repeat(1 + int(r, 5000)), () => '\u0000\u0007', () => 'ümlaut-名前-🙂',
    () => '<script>alert(1)</script>', () => "'; DROP TABLE users; --", () => '${steps.gateway.id}', () => '${steps.nope.arn}',
    () => '../../../../etc/passwd', () => 'arn:aws:iam::123456789012:root', () => 'arn:aws:rds:us-east-1:123456789012:db:nope',
    () => 'arn:aws:kafka:us-east-1:123456789012:cluster/x/y', () => '*', () => '0', () => '-1', () => '65536', () => '1-70000',
    () => 'vpc-', () => 'subnet-zzzz', () => 'rcfg-0123456789abcdef0', () => 'rgw-0123456789abcdef0', () => 'vpce-svc-0123456789abcdef0',
    () => 'us-east-9', () => 'eu-central-1', () => '123456789012', () => '210987654321', () => 'clickpipes-other',
    () => null, () => undefined, () => 0, () => -1, () => 1.5, () => Number.MAX_SAFE_INTEGER, () => NaN, () => true, () => false,
    () => [], () => [''], () => ['a'.repeat(300)], () => Array.from({ length: 60 }, (_, i) => `subnet-0aaaaaaaaaaaaa${String(i).padStart(3, '0')}`),
    () => [1, 2, 3], () => [null], () => ({}), () => ({ nested: { deeper: [1, { x: 'y' }] } }), () => JSON.parse('{"__proto__":{"polluted":true}}'),
    () => ({ toString: 'not a function' }), () => pick(r, borrowed), () => pick(r, borrowed), () => pick(r, borrowed),
  ];
  return pick(r, values)();
}

function mutateString(r: Rand, s: string): string {
  if (!s) return pick(r, ['x', ' ', '-']);
  const i = int(r, s.length);
  switch (int(r, 6)) {
    case 0: return s.slice(0, i) + s.slice(i + 1);
    case 1: return s.slice(0, i) + String.fromCharCode(32 + int(r, 95)) + s.slice(i);
    case 2: return s.slice(0, i) + String.fromCharCode(int(r, 0x3000)) + s.slice(i + 1);
    case 3: return s.toUpperCase();
    case 4: return s.slice(0, i);
    default: return s + s;
  }
}

/** An own, enumerable property even for "__proto__": what structured clone and JSON.parse deliver. */
function setOwn(o: Record<string, unknown>, k: string, value: unknown): void {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
}

/** 1–3 mutations of a form's values (or of the message around them). */
function mutateValues(r: Rand, base: Record<string, unknown>, keys: readonly string[], borrowed: unknown[]): unknown {
  if (r() < 0.03) return poolValue(r, borrowed); // not even an object
  const v: Record<string, unknown> = clone(base);
  for (let n = 1 + int(r, 3); n > 0; n--) {
    const key = r() < 0.85 ? pick(r, keys) : pick(r, ['unexpected', '__proto__', 'constructor', 'toString', 'values']);
    const op = int(r, 10);
    const own = Object.hasOwn(v, key) ? v[key] : undefined;
    if (op <= 3) setOwn(v, key, poolValue(r, borrowed));
    else if (op <= 5 && typeof own === 'string') setOwn(v, key, mutateString(r, own));
    else if (op === 6) delete v[key];
    else if (op === 7 && Array.isArray(own)) own.push(poolValue(r, borrowed));
    else if (op === 8 && own && typeof own === 'object' && !Array.isArray(own)) {
      const inner = own as Record<string, unknown>;
      setOwn(inner, pick(r, [...Object.keys(inner), 'extra']), poolValue(r, borrowed));
    } else setOwn(v, key, poolValue(r, borrowed));
  }
  return v;
}

const OPERATIONS = [
  'DeleteResourceGateway', 'DeleteResourceConfiguration', 'DeleteResourceShare', 'ModifyDBInstance', 'ModifyDBCluster', 'DeleteRole',
  'PutRolePolicy', 'DeleteRolePolicy', 'AcceptVpcEndpointConnections', 'RejectVpcEndpointConnections', 'DeleteClusterPolicy',
  'UpdateConnectivity', 'TerminateInstances', 'CreateResourceGateway', 'CreateResourceShare', 'GetResourceGateway', 'GetRole',
  'DescribeDBInstances', 'DeleteVpcEndpointServiceConfigurations', 'ModifyVpcEndpointServicePermissions', 'deleteEverything', 'Delete',
];
const SERVICES = ['vpc-lattice', 'ram', 'kafka', 'ec2', 'iam', 'rds', 'elbv2', 'sts', 'clickhouse', 's3', 'EC2', ''];

/** Every [container, key] in a JSON value, for picking a random place to edit. */
function places(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): typeof out {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([v, i]); places(x, out); });
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push([v as Record<string, unknown>, k]); places(x, out); }
  return out;
}

/** 1–3 edits of a plan, as a person (or a bad paste) might make them in the review tab. */
function mutatePlanText(r: Rand, plan: Plan, borrowed: unknown[]): string {
  const p = clone(plan) as unknown as Record<string, any>;
  let text: string | undefined;
  for (let n = 1 + int(r, 3); n > 0; n--) {
    const steps = p.steps as Record<string, unknown>[];
    const picked = Array.isArray(steps) && steps.length ? steps[int(r, steps.length)] : undefined;
    const step = picked && typeof picked === 'object' && !Array.isArray(picked) ? picked : undefined;
    switch (int(r, 12)) {
      case 0: case 1: {
        const all = places(p);
        const [c, k] = pick(r, all);
        setOwn(c as Record<string, unknown>, k as string, r() < 0.3 && typeof (c as any)[k] === 'string' ? mutateString(r, (c as any)[k]) : poolValue(r, borrowed));
        break;
      }
      case 2: {
        const all = places(p).filter(([c]) => !Array.isArray(c));
        const [c, k] = pick(r, all);
        delete (c as any)[k];
        break;
      }
      case 3: if (step) { step.operation = pick(r, OPERATIONS); if (r() < 0.5) step.mutating = r() < 0.5; } break;
      case 4: if (step) step.service = pick(r, SERVICES); break;
      case 5: if (Array.isArray(steps) && steps.length > 1) { const i = int(r, steps.length); const j = int(r, steps.length); [steps[i], steps[j]] = [steps[j], steps[i]]; } break;
      case 6: if (Array.isArray(steps) && step) steps.splice(int(r, steps.length + 1), 0, clone(step)); break;
      case 7: if (Array.isArray(steps) && steps.length) steps.splice(int(r, steps.length), 1); break;
      case 8: if (step) { const input = step.input as Record<string, unknown>; if (input && typeof input === 'object') setOwn(input, pick(r, [...Object.keys(input), 'extra', 'DryRun']), pick(r, ['${steps.gateway.id}', '${steps.configuration.arn}', '${steps.role.arn}', '${steps.x.y}', poolValue(r, borrowed)])); } break;
      case 9: if (step) step.mutating = pick(r, [false, true, 'no', 0, null]); break;
      case 10: p.profile = pick(r, ['clickpipes-other', 'clickpipes-demo-eu', 'nope', '', 'clickpipes-demo']); if (r() < 0.5) p.region = pick(r, ['eu-central-1', 'us-east-2', 'mars-1', 'us-east-1']); break;
      default: {
        const t = text ?? JSON.stringify(p, null, 2);
        const i = int(r, t.length);
        text = pick(r, [
          () => t.slice(0, i) + t.slice(i + 1 + int(r, 20)), () => t.slice(0, i) + pick(r, ['"', ',', '}', ']', '{', '\\', ' ', '\u0000']) + t.slice(i),
          () => t.slice(0, i), () => t.replace(/"mutating": true/g, '"mutating": false'), () => `${t}\n// comment`, () => t.replace(/"/, "'"),
        ])();
      }
    }
  }
  return text ?? JSON.stringify(p, null, 2);
}

const PROTO_NAMES = { object: Object.getOwnPropertyNames(Object.prototype).sort(), array: Object.getOwnPropertyNames(Array.prototype).sort() };

type Result = { stage: string; mutating: string[]; thrown?: string; applied?: boolean; extra?: string };

describe(`resilience: seeded random form inputs and plan edits never reach AWS unvalidated (seed ${runSeed()})`, function () {
  this.timeout(600_000);
  const env = emulatorEnv('demo');
  const capture = new TextCapture();
  const seed = runSeed();
  let layer: AwsLayer;
  type Kind = { name: string; def?: FormDefinition<any, any>; session?: FormSession<any, any>; keys: string[]; base: Record<string, unknown>[]; plan?: Plan };
  const kinds: Kind[] = [];
  const borrowed: unknown[] = [];
  let planSeq = 0;

  const resetWorld = () => {
    const w = env.emu.world;
    w.reset(1);
    loadScenario(w, 'demo');
    Object.assign(w.timings, { create: 0, update: 0, delete: 0, shareActivate: 0 });
  };
  const buildCtx = (): BuildContext => ({ planId: `fuzz-${seed}-${++planSeq}`, createdAt: '2026-11-23T19:00:00.000Z', profile: US.profile, region: US.region, accountId: DEMO_ACCOUNT });

  before(async function () {
    this.timeout(120_000);
    console.log(`      seed ${seed} (RESILIENCE_SEED=${seed} reproduces this run); ${FORM_CASES} form inputs, ${PLAN_CASES} plan edits`);
    layer = extensionLikeLayer(capture);
    const ctx: FormContext = { deps: { aws: () => layer, log: quiet }, extensionUri: undefined as never, scope: US, node: undefined, review: async () => undefined as never };
    const start = async (def: FormDefinition<any, any>) => {
      const session = def.start(ctx);
      const init = await session.loadInit();
      capture.add('form init', init);
      return { session, init };
    };
    {
      const { session, init } = await start(vpcResourceForm);
      const vpc = init.vpcs.find((v: { label: string }) => v.label.startsWith('prod-data'));
      const details = await (session as any).loadVpc(vpc.id);
      const db = init.databases.find((d: { label: string }) => d.label.includes('orders-aurora-pg'));
      const common = {
        gatewayMode: 'new', gatewayName: 'fuzz-gateway', vpcId: vpc.id, subnetIds: details.subnets.slice(0, 2).map((s: { id: string }) => s.id),
        securityGroupIds: details.securityGroups.slice(0, 1).map((g: { value: string }) => g.value), ipAddressType: 'IPV4', shareName: 'fuzz-share', allowExternalPrincipals: true,
      };
      kinds.push({
        name: 'vpcResource', def: vpcResourceForm, session,
        keys: ['gatewayMode', 'gatewayId', 'gatewayName', 'vpcId', 'subnetIds', 'securityGroupIds', 'ipAddressType', 'configurationName', 'configurationType', 'groupId', 'definitionKind', 'arn', 'ipAddress', 'domainName', 'portRanges', 'protocol', 'shareName', 'allowExternalPrincipals', 'vpcCidrs'],
        base: [
          { ...common, configurationName: 'fuzz-config', configurationType: 'ARN', definitionKind: 'arn', arn: db.arn },
          { ...common, configurationName: 'fuzz-dns', configurationType: 'SINGLE', definitionKind: 'dns', domainName: 'db.internal.example.com', portRanges: ['5432'], protocol: 'TCP' },
          { ...common, gatewayMode: 'existing', gatewayId: init.gateways.find((g: { status: string }) => g.status === 'ACTIVE')?.id, configurationName: 'fuzz-group', configurationType: 'GROUP', portRanges: ['5432-5433'],
            // A GROUP plan creates its first CHILD (AWS: a group without children points at nothing).
            definitionKind: 'dns', domainName: 'db.fuzz.example.com' },
        ],
      });
    }
    {
      const { session, init } = await start(mskMultiVpcForm);
      const ok = init.clusters.filter((c: any) => failedPrerequisites(c).length === 0);
      assert.ok(ok.length, 'the demo has an MSK cluster ready for multi-VPC');
      kinds.push({ name: 'mskMultiVpc', def: mskMultiVpcForm, session, keys: ['clusterArn', 'auth', 'clusterAuth'], base: ok.map((c: any) => ({ clusterArn: c.arn, auth: defaultAuth(c) })) });
    }
    {
      const { session, init } = await start(iamDbAuthForm);
      const ok = init.databases.filter((d: any) => !d.disabledReason && (d.iamAuth || d.status === 'available')).slice(0, 3);
      assert.ok(ok.length, 'the demo has a database for IAM DB auth');
      kinds.push({
        name: 'iamDbAuth', def: iamDbAuthForm, session,
        keys: ['databaseKind', 'databaseId', 'resourceId', 'engine', 'region', 'account', 'clickhouseRoleArn', 'dbUser', 'roleName', 'enableIamAuth'],
        base: ok.map((d: any, i: number) => ({ databaseKind: d.kind, databaseId: d.id, resourceId: '', engine: '', region: '', account: '', clickhouseRoleArn: CH_ROLE, dbUser: 'clickpipes_iam_user', roleName: `clickpipes-fuzz-${i}`, enableIamAuth: true })),
      });
    }
    {
      const { session, init } = await start(endpointServiceForm);
      const ok = init.loadBalancers.filter((o: any) => !o.disabledReason);
      assert.ok(ok.length, 'the demo has an NLB');
      kinds.push({
        name: 'endpointService', def: endpointServiceForm, session,
        keys: ['mode', 'serviceId', 'networkLoadBalancerArns', 'acceptanceRequired', 'privateDnsName', 'supportedRegions', 'region'],
        base: [
          { mode: 'new', networkLoadBalancerArns: [ok[0].arn], acceptanceRequired: true },
          { mode: 'new', networkLoadBalancerArns: [ok[ok.length - 1].arn], acceptanceRequired: false, supportedRegions: ['eu-central-1'], privateDnsName: 'pg.fuzz.example.com' },
        ],
      });
    }
    // The ClickHouse side has no webview form (input boxes + the same validateForm): no guard, no session.
    kinds.push({
      name: 'clickhouseEndpoint', keys: ['organizationId', 'serviceId', 'description', 'type', 'vpcEndpointServiceName', 'vpcResourceConfigurationId', 'vpcResourceShareArn', 'mskClusterArn', 'mskAuthentication'],
      base: [
        { organizationId: '0b5e7d2a-0000-4000-8000-000000000001', serviceId: '0b5e7d2a-0000-4000-8000-000000000002', description: 'fuzz', type: 'VPC_RESOURCE', vpcResourceConfigurationId: 'rcfg-0123456789abcdef0', vpcResourceShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/0b5e7d2a-0000-4000-8000-000000000003' },
        { organizationId: '0b5e7d2a-0000-4000-8000-000000000001', serviceId: '0b5e7d2a-0000-4000-8000-000000000002', description: 'fuzz msk', type: 'MSK_MULTI_VPC', mskClusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5', mskAuthentication: 'SASL_IAM' },
      ],
    });
    for (const k of kinds) for (const b of k.base) for (const v of Object.values(b)) borrowed.push(v);

    // Every baseline is accepted and builds a valid plan (so the mutations start from good input).
    for (const k of kinds) {
      for (const b of k.base) {
        const r = await formPipeline(k, clone(b), false);
        assert.equal(r.stage, 'accepted', `${k.name} baseline ${JSON.stringify(b)}: ${r.stage} ${r.extra ?? ''} ${r.thrown ?? ''}`);
      }
    }
  });
  after(() => layer?.dispose());

  /** Mutating requests the emulator received since `from` (any outcome: it reached AWS). */
  const mutatingSince = (from: number) =>
    env.emu.world.log.slice(from).filter((e) => !READ_OPERATION.test(e.operation)).map((e) => `${e.service}:${e.operation}`);

  /** The applier: account check, confirmation, executor; returns the confirmation's call list. */
  async function applyLikeTheApplier(plan: Plan): Promise<{ stage: string; calls: string[] }> {
    let account: string;
    try {
      account = (await layer.callerIdentity(plan.profile)).account;
    } catch (err) {
      capture.addError('account check', err);
      return { stage: 'account-unreadable', calls: [] };
    }
    if (plan.accountId && plan.accountId !== account) return { stage: 'account-mismatch', calls: [] };
    const confirmation = confirmationText(plan, account, undefined);
    capture.add('confirmation', confirmation);
    const scope: Scope = { profile: plan.profile, region: plan.region };
    const world = env.emu.world;
    let t = Date.now();
    const call: StepCall = async (service, operation, input) => {
      if (service === 'clickhouse') throw Object.assign(new Error('Sign in to ClickHouse Cloud first (ClickPipes: Sign in to ClickHouse Cloud).'), { name: 'ClickHouseUnauthorized' });
      return layer.call(scope, service, operation, input);
    };
    const outcome = await applyPlan(plan, {
      call, journal: new MemoryJournalStore(), now: () => t,
      sleep: async (ms) => { t += ms; world.clock.advance(ms); },
    });
    capture.add('apply outcome', outcome);
    return { stage: `applied:${outcome.status}`, calls: confirmation.calls };
  }

  /** One form submission through the host's path. */
  async function formPipeline(k: Kind, values: unknown, mutated = true): Promise<Result> {
    const from = env.emu.world.log.length;
    const done = (stage: string, extra?: string): Result => ({ stage, mutating: mutatingSince(from), extra });
    try {
      if (k.def) {
        const parsed = parseInbound({ method: k.def.submitCommand.method, params: { values } }, [ReadyCommand, FormCancelCommand, k.def.submitCommand]);
        if (!parsed.ok) return done('guard');
        let errors = k.session!.validate(values);
        capture.add('form errors', errors);
        if (Object.keys(errors).length === 0 && k.session!.checkRemote) {
          errors = await k.session!.checkRemote(values);
          capture.add('form errors', errors);
        }
        if (Object.keys(errors).length) return done('validate');
      } else {
        const errors = validateForm('clickhouseEndpoint', values as Record<string, unknown>);
        capture.add('form errors', errors);
        if (Object.keys(errors).length) return done('validate');
      }
      const plan = k.def ? k.session!.build(values, buildCtx()) : buildClickhouseEndpointPlan(values as ClickhouseEndpointForm, buildCtx());
      k.plan ??= clone(plan);
      for (const d of documentsFor(plan)) capture.add(`review document ${d.name}`, d.content);
      const checked = checkPlanText(JSON.stringify(plan, null, 2));
      if (!checked.plan) return done('plan-rejected', checked.problems.map((p) => p.message).join(' '));
      if (!mutated || plan.kind === 'clickhouseEndpoint') return done('accepted');
      resetWorld();
      const applied = await applyLikeTheApplier(checked.plan);
      const r = done(applied.stage);
      return { ...r, applied: true, extra: applied.calls.join(' | ') };
    } catch (err) {
      capture.addError('unexpected throw', err);
      return { stage: 'threw', mutating: mutatingSince(from), thrown: `${(err as Error)?.stack ?? err}` };
    }
  }

  /** One edited plan through the applier's readPlan and apply. */
  async function planPipeline(plan: Plan, text: string, docEdit?: { name: string; content: string; source: { stepId: string; field: string }; json: boolean }): Promise<Result> {
    const from = env.emu.world.log.length;
    const done = (stage: string, extra?: string): Result => ({ stage, mutating: mutatingSince(from), extra });
    try {
      const checked = checkPlanText(text);
      if (!checked.plan) return done('plan-rejected');
      let edited = checked.plan;
      if (docEdit) {
        if (docEdit.json) {
          try { JSON.parse(docEdit.content); } catch { return done('document-not-json'); }
        }
        edited = applyDocumentEdit(edited, docEdit);
        const again = checkPlanText(JSON.stringify(edited));
        if (!again.plan) return done('document-rejected');
        edited = again.plan;
      }
      for (const d of documentsFor(edited)) capture.add(`review document ${d.name}`, d.content);
      resetWorld();
      const applied = await applyLikeTheApplier(edited);
      return { ...done(applied.stage), applied: true, extra: applied.calls.join(' | ') };
    } catch (err) {
      capture.addError('unexpected throw', err);
      return { stage: 'threw', mutating: mutatingSince(from), thrown: `${(err as Error)?.stack ?? err}` };
    }
  }

  /** The violations in a batch of results; prints the stage counts. */
  function judge(label: string, results: (Result & { kind: string; i: number })[]): string[] {
    const stages: Record<string, number> = {};
    for (const r of results) stages[`${r.kind}:${r.stage}`] = (stages[`${r.kind}:${r.stage}`] ?? 0) + 1;
    console.log(`      ${label}: ${Object.entries(stages).sort().map(([k, v]) => `${k}=${v}`).join(', ')}`);
    // Nothing reaches AWS either way, but bad input must be stopped at the field where it was typed:
    // a form that says yes to what its own plan check then refuses is a validation gap.
    const bad: string[] = results
      .filter((r) => label === 'form inputs' && r.stage === 'plan-rejected')
      .map((r) => `${label} #${r.i} (${r.kind}, seed ${seed}): passed the form's validation but its plan was refused: ${r.extra}`);
    for (const r of results) {
      const where = `${label} #${r.i} (${r.kind}, seed ${seed})`;
      if (r.thrown) bad.push(`${where}: threw ${r.thrown.split('\n').slice(0, 3).join(' ')}`);
      else if (!r.applied && r.mutating.length) bad.push(`${where}: rejected at ${r.stage} yet AWS received ${r.mutating.join(', ')}`);
      else if (r.applied) {
        const named = r.extra ?? '';
        for (const m of r.mutating) {
          const op = m.split(':')[1];
          if (!new RegExp(`(^| )${op} — `).test(named)) bad.push(`${where}: ${m} was called but the confirmation did not name it (${named || 'no calls'})`);
        }
      }
    }
    return bad;
  }

  it(`${FORM_CASES} mutated form inputs (every form kind): nothing throws, rejected ones make no mutating call, accepted ones only the confirmed calls`, async () => {
    const r = seededRandom(seed);
    const results: (Result & { kind: string; i: number })[] = [];
    for (let i = 0; i < FORM_CASES; i++) {
      const k = kinds[i % kinds.length];
      const values = mutateValues(r, pick(r, k.base), k.keys, borrowed);
      results.push({ ...(await formPipeline(k, values)), kind: k.name, i });
    }
    const bad = judge('form inputs', results);
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} violations`);
    assert.ok(results.filter((x) => !x.applied && x.stage !== 'accepted').length > FORM_CASES / 2, 'most mutated inputs are rejected');
  });

  it(`${PLAN_CASES} edited plans (every plan kind, plan.json and editable documents): nothing throws, rejected edits make no mutating call, accepted ones only the confirmed calls`, async () => {
    const r = seededRandom(seed ^ 0x5eed);
    const plans = kinds.map((k) => k.plan!).filter(Boolean);
    assert.equal(plans.length, kinds.length, 'a plan of every kind');
    const results: (Result & { kind: string; i: number })[] = [];
    for (let i = 0; i < PLAN_CASES; i++) {
      const base = clone(plans[i % plans.length]);
      base.id = `fuzz-edit-${seed}-${i}`;
      const editable = documentsFor(base).filter((d) => d.editable && d.source);
      let text = JSON.stringify(base, null, 2);
      let docEdit: Parameters<typeof planPipeline>[2];
      if (editable.length && r() < 0.3) {
        const d = pick(r, editable);
        let content = d.content;
        let x: unknown;
        for (let n = 1 + int(r, 3); n > 0; n--) content = r() < 0.5 ? mutateString(r, content) : content.replace(/"[^"]*"/, JSON.stringify(typeof (x = poolValue(r, borrowed)) === 'string' ? x : JSON.stringify(x) ?? 'undefined'));
        docEdit = { name: d.name, content, source: d.source!, json: d.language === 'json' };
        if (r() < 0.3) text = mutatePlanText(r, base, borrowed);
      } else {
        text = mutatePlanText(r, base, borrowed);
      }
      results.push({ ...(await planPipeline(base, text, docEdit)), kind: base.kind, i });
    }
    const bad = judge('plan edits', results);
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} violations`);
    assert.ok(results.filter((x) => !x.applied).length > PLAN_CASES / 3, 'many edits are refused');
  });

  it('nothing along these paths added a property to Object.prototype or Array.prototype (no prototype pollution)', () => {
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTO_NAMES.object);
    assert.deepEqual(Object.getOwnPropertyNames(Array.prototype).sort(), PROTO_NAMES.array);
  });

  it('no credential value in any log line, review document, confirmation, form error or outcome produced by these inputs', () => {
    capture.assertNoLeaks();
  });
});
