// The MSK multi-VPC form, host side: prerequisites (each explained), ≥ 30 bad inputs through the
// same validators as the page (validateForm('mskMultiVpc') + the host's cluster facts), the
// message guards, the node preset, and a session over a fake AWS layer (fresh read → plan).
import * as assert from 'node:assert/strict';
import type { AwsLayer } from '../../../src/aws/api';
import type { MskMultiVpcForm } from '../../../src/model/forms';
import { mergeClusterPolicy } from '../../../src/model/policies';
import type { MskCluster } from '../../../src/model/resources';
import { validateForm } from '../../../src/model/formValidation';
import type { FormContext } from '../../../src/webviews/forms/index';
import { checkMskForm, clusterOption, mskPrerequisites, mskPreset, prerequisiteError, startMskMultiVpcSession } from '../../../src/webviews/forms/mskMultiVpc';
import { SubmitMskMultiVpcCommand, defaultAuth, isMskMultiVpcForm } from '../../../src/webviews/mskProtocol';

const ACCOUNT = '123456789012';
const arnOf = (name: string, region = 'us-east-1') => `arn:aws:kafka:${region}:${ACCOUNT}:cluster/${name}/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5`;
const cluster = (name: string, over: Partial<MskCluster> = {}): MskCluster => ({
  arn: arnOf(name), name, clusterType: 'PROVISIONED', state: 'ACTIVE', currentVersion: 'K1', kafkaVersion: '3.6.0', instanceType: 'kafka.m5.large',
  auth: { iam: true, scram: true, tls: false, unauthenticated: false }, multiVpc: { iam: false, scram: false, tls: false }, ...over,
});
const scope = { profile: 'demo', region: 'us-east-1' };
const failing = (c: MskCluster, region = 'us-east-1') => mskPrerequisites(c, region).filter((p) => !p.ok).map((p) => p.id);

const CLUSTERS = [
  cluster('ready'),
  cluster('tiny', { instanceType: 'kafka.t3.small', auth: { iam: true, scram: false, tls: false } }),
  cluster('old', { kafkaVersion: '2.6.2', auth: { iam: false, scram: true, tls: false } }),
  cluster('open', { auth: { iam: false, scram: false, tls: false, unauthenticated: true } }),
  cluster('tlsonly', { auth: { iam: false, scram: false, tls: true } }),
  cluster('busy', { state: 'UPDATING' }),
  cluster('iamonly', { auth: { iam: true, scram: false, tls: true } }),
];
const OPTIONS = CLUSTERS.map((c) => clusterOption(c, 'us-east-1'));
const ok = (name: string, auth: MskMultiVpcForm['auth']): MskMultiVpcForm => ({ clusterArn: arnOf(name), auth });

describe('msk/form: prerequisites', () => {
  it('a ready cluster passes all six, in order', () => {
    assert.deepEqual(mskPrerequisites(cluster('ready'), 'us-east-1').map((p) => [p.id, p.ok]), [
      ['provisioned', true], ['kafkaVersion', true], ['authentication', true], ['instanceType', true], ['active', true], ['region', true],
    ]);
  });

  it('each failing prerequisite is named and explained', () => {
    assert.deepEqual(failing(cluster('s', { clusterType: 'SERVERLESS', kafkaVersion: undefined, instanceType: undefined })), ['provisioned', 'kafkaVersion']);
    assert.deepEqual(failing(cluster('old', { kafkaVersion: '2.6.2' })), ['kafkaVersion']);
    assert.deepEqual(failing(cluster('edge', { kafkaVersion: '2.7.1' })), []);
    assert.deepEqual(failing(cluster('tiered', { kafkaVersion: '2.8.2.tiered' })), []);
    assert.deepEqual(failing(cluster('open', { auth: { iam: false, scram: false, tls: false, unauthenticated: true } })), ['authentication']);
    assert.deepEqual(failing(cluster('tiny', { instanceType: 'kafka.t3.small' })), ['instanceType']);
    assert.deepEqual(failing(cluster('busy', { state: 'UPDATING' })), ['active']);
    assert.deepEqual(failing(cluster('far', { arn: arnOf('far', 'eu-west-1') })), ['region']);
    assert.deepEqual(failing(cluster('nocp', { arn: arnOf('nocp', 'eu-south-1') }), 'eu-south-1'), ['region']);
    const tls = mskPrerequisites(cluster('t', { auth: { iam: false, scram: false, tls: true } }), 'us-east-1').find((p) => p.id === 'authentication')!;
    assert.match(tls.detail, /Only TLS is enabled/);
    const msg = prerequisiteError(clusterOption(cluster('tiny', { instanceType: 'kafka.t3.small', kafkaVersion: '2.6.2' }), 'us-east-1'))!;
    assert.match(msg, /older than 2\.7\.1/);
    assert.match(msg, /kafka\.t3\.small brokers do not support/);
  });

  it('the default auth keeps what is already on and prefers SASL/IAM', () => {
    assert.deepEqual(defaultAuth({ auth: { iam: true, scram: true, tls: false }, multiVpc: { iam: false, scram: false, tls: false } }), { iam: true, scram: false, tls: false });
    assert.deepEqual(defaultAuth({ auth: { iam: false, scram: true, tls: false }, multiVpc: { iam: false, scram: false, tls: false } }), { iam: false, scram: true, tls: false });
    assert.deepEqual(defaultAuth({ auth: { iam: true, scram: true, tls: true }, multiVpc: { iam: false, scram: true, tls: true } }), { iam: true, scram: true, tls: true });
  });

  it('presets from an MSK cluster node, with the prerequisite problems as a note', () => {
    assert.deepEqual(mskPreset({ type: 'mskCluster', resource: { arn: arnOf('ready') } }, OPTIONS).preset, { clusterArn: arnOf('ready'), auth: { iam: true, scram: false, tls: false } });
    assert.match(mskPreset({ type: 'mskCluster', resource: { arn: arnOf('tiny') } }, OPTIONS).note ?? '', /kafka\.t3\.small/);
    assert.deepEqual(mskPreset({ type: 'region' }, OPTIONS), { preset: {} });
    assert.match(mskPreset({ type: 'mskCluster', resource: { arn: arnOf('gone') } }, OPTIONS).note ?? '', /not in the list/);
  });
});

// [name, values, field, message pattern]
const BAD: [string, Record<string, unknown>, string, RegExp][] = [
  ['no values at all', {}, 'clusterArn', /choose a cluster/],
  ['empty ARN', { clusterArn: '', auth: { iam: true, scram: false } }, 'clusterArn', /choose a cluster/],
  ['whitespace ARN', { clusterArn: '   ', auth: { iam: true, scram: false } }, 'clusterArn', /required|must look like/],
  ['ARN without uuid', { clusterArn: `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/ready`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['topic ARN', { clusterArn: `arn:aws:kafka:us-east-1:${ACCOUNT}:topic/ready/abc-1/t`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['group ARN', { clusterArn: `arn:aws:kafka:us-east-1:${ACCOUNT}:group/ready/abc-1/*`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['RDS ARN', { clusterArn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:ready`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['11-digit account', { clusterArn: 'arn:aws:kafka:us-east-1:12345678901:cluster/ready/abc-1', auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['region not a region', { clusterArn: `arn:aws:kafka:useast1:${ACCOUNT}:cluster/ready/abc-1`, auth: { iam: true, scram: false } }, 'clusterArn', /not an AWS region code|must look like/],
  ['china partition', { clusterArn: `arn:aws-cn:kafka:cn-north-1:${ACCOUNT}:cluster/ready/abc-1`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['name with underscore', { clusterArn: `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/re_ady/abc-1`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['name too long', { clusterArn: `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/${'a'.repeat(65)}/abc-1`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['trailing slash', { clusterArn: `${arnOf('ready')}/`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['uuid with spaces', { clusterArn: `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/ready/abc 1`, auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['plain name', { clusterArn: 'ready', auth: { iam: true, scram: false } }, 'clusterArn', /must look like/],
  ['valid shape but not in the list', { clusterArn: arnOf('unknown'), auth: { iam: true, scram: false } }, 'clusterArn', /is not in us-east-1 for profile demo/],
  ['cluster in another region', { clusterArn: arnOf('ready', 'eu-west-1'), auth: { iam: true, scram: false } }, 'clusterArn', /is not in us-east-1/],
  ['kafka.t3.small', { clusterArn: arnOf('tiny'), auth: { iam: true, scram: false } }, 'clusterArn', /kafka\.t3\.small/],
  ['Kafka 2.6.2', { clusterArn: arnOf('old'), auth: { iam: false, scram: true } }, 'clusterArn', /older than 2\.7\.1/],
  ['unauthenticated only', { clusterArn: arnOf('open'), auth: { iam: true, scram: false } }, 'clusterArn', /Only unauthenticated access/],
  ['TLS only', { clusterArn: arnOf('tlsonly'), auth: { iam: false, scram: false, tls: true } }, 'clusterArn', /Only TLS is enabled/],
  ['cluster UPDATING', { clusterArn: arnOf('busy'), auth: { iam: true, scram: false } }, 'clusterArn', /UPDATING/],
  ['no auth object', { clusterArn: arnOf('ready') }, 'auth', /choose SASL\/IAM or SASL\/SCRAM/],
  ['no auth chosen', { clusterArn: arnOf('ready'), auth: { iam: false, scram: false } }, 'auth', /choose SASL\/IAM or SASL\/SCRAM/],
  ['TLS alone chosen', { clusterArn: arnOf('iamonly'), auth: { iam: false, scram: false, tls: true } }, 'auth', /choose SASL\/IAM or SASL\/SCRAM/],
  ['SCRAM not on the cluster', { clusterArn: arnOf('iamonly'), auth: { iam: false, scram: true } }, 'auth', /SASL\/SCRAM is not enabled on the cluster/],
  ['IAM not on the cluster', { clusterArn: arnOf('old'), auth: { iam: true, scram: false } }, 'auth', /SASL\/IAM is not enabled on the cluster/],
  ['TLS not on the cluster', { clusterArn: arnOf('ready'), auth: { iam: true, scram: false, tls: true } }, 'auth', /TLS is not enabled on the cluster/],
  ['both, SCRAM missing', { clusterArn: arnOf('iamonly'), auth: { iam: true, scram: true } }, 'auth', /SASL\/SCRAM is not enabled/],
  ['page lies about clusterAuth', { clusterArn: arnOf('iamonly'), auth: { iam: false, scram: true }, clusterAuth: { iam: true, scram: true, tls: true } }, 'auth', /SASL\/SCRAM is not enabled/],
  ['IAM on a SCRAM-only old cluster', { clusterArn: arnOf('old'), auth: { iam: true, scram: true } }, 'auth', /SASL\/IAM is not enabled/],
  ['no auth on UPDATING cluster', { clusterArn: arnOf('busy'), auth: { iam: false, scram: false } }, 'auth', /choose SASL\/IAM or SASL\/SCRAM/],
  // Both SASL types on: ClickPipes can use either, so the user must say which (not SASL_IAM silently).
  ['both on, ClickPipes auth not chosen', { clusterArn: arnOf('ready'), auth: { iam: true, scram: true } }, 'clickpipesAuth', /choose the one the ClickPipe will use/],
  ['ClickPipes auth not a SASL type', { clusterArn: arnOf('ready'), auth: { iam: true, scram: true }, clickpipesAuth: 'TLS' }, 'clickpipesAuth', /SASL_IAM or SASL_SCRAM/],
];

describe('msk/form: bad inputs are refused at the field', () => {
  for (const [name, values, field, message] of BAD) {
    it(`${name} → ${field}`, () => {
      const errors = checkMskForm(values as MskMultiVpcForm, scope, OPTIONS);
      assert.ok(errors[field], `expected an error at ${field}, got ${JSON.stringify(errors)}`);
      assert.match(errors[field], message);
    });
  }

  it(`${BAD.length} bad inputs (≥ 30), and good ones pass`, () => {
    assert.ok(BAD.length >= 30);
    assert.deepEqual(checkMskForm(ok('ready', { iam: true, scram: false }), scope, OPTIONS), {});
    assert.deepEqual(checkMskForm({ ...ok('ready', { iam: true, scram: true }), clickpipesAuth: 'SASL_SCRAM' }, scope, OPTIONS), {});
    assert.deepEqual(checkMskForm(ok('iamonly', { iam: true, scram: false, tls: true }), scope, OPTIONS), {});
    assert.deepEqual(validateForm('mskMultiVpc', { clusterArn: arnOf('x'), auth: { iam: false, scram: true }, clusterAuth: { iam: false, scram: true, tls: false } }), {});
  });

  it('the submit guard refuses malformed shapes before any rule runs', () => {
    const good = { values: { clusterArn: arnOf('ready'), auth: { iam: true, scram: false, tls: false } } };
    assert.equal(SubmitMskMultiVpcCommand.isParams(good), true);
    for (const bad of [
      undefined, null, [], {}, { values: null }, { values: good.values, extra: 1 },
      { values: { ...good.values, clusterArn: 7 } }, { values: { ...good.values, clusterArn: 'x'.repeat(2049) } },
      { values: { ...good.values, auth: { iam: 'yes', scram: false } } }, { values: { ...good.values, auth: { iam: true } } },
      { values: { ...good.values, auth: { iam: true, scram: false, admin: true } } }, { values: { ...good.values, policy: '{}' } },
      { values: { ...good.values, clusterAuth: { iam: 'true' } } },
    ]) assert.equal(SubmitMskMultiVpcCommand.isParams(bad), false, JSON.stringify(bad));
    assert.equal(isMskMultiVpcForm({ ...good.values, clusterAuth: { iam: true, scram: false, tls: false } }), true);
  });
});

describe('msk/form: session over a fake AWS layer', () => {
  const partner = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kafka:DescribeCluster', Resource: arnOf('ready') }] });
  function fakeAws(current: () => MskCluster, policy: () => { currentVersion: string; document: string } | null): AwsLayer & { reads: string[] } {
    const reads: string[] = [];
    return {
      reads,
      listMskClusters: async () => { reads.push('list'); return CLUSTERS; },
      describeMskCluster: async () => { reads.push('describe'); return current(); },
      getMskClusterPolicy: async () => { reads.push('policy'); return policy(); },
    } as unknown as AwsLayer & { reads: string[] };
  }
  const ctxFor = (aws: AwsLayer, node?: FormContext['node']): FormContext => ({
    deps: { aws: () => aws, log: { info() {}, warn() {}, error() {} } }, extensionUri: undefined as never, scope, node, review: async () => undefined as never,
  });
  const buildCtx = { planId: 'msk-unit-1', createdAt: '2026-11-23T19:00:00.000Z', profile: 'demo', region: 'us-east-1', accountId: ACCOUNT };

  it('lists clusters with prerequisites, re-reads the chosen one before building, and uses its fresh versions', async () => {
    let live = cluster('ready', { currentVersion: 'K7' });
    const aws = fakeAws(() => live, () => ({ currentVersion: 'P3', document: partner }));
    const session = startMskMultiVpcSession(ctxFor(aws, { type: 'mskCluster', resource: { arn: arnOf('ready') } }));
    const init = await session.loadInit();
    assert.equal(init.clusters.length, CLUSTERS.length);
    assert.deepEqual(init.preset, { clusterArn: arnOf('ready'), auth: { iam: true, scram: false, tls: false } });
    const values = ok('ready', { iam: true, scram: false, tls: false });
    assert.deepEqual(session.validate(values), {});
    assert.deepEqual(await session.checkRemote!(values), {});
    const plan = session.build(values, buildCtx);
    assert.deepEqual(plan.steps.map((s) => s.operation), ['UpdateConnectivity', 'PutClusterPolicy', 'GetBootstrapBrokers']);
    assert.equal(plan.steps[0].input.CurrentVersion, 'K7');
    assert.equal(plan.steps[1].input.CurrentVersion, 'P3');
    assert.equal(plan.steps[1].input.Policy, mergeClusterPolicy(partner, arnOf('ready')));
    assert.equal(plan.meta?.previousPolicy, partner);

    // The cluster went UPDATING after the list was read: the fresh read blocks the plan.
    live = { ...live, state: 'UPDATING' };
    const blocked = await session.checkRemote!(values);
    assert.match(blocked.clusterArn ?? '', /UPDATING/);
  });

  it('build refuses to run without the fresh read (never plans from stale versions)', async () => {
    const session = startMskMultiVpcSession(ctxFor(fakeAws(() => cluster('ready'), () => null)));
    await session.loadInit();
    assert.throws(() => session.build(ok('ready', { iam: true, scram: false }), buildCtx), /not read right before/);
  });

  it('a read failure is reported at the cluster field', async () => {
    const aws = fakeAws(() => { throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' }); }, () => null);
    const session = startMskMultiVpcSession(ctxFor(aws));
    await session.loadInit();
    assert.match((await session.checkRemote!(ok('ready', { iam: true, scram: false }))).clusterArn ?? '', /Could not read the cluster .*denied/);
  });
});
