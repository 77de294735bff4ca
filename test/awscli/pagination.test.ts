// The oracle, part four: botocore's paginators (paginators-1.json, read from the installed botocore
// at test time) as the reference for every paginated read the extension makes. Statically: the SDK v3
// paginator src/aws uses names the model's input token, output token and limit key, and src/aws
// takes each page's items from the model's result key; every member the explorer's and the doctor's
// reads send (recorded at the SDK clients) is a member of the operation's input. A list or describe
// sent as one plain call that botocore paginates must be named below with why one page is all.
// Through the real CLI: on a list of at least three pages, auto-pagination at the smallest page the
// model allows and at the largest gives the same items, each exactly once, in the number of requests
// those page sizes make.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { catalogue } from '../emulator/services/rdsParameters';
import type { RunningEmulator } from '../emulator/index';
import { control, emulatorSuite } from '../integration/awsEnv';
import { assertAllCallsReachedEmulator, awsCall, botocoreModel, cliSandbox, cliTool, withoutDebug } from './awsCli';
import { driveReads, recordSends } from './explorerReads';
import { CLI_SERVICE } from './operations';
import { botocorePaginator, limitRange, paginatedUses, plainCommands, sdkPaginator } from './pagination';

const ROOT = path.join(__dirname, '..', '..', '..');
const SRC_AWS = path.join(ROOT, 'src', 'aws');

/**
 * Plain calls of operations botocore paginates, and why one page holds every answer: each asks for
 * one record by its identifier (RDS identifiers are unique in a region and account).
 */
const ONE_PAGE: Record<string, string> = {
  'rds:DescribeDBInstances': 'DBInstanceIdentifier names one instance',
  'rds:DescribeDBClusters': 'DBClusterIdentifier names one cluster',
  // Aurora user guide, "Considerations for custom endpoints": a custom endpoint's name is used by one cluster of a region.
  'rds:DescribeDBClusterEndpoints': 'DBClusterEndpointIdentifier names one custom endpoint of the region',
};

const key = (service: string, operation: string) => `${service}:${operation}`;

/** A copy of `record` for a new key: every string holding the old key holds the new one. */
function renamed<T>(value: T, from: string, to: string): T {
  if (typeof value === 'string') return value.split(from).join(to) as T;
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [renamed(k, from, to), renamed(v, from, to)])) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)])) as T;
}

/** Grows a keyed collection of the demo's us-east-1 to `n` records that `pick` takes, copying one of them (or one from eu-central-1). */
function grow(emu: RunningEmulator, collection: string, n: number, pick: (r: Record<string, any>) => boolean = () => true): void {
  const region = emu.world.region(DEMO_ACCOUNT, 'us-east-1') as unknown as Record<string, Map<string, any>>;
  const map = region[collection];
  let template = [...map.entries()].find(([, r]) => pick(r));
  if (!template) template = [...emu.world.region(DEMO_ACCOUNT, 'eu-central-1')[collection as 'vpcs'].entries()].find(([, r]) => pick(r));
  assert.ok(template, `no ${collection} record to copy`);
  const [k, record] = template;
  const count = () => [...map.values()].filter(pick).length;
  for (let i = 1; count() < n; i++) {
    // Same length and alphabet as the original (ids keep their pattern).
    const nk = k.slice(0, -4) + i.toString(16).padStart(4, '0');
    if (!map.has(nk)) map.set(nk, renamed(record, k, nk));
  }
}

type Fixture = { args?: string[]; seed(emu: RunningEmulator, n: number): void | (() => void) };
const principal = (i: number) => `arn:aws:iam::${String(100000000000 + i)}:root`;
const us = (emu: RunningEmulator) => emu.world.region(DEMO_ACCOUNT, 'us-east-1');

/** How to list at least `n` items of each paginated operation on the demo world (CLI arguments, records added). */
const FIXTURES: Record<string, (emu: RunningEmulator) => Fixture> = {
  'ec2:DescribeVpcs': () => ({ seed: (e, n) => grow(e, 'vpcs', n) }),
  'ec2:DescribeSubnets': () => ({ seed: (e, n) => grow(e, 'subnets', n) }),
  'ec2:DescribeSecurityGroups': () => ({ seed: (e, n) => grow(e, 'securityGroups', n) }),
  'ec2:DescribeSecurityGroupRules': () => ({ seed: (e, n) => grow(e, 'securityGroups', n, (g) => (g.IpPermissions ?? []).length > 0) }),
  'ec2:DescribeNetworkInterfaces': () => ({ seed: (e, n) => grow(e, 'networkInterfaces', n) }),
  'ec2:DescribeVpcEndpointServiceConfigurations': () => ({ seed: (e, n) => grow(e, 'endpointServices', n) }),
  'ec2:DescribeVpcEndpointConnections': () => ({ seed: (e, n) => grow(e, 'endpointConnections', n) }),
  'ec2:DescribeVpcEndpointServicePermissions': (emu) => {
    const id = [...us(emu).servicePermissions.keys()][0];
    return { args: ['--service-id', id], seed: (e, n) => { const list = us(e).servicePermissions.get(id)!; for (let i = list.length; i < n; i++) list.push(principal(i)); } };
  },
  'elbv2:DescribeLoadBalancers': () => ({ seed: (e, n) => grow(e, 'loadBalancers', n) }),
  'elbv2:DescribeListeners': (emu) => {
    const lb = [...us(emu).listeners.values()][0].LoadBalancerArn as string;
    return { args: ['--load-balancer-arn', lb], seed: (e, n) => grow(e, 'listeners', n, (l) => l.LoadBalancerArn === lb) };
  },
  'kafka:ListClustersV2': () => ({ seed: (e, n) => grow(e, 'mskClusters', n) }),
  'kafka:ListConfigurations': () => ({ seed: (e, n) => grow(e, 'mskConfigurations', n) }),
  'kafka:ListScramSecrets': (emu) => {
    const arn = [...us(emu).mskClusters.keys()][0];
    return { args: ['--cluster-arn', arn], seed: (e, n) => { us(e).mskScramSecrets.set(arn, Array.from({ length: n }, (_, i) => `arn:aws:secretsmanager:us-east-1:${DEMO_ACCOUNT}:secret:AmazonMSK_oracle${i}-abcdef`)); } };
  },
  'vpc-lattice:ListResourceGateways': () => ({ seed: (e, n) => grow(e, 'resourceGateways', n) }),
  'vpc-lattice:ListResourceConfigurations': () => ({ seed: (e, n) => grow(e, 'resourceConfigurations', n) }),
  'ram:GetResourceShares': () => ({ args: ['--resource-owner', 'SELF'], seed: (e, n) => grow(e, 'resourceShares', n) }),
  'ram:GetResourceShareAssociations': () => ({
    args: ['--association-type', 'PRINCIPAL'],
    seed: (e, n) => {
      const list = us(e).shareAssociations;
      const one = list.find((a) => a.associationType === 'PRINCIPAL')!;
      for (let i = 0; list.filter((a) => a.associationType === 'PRINCIPAL').length < n; i++) list.push({ ...one, associatedEntity: String(100000000000 + i) });
    },
  }),
  'rds:DescribeDBInstances': () => ({ seed: (e, n) => grow(e, 'dbInstances', n) }),
  'rds:DescribeDBClusters': () => ({ seed: (e, n) => grow(e, 'dbClusters', n) }),
  // The emulator catalogues only the parameters the doctor reads: more are added for the run.
  'rds:DescribeDBParameters': () => ({ args: ['--db-parameter-group-name', 'cdc-postgres16'], seed: (_e, n) => moreParameters('postgres16', 'instance', n) }),
  'rds:DescribeDBClusterParameters': () => ({ args: ['--db-cluster-parameter-group-name', 'default.aurora-postgresql16'], seed: (_e, n) => moreParameters('aurora-postgresql16', 'cluster', n) }),
  'secretsmanager:ListSecrets': () => ({ seed: (e, n) => grow(e, 'secrets', n) }),
};

function moreParameters(family: string, level: 'instance' | 'cluster', n: number): () => void {
  const cat = catalogue(family, level)!;
  const added: string[] = [];
  const template = Object.values(cat)[0];
  for (let i = 0; Object.keys(cat).length < n; i++) { cat[`oracle_parameter_${i}`] = template; added.push(`oracle_parameter_${i}`); }
  return () => { for (const k of added) delete cat[k]; };
}

/** CLI spelling of an operation: DescribeDBInstances → describe-db-instances (botocore's xform_name). */
function cliName(operation: string): string {
  return operation.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

describe('awscli oracle: botocore\'s paginators as the reference for every paginated read', function () {
  this.timeout(600_000);
  const suite = emulatorSuite('demo');
  before(() => { cliTool(); });

  it('src/aws pages with the model\'s tokens, limit key and result key, and sends only input members', async () => {
    const uses = paginatedUses(SRC_AWS, CLI_SERVICE);
    const problems: string[] = [];
    for (const u of uses) {
      const p = botocorePaginator(u.service, u.operation);
      if (!p) { problems.push(`${u.file}: ${u.service} ${u.operation} is paged but botocore has no paginator for it`); continue; }
      const sdk = sdkPaginator(ROOT, u.service, u.operation);
      if (!sdk) { problems.push(`${u.file}: no SDK v3 paginator found for ${u.operation}`); continue; }
      // An empty page-size name: the SDK maps no pageSize option, the input's own limit member (checked below) is sent as is.
      const want = { input: String(p.input_token), output: String(p.output_token), limit: sdk.limit === '' ? '' : p.limit_key ?? '' };
      if (JSON.stringify(sdk) !== JSON.stringify(want)) problems.push(`${u.service} ${u.operation}: SDK v3 pages with ${JSON.stringify(sdk)}, botocore ${JSON.stringify(want)}`);
      const results = ([] as string[]).concat(p.result_key);
      if (!u.items || !results.includes(u.items)) problems.push(`${u.file}: ${u.operation} takes its items from ${u.items}, botocore's result key is ${results.join(', ')}`);
    }
    const sent = await recordSends(() => driveReads(suite.layer));
    const paged = new Set(uses.map((u) => key(u.service, u.operation)));
    const plain = new Set<string>();
    for (const call of sent) {
      const model = botocoreModel(call.service, 'service-2');
      const op = model.operations[call.operation];
      const members = op.input ? Object.keys(model.shapes[op.input.shape].members) : [];
      for (const m of Object.keys(call.input)) if (!members.includes(m)) problems.push(`${call.service} ${call.operation} sends ${m}, not a member of its input (the SDK drops it)`);
      const p = botocorePaginator(call.service, call.operation);
      // A limit member other than the model's limit key is not a member either (caught above); a token must be the input token.
      if (p && Object.keys(call.input).some((m) => /token|marker/i.test(m) && m !== p.input_token)) problems.push(`${call.service} ${call.operation} sends a token other than ${String(p.input_token)}`);
    }
    for (const c of plainCommands(SRC_AWS, CLI_SERVICE)) if (botocorePaginator(c.service, c.operation)) plain.add(key(c.service, c.operation));
    // Every paginated read in src/aws ran (a new one needs a path through driveReads).
    const ran = new Set(sent.map((c) => key(c.service, c.operation)));
    const missed = [...paged].filter((k) => !ran.has(k));
    console.log(`      awscli pagination: ${paged.size} paginated operations checked against botocore's paginators (SDK tokens, limit key, result key); ${sent.length} sent reads (${ran.size} operations) checked for input members`);
    assert.ok(paged.size >= 20, `only ${paged.size} paginated operations found in src/aws`);
    assert.deepEqual(missed, [], 'a paginated read of src/aws was not run by driveReads');
    assert.deepEqual(problems, []);
    assert.deepEqual([...plain].sort(), Object.keys(ONE_PAGE).sort(), 'a read botocore paginates is sent as one plain call: page it, or say in ONE_PAGE why one page is all');
  });

  it('through the real CLI, auto-pagination at the smallest and the largest page gives every item exactly once', async () => {
    const box = cliSandbox(suite.emu.url);
    const uses = [...new Set(paginatedUses(SRC_AWS, CLI_SERVICE).map((u) => key(u.service, u.operation)))].sort();
    const problems: string[] = [];
    const undo: (() => void)[] = [];
    let checked = 0;
    try {
      const plans = uses.map((k) => {
        const [service, operation] = k.split(':');
        const fixture = FIXTURES[k];
        assert.ok(fixture, `no CLI fixture for the paginated ${k}`);
        const p = botocorePaginator(service, operation)!;
        const range = limitRange(service, operation, p.limit_key!);
        // At least two per page, so a page that drops or repeats an item shows.
        const small = Math.max(range.min ?? 1, 2);
        const large = range.max ?? 100;
        const f = fixture(suite.emu);
        const restore = f.seed(suite.emu, 2 * small + 1);
        if (restore) undo.push(restore);
        return { k, service, operation, p, small, large, clamped: range.clamped, args: f.args ?? [] };
      });
      // The demo's own pending transitions (a configuration or share becoming ACTIVE) settle first:
      // one landing between the two listings would read as other items (seen once).
      await control(suite.emu.url, 'POST', 'clock/advance', { ms: 3_600_000 });
      const logged = (service: string, operation: string) =>
        suite.emu.world.log.filter((e) => e.operation === operation && e.service === (service === 'elbv2' ? 'elasticloadbalancing' : service)).length;
      const run = async (x: (typeof plans)[number], size: number): Promise<{ items: string[]; requests: number } | string> => {
        const before = logged(x.service, x.operation);
        const items: unknown[] = [];
        let token: string | undefined;
        // Where the limit key is itself spelt --page-size (elbv2's PageSize), the CLI takes it as the
        // operation's member and turns its own pagination off (awscli/customizations/paginate.py,
        // check_should_enable_pagination): the output then carries the output token, followed here
        // through the input token as the SDK's paginator does.
        for (let turn = 0; turn < 100; turn++) {
          const r = await awsCall(box, x.service, cliName(x.operation), [...x.args, '--page-size', String(size), ...(token ? [`--${cliName(String(x.p.input_token))}`, token] : [])]);
          if (r.code !== 0) return `${x.k} --page-size ${size}: exit ${r.code} ${withoutDebug(r.stderr).slice(0, 300)}`;
          const out = JSON.parse(r.stdout) as Record<string, unknown>;
          items.push(...((out[String(([] as string[]).concat(x.p.result_key)[0])] ?? []) as unknown[]));
          token = out[String(x.p.output_token)] as string | undefined;
          if (!token) break;
        }
        return { items: items.map((i) => JSON.stringify(i)), requests: logged(x.service, x.operation) - before };
      };
      // One operation at a time per service keeps the request counts of each run its own.
      for (const x of plans) {
        const a = await run(x, x.small);
        const b = await run(x, x.large);
        if (typeof a === 'string' || typeof b === 'string') { problems.push([a, b].filter((x) => typeof x === 'string').join('; ')); continue; }
        checked++;
        const n = a.items.length;
        if (n < 2 * x.small + 1) problems.push(`${x.k}: ${n} items through the CLI, the fixture seeded ${2 * x.small + 1}`);
        if (new Set(a.items).size !== n) problems.push(`${x.k}: an item came twice at --page-size ${x.small}`);
        if (JSON.stringify([...a.items].sort()) !== JSON.stringify([...b.items].sort())) problems.push(`${x.k}: ${n} items at --page-size ${x.small}, ${b.items.length} at ${x.large}, or other items`);
        if (a.requests !== Math.ceil(n / x.small)) problems.push(`${x.k}: ${a.requests} requests for ${n} items at ${x.p.limit_key}=${x.small}, expected ${Math.ceil(n / x.small)}`);
        if (x.clamped) {
          // The model's documentation: a value above the maximum is answered with at most the maximum, not refused.
          const c = await run(x, x.large + 1);
          if (typeof c === 'string') problems.push(`${c} (the model documents a larger value as answered with ${x.large})`);
          else if (JSON.stringify([...c.items].sort()) !== JSON.stringify([...b.items].sort())) problems.push(`${x.k}: other items at ${x.p.limit_key}=${x.large + 1} than at ${x.large}`);
        }
        if (b.requests !== Math.ceil(n / x.large)) problems.push(`${x.k}: ${b.requests} requests for ${n} items at ${x.p.limit_key}=${x.large} (the documented maximum), expected ${Math.ceil(n / x.large)}`);
      }
      assertAllCallsReachedEmulator(box, suite.emu.world.log);
    } finally {
      for (const u of undo) u();
      box.dispose();
    }
    console.log(`      awscli pagination through the CLI: ${checked} paginated operations listed at the smallest and largest page botocore allows, every item once`);
    assert.deepEqual(problems, []);
    assert.equal(checked, uses.length);
  });
});
