import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyPlan, pendingSteps, type ApplyEvent } from '../../../src/plans/executor';
import { FileJournalStore, MemoryJournalStore } from '../../../src/plans/journal';
import { pollDelay } from '../../../src/plans/waiter';
import { describeAwsError, toCallError } from '../../../src/aws/errors';
import { FakeAws, vpcResourcePlan } from './fixtures';

/** A clock that moves only when the executor sleeps: no real waiting in unit tests. */
function fakeTime() {
  let t = Date.parse('2026-11-23T18:00:00Z');
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { sleeps.push(ms); t += ms; }, sleeps };
}

const creates = ['CreateResourceGateway', 'CreateResourceConfiguration', 'CreateResourceShare'];

describe('plans/executor', () => {
  it('applies the plan in order, resolving references and injecting client tokens', async () => {
    const aws = new FakeAws(2);
    const time = fakeTime();
    const events: ApplyEvent['type'][] = [];
    const outcome = await applyPlan(vpcResourcePlan(), { call: aws.call, journal: new MemoryJournalStore(), ...time, onEvent: (e) => events.push(e.type) });
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(aws.calls.map((c) => c.operation), ['CreateResourceGateway', 'GetResourceGateway', 'GetResourceGateway', 'CreateResourceConfiguration', 'GetResourceConfiguration', 'GetResourceConfiguration', 'CreateResourceShare']);
    const cfg = aws.calls.find((c) => c.operation === 'CreateResourceConfiguration')!;
    assert.equal(cfg.input.resourceGatewayIdentifier, outcome.outputs.gateway.id);
    assert.equal(cfg.input.clientToken, 'plan-test-1.configuration');
    const share = aws.calls.find((c) => c.operation === 'CreateResourceShare')!;
    assert.deepEqual(share.input.resourceArns, [outcome.outputs.configuration.arn]);
    assert.deepEqual(outcome.results.map((r) => r.label), ['Resource configuration ID', 'Resource share ARN']);
    assert.match(outcome.results[0].value, /^rcfg-/);
    assert.match(outcome.results[1].value, /^arn:aws:ram:/);
    assert.deepEqual(time.sleeps, [pollDelay(0), pollDelay(0)]);
    assert.equal(events.filter((e) => e === 'step-done').length, 3);
    assert.equal(outcome.created.length, 3);
  });

  it('records the state the wait settled on, for the result (not the create call\'s status)', async () => {
    const journal = new MemoryJournalStore();
    const plan = vpcResourcePlan();
    const outcome = await applyPlan(plan, { call: new FakeAws(2).call, journal, ...fakeTime() });
    assert.deepEqual(outcome.created.map((c) => [c.stepId, c.finalState]), [['gateway', 'ACTIVE'], ['configuration', 'ACTIVE'], ['share', undefined]]);
    assert.equal((await journal.load(plan.id))!.steps.configuration.finalState, 'ACTIVE');
  });

  // The heart of the journal: stop at every call (before the server acts, or after it acted but
  // the answer was lost), apply again, and count what exists.
  const failurePoints = ['CreateResourceGateway', 'GetResourceGateway', 'CreateResourceConfiguration', 'GetResourceConfiguration', 'CreateResourceShare'];
  for (const op of failurePoints) {
    for (const when of ['before', 'after'] as const) {
      it(`resumes after a failure ${when} ${op} without duplicates`, async () => {
        const aws = new FakeAws(1);
        const journal = new MemoryJournalStore();
        const plan = vpcResourcePlan();
        aws.failNext(op, when);
        const first = await applyPlan(plan, { call: aws.call, journal, ...fakeTime() });
        assert.equal(first.status, 'failed');
        assert.match(first.failure!.error.text, /network error/);
        assert.ok(first.failure!.error.retryable);
        const second = await applyPlan(plan, { call: aws.call, journal, ...fakeTime() });
        assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
        assert.equal(aws.resources.size, 3, 'exactly one gateway, one configuration, one share');
        // Steps finished before the failure are not called again.
        const firstIndex = failurePoints.indexOf(op);
        for (const create of creates) {
          const createIndex = failurePoints.indexOf(create);
          // The failed call is sent once more (same client token); every other create once.
          assert.equal(aws.count(create), createIndex === firstIndex ? 2 : 1, `${create} calls`);
        }
        const failedStep = first.failure!.stepId;
        assert.deepEqual(second.ran, plan.steps.slice(plan.steps.findIndex((s) => s.id === failedStep)).map((s) => s.id));
      });
    }
  }

  it('on failure names the AWS error in plain words and lists what was already created', async () => {
    const aws = new FakeAws(1);
    aws.failNext('CreateResourceShare', 'before', Object.assign(new Error('User is not authorized to perform ram:CreateResourceShare'), { name: 'AccessDeniedException' }));
    const outcome = await applyPlan(vpcResourcePlan(), { call: aws.call, journal: new MemoryJournalStore(), ...fakeTime() });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure!.stepId, 'share');
    assert.match(outcome.failure!.error.text, /denied/);
    assert.match(outcome.failure!.error.text, /ram:CreateResourceShare/);
    assert.deepEqual(outcome.created.map((c) => c.stepId), ['gateway', 'configuration']);
    assert.match(outcome.created[0].outputs.id, /^rgw-/);
    assert.deepEqual(outcome.results.map((r) => r.label), ['Resource configuration ID']);
  });

  it('uses the AwsFailure carried by AwsCallError', () => {
    const err = Object.assign(new Error('x'), { name: 'AwsCallError', failure: { name: 'ValidationException', message: 'name is invalid', service: 'vpc-lattice', operation: 'CreateResourceGateway' } });
    const plain = describeAwsError(err);
    assert.equal(plain.code, 'ValidationException');
    assert.match(plain.text, /rejected the input of vpc-lattice CreateResourceGateway.*name is invalid/);
  });

  it("reads MSK's ForbiddenException as access denied", () => {
    const err = Object.assign(new Error('x'), { name: 'AwsCallError', failure: { name: 'ForbiddenException', message: 'no', service: 'kafka', operation: 'PutClusterPolicy' } });
    assert.match(describeAwsError(err).text, /kafka PutClusterPolicy was denied.*kafka:PutClusterPolicy permission/);
  });

  it('names the IAM action, with its IAM service prefix and what AWS documents besides it', () => {
    const elb = Object.assign(new Error('x'), { name: 'AwsCallError', failure: { name: 'AccessDenied', message: 'no', service: 'elbv2', operation: 'DescribeLoadBalancers' } });
    assert.match(describeAwsError(elb).text, /Ask for the elasticloadbalancing:DescribeLoadBalancers permission/);
    const gw = Object.assign(new Error('x'), { name: 'AwsCallError', failure: { name: 'AccessDeniedException', message: 'no', service: 'vpc-lattice', operation: 'CreateResourceGateway' } });
    assert.match(describeAwsError(gw).text, /vpc-lattice:CreateResourceGateway permission \(AWS also requires .*ec2:CreateNetworkInterface/);
  });

  it('never repeats secrets from an error message', () => {
    const plain = describeAwsError(Object.assign(new Error('bad key AKIAABCDEFGHIJKLMNOP secretAccessKey=abc123'), { name: 'UnrecognizedClientException' }));
    assert.doesNotMatch(plain.text, /AKIAABCDEFGHIJKLMNOP|abc123/);
  });

  it('is cancellable between steps and resumes where it stopped', async () => {
    const aws = new FakeAws(1);
    const journal = new MemoryJournalStore();
    let stopAfterGateway = true;
    let done = 0;
    const first = await applyPlan(vpcResourcePlan(), {
      call: aws.call, journal, ...fakeTime(),
      cancelled: () => stopAfterGateway && done >= 1,
      onEvent: (e) => { if (e.type === 'step-done') done++; },
    });
    assert.equal(first.status, 'cancelled');
    assert.equal(first.stoppedAt, 'configuration');
    assert.equal(aws.count('CreateResourceConfiguration'), 0);
    stopAfterGateway = false;
    const plan = vpcResourcePlan();
    assert.deepEqual(pendingSteps(plan, await journal.load(plan.id)).map((s) => s.id), ['configuration', 'share']);
    const second = await applyPlan(plan, { call: aws.call, journal, ...fakeTime() });
    assert.equal(second.status, 'succeeded');
    assert.deepEqual(second.ran, ['configuration', 'share']);
    assert.equal(aws.count('CreateResourceGateway'), 1);
  });

  it('cancels during a wait without losing the created resource', async () => {
    const aws = new FakeAws(5);
    const journal = new MemoryJournalStore();
    let polls = 0;
    const first = await applyPlan(vpcResourcePlan(), { call: aws.call, journal, ...fakeTime(), cancelled: () => polls >= 2, onEvent: (e) => { if (e.type === 'waiting') polls++; } });
    assert.equal(first.status, 'cancelled');
    assert.equal(first.created[0].waiting, true);
    const second = await applyPlan(vpcResourcePlan(), { call: aws.call, journal, ...fakeTime() });
    assert.equal(second.status, 'succeeded');
    assert.equal(aws.count('CreateResourceGateway'), 1);
  });

  it('reads AWS every 250 ms at first, then 1/32 of the time waited so far, at most every 30 s', () => {
    assert.deepEqual([0, 4_000, 8_000, 16_000, 64_000, 960_000, 3_600_000].map((e) => pollDelay(e)), [250, 250, 250, 500, 2000, 30000, 30000]);
    // Delays never shrink, so a change is seen at most one delay late: ≤ 250 ms or ≈ 3 % of the wait.
    for (let e = 0; e < 3_600_000; e += 997) assert.ok(pollDelay(e + 997) >= pollDelay(e));
  });

  it('reads ClickHouse Cloud at most every 2 s: its API allows a key 10 requests per 10 s, shared with the explorer', () => {
    assert.deepEqual([0, 30_000, 128_000, 3_600_000].map((e) => pollDelay(e, 'clickhouse')), [2000, 2000, 4000, 30000]);
  });

  it('times out with a resumable message', async () => {
    const aws = new FakeAws(Number.MAX_SAFE_INTEGER);
    const plan = vpcResourcePlan();
    plan.steps[0].waitFor!.timeoutSeconds = 60;
    const time = fakeTime();
    const outcome = await applyPlan(plan, { call: aws.call, journal: new MemoryJournalStore(), ...time });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure!.phase, 'wait');
    assert.match(outcome.failure!.error.text, /Still CREATE_IN_PROGRESS after 60 s/);
    assert.equal(time.sleeps.reduce((a, b) => a + b, 0), 60_000, 'the last sleep ends at the timeout');
    let elapsed = 0;
    for (const ms of time.sleeps.slice(0, -1)) { assert.equal(ms, pollDelay(elapsed)); elapsed += ms; }
  });

  it('stops on a failure status with the reason', async () => {
    const plan = vpcResourcePlan();
    const call = async (_s: string, op: string) => (op === 'GetResourceGateway' ? { status: 'CREATE_FAILED', failureReason: 'subnet too small' } : { id: 'rgw-x', arn: 'arn:x' });
    const outcome = await applyPlan(plan, { call: call as never, journal: new MemoryJournalStore(), ...fakeTime() });
    assert.equal(outcome.failure!.error.code, 'CREATE_FAILED');
    assert.match(outcome.failure!.error.text, /subnet too small/);
  });

  it('skips a step whose skipIf read finds the resource, and proceeds when it is not found', async () => {
    const plan = vpcResourcePlan();
    plan.steps[0].skipIf = { operation: 'GetResourceGateway', input: { resourceGatewayIdentifier: 'rgw-existing' } };
    const seen: string[] = [];
    const existing = async (_s: string, op: string, input: Record<string, unknown>) => {
      seen.push(op);
      if (op === 'GetResourceGateway') return { id: input.resourceGatewayIdentifier ?? 'rgw-existing', arn: 'arn:existing', status: 'ACTIVE' };
      if (op === 'GetResourceConfiguration') return { status: 'ACTIVE' };
      if (op === 'CreateResourceShare') return { resourceShare: { resourceShareArn: 'arn:share' } };
      return { id: 'rcfg-1', arn: 'arn:cfg' };
    };
    const outcome = await applyPlan(plan, { call: existing as never, journal: new MemoryJournalStore(), ...fakeTime() });
    assert.equal(outcome.status, 'succeeded');
    assert.ok(!seen.includes('CreateResourceGateway'));
    assert.equal(outcome.outputs.gateway.id, 'rgw-existing');
    assert.deepEqual(outcome.created.map((c) => c.stepId), ['configuration', 'share'], 'an existing gateway is not reported as created');

    const aws = new FakeAws(1);
    const plan2 = vpcResourcePlan();
    plan2.steps[0].skipIf = { operation: 'GetResourceGateway', input: { resourceGatewayIdentifier: 'rgw-missing' } };
    const o2 = await applyPlan(plan2, { call: aws.call, journal: new MemoryJournalStore(), ...fakeTime() });
    assert.equal(o2.status, 'succeeded');
    assert.equal(aws.count('CreateResourceGateway'), 1);
  });

  it('a skipIf read that fails on DNS (ENOTFOUND) stops the step: a network failure is not a missing resource', async () => {
    const aws = new FakeAws(1);
    const plan = vpcResourcePlan();
    plan.steps[0].skipIf = { operation: 'GetResourceGateway', input: { resourceGatewayIdentifier: 'rgw-maybe' } };
    // As the AWS layer throws it: the failure is named by Node's code.
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND vpc-lattice.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' });
    aws.failNext('GetResourceGateway', 'before', toCallError(dns, { profile: 'p', region: 'us-east-1', service: 'vpc-lattice', operation: 'GetResourceGateway' }));
    const outcome = await applyPlan(plan, { call: aws.call, journal: new MemoryJournalStore(), ...fakeTime() });
    assert.equal(outcome.status, 'failed');
    assert.equal(aws.count('CreateResourceGateway'), 0, 'nothing created on the strength of a failed read');
  });

  it('skipIf.when: a successful read skips the step only when one of its paths reads an accepted value', async () => {
    const plan = () => ({
      ...vpcResourcePlan(),
      steps: [{
        id: 'reboot', title: 'Reboot db', service: 'rds' as const, operation: 'RebootDBInstance', input: { DBInstanceIdentifier: 'db' }, outputs: {}, mutating: true,
        skipIf: { operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: 'db' }, when: [{ path: 'DBInstances.0.DBInstanceStatus', in: ['rebooting'] }, { path: 'DBInstances.0.Days', in: ['7'] }] },
      }],
      results: {},
    });
    const run = async (db: Record<string, unknown>) => {
      const seen: string[] = [];
      const call = async (_s: string, op: string) => { seen.push(op); return op === 'DescribeDBInstances' ? { DBInstances: [db] } : {}; };
      const outcome = await applyPlan(plan(), { call: call as never, journal: new MemoryJournalStore(), ...fakeTime() });
      assert.equal(outcome.status, 'succeeded');
      return seen;
    };
    assert.deepEqual(await run({ DBInstanceStatus: 'available', Days: 0 }), ['DescribeDBInstances', 'RebootDBInstance']);
    assert.deepEqual(await run({ DBInstanceStatus: 'rebooting', Days: 0 }), ['DescribeDBInstances']);
    assert.deepEqual(await run({ DBInstanceStatus: 'available', Days: 7 }), ['DescribeDBInstances'], 'a number is read as its text');
  });

  it('skipIf.when: a check may make its own read and look in the list item whose fields match', async () => {
    const members = (status: string) => ({ DBClusters: [{ DBClusterMembers: [{ DBInstanceIdentifier: 'db-2', Status: 'in-sync' }, { DBInstanceIdentifier: 'db', Status: status }] }] });
    const run = async (status: string) => {
      const seen: string[] = [];
      const call = async (_s: string, op: string, input: Record<string, unknown>) => {
        seen.push(`${op}:${JSON.stringify(input)}`);
        if (op === 'DescribeDBInstances') return { DBInstances: [{ DBInstanceStatus: 'available' }] };
        return op === 'DescribeDBClusters' ? members(status) : {};
      };
      const plan = {
        ...vpcResourcePlan(), results: {},
        steps: [{
          id: 'reboot', title: 'Reboot db', service: 'rds' as const, operation: 'RebootDBInstance', input: { DBInstanceIdentifier: 'db' }, outputs: {}, mutating: true,
          skipIf: {
            operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: 'db' },
            when: [{ path: 'DBInstances.0.DBInstanceStatus', in: ['rebooting'] }, {
              read: { operation: 'DescribeDBClusters', input: { DBClusterIdentifier: 'c' } }, item: { list: 'DBClusters.0.DBClusterMembers', match: { DBInstanceIdentifier: 'db' } },
              path: 'Status', in: ['in-sync'],
            }],
          },
        }],
      };
      assert.equal((await applyPlan(plan, { call: call as never, journal: new MemoryJournalStore(), ...fakeTime() })).status, 'succeeded');
      return seen.map((x) => x.split(':')[0]);
    };
    assert.deepEqual(await run('pending-reboot'), ['DescribeDBInstances', 'DescribeDBClusters', 'RebootDBInstance'], 'db-2 in-sync does not count');
    assert.deepEqual(await run('in-sync'), ['DescribeDBInstances', 'DescribeDBClusters']);
  });

  it('refuses a plan with broken references before any call', async () => {
    const aws = new FakeAws();
    const plan = vpcResourcePlan();
    plan.steps[2].input.resourceArns = ['${steps.configurtion.arn}'];
    const outcome = await applyPlan(plan, { call: aws.call, journal: new MemoryJournalStore(), ...fakeTime() });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure!.phase, 'references');
    assert.equal(aws.calls.length, 0);
  });

  it('a finished plan applied again calls nothing and returns the same results', async () => {
    const aws = new FakeAws(1);
    const journal = new MemoryJournalStore();
    const a = await applyPlan(vpcResourcePlan(), { call: aws.call, journal, ...fakeTime() });
    const n = aws.calls.length;
    const b = await applyPlan(vpcResourcePlan(), { call: aws.call, journal, ...fakeTime() });
    assert.equal(aws.calls.length, n);
    assert.deepEqual(b.results, a.results);
  });

  it('keeps the journal in one JSON file per plan that survives a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpl-journal-'));
    try {
      const aws = new FakeAws(1);
      aws.failNext('CreateResourceShare');
      const plan = vpcResourcePlan({ id: 'plan/with:odd*chars' });
      await applyPlan(plan, { call: aws.call, journal: new FileJournalStore(dir), ...fakeTime() });
      assert.deepEqual(readdirSync(dir), ['plan_with_odd_chars.journal.json']);
      // A new store (a new window) reads the same file.
      const store = new FileJournalStore(dir);
      const listed = await store.list();
      assert.equal(listed.length, 1);
      assert.match(listed[0].lastError ?? '', /network error/);
      const outcome = await applyPlan(plan, { call: aws.call, journal: store, ...fakeTime() });
      assert.equal(outcome.status, 'succeeded');
      assert.deepEqual(outcome.ran, ['share']);
      assert.equal(aws.count('CreateResourceGateway'), 1);
      assert.ok((await store.load(plan.id))?.finishedAt);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
