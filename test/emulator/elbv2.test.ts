import * as assert from 'node:assert/strict';
import { ElasticLoadBalancingV2Client, DescribeLoadBalancersCommand, LoadBalancerNotFoundException, paginateDescribeLoadBalancers } from '@aws-sdk/client-elastic-load-balancing-v2';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';
import { loadBalancer } from './services/query/fixtures';

describe('emulator ELBv2 (awsQuery)', () => {
  let emu: RunningEmulator;
  let elb: ElasticLoadBalancingV2Client;
  before(async () => {
    emu = await startEmulator({ scenario: 'empty' });
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    const types = ['network', 'application', 'gateway'] as const;
    for (let i = 0; i < 9; i++) {
      const lb = loadBalancer('us-east-1', `lb-${i}`, types[i % 3]);
      r.loadBalancers.set(lb.LoadBalancerArn, lb);
    }
    elb = new ElasticLoadBalancingV2Client(sdkConfig(emu.url, 'us-east-1'));
  });
  after(async () => { await emu.stop(); });

  it('describes every load balancer with its type, state, zones and times', async () => {
    const out = await elb.send(new DescribeLoadBalancersCommand({}));
    assert.equal(out.LoadBalancers!.length, 9);
    const nlb = out.LoadBalancers![0];
    assert.equal(nlb.Type, 'network');
    assert.equal(out.LoadBalancers![1].Type, 'application');
    assert.equal(out.LoadBalancers![2].Type, 'gateway');
    assert.equal(nlb.State!.Code, 'active');
    assert.equal(nlb.Scheme, 'internal');
    assert.deepEqual(nlb.AvailabilityZones!.map((z) => z.ZoneName), ['us-east-1a', 'us-east-1b']);
    assert.ok(nlb.CreatedTime instanceof Date);
    assert.equal(nlb.CreatedTime!.toISOString(), '2024-05-01T10:00:00.000Z');
    assert.match(nlb.LoadBalancerArn!, /^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/net\/lb-0\//);
    assert.equal(out.NextMarker, undefined);
  });

  it('looks up by names and by ARNs; unknown ones raise LoadBalancerNotFoundException', async () => {
    const byName = await elb.send(new DescribeLoadBalancersCommand({ Names: ['lb-3', 'lb-4'] }));
    assert.deepEqual(byName.LoadBalancers!.map((l) => l.LoadBalancerName), ['lb-3', 'lb-4']);
    const arn = byName.LoadBalancers![0].LoadBalancerArn!;
    const byArn = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }));
    assert.equal(byArn.LoadBalancers![0].LoadBalancerName, 'lb-3');
    await assert.rejects(elb.send(new DescribeLoadBalancersCommand({ Names: ['lb-3', 'missing'] })), (e: any) => {
      assert.ok(e instanceof LoadBalancerNotFoundException);
      assert.match(e.message, /missing/);
      return true;
    });
    await assert.rejects(elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn.replace('lb-3', 'lb-x')] })), LoadBalancerNotFoundException);
    await assert.rejects(elb.send(new DescribeLoadBalancersCommand({ Names: ['lb-3'], LoadBalancerArns: [arn] })), { name: 'ValidationError' });
    await assert.rejects(elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: ['not-an-arn'] })), { name: 'ValidationError' });
    await assert.rejects(elb.send(new DescribeLoadBalancersCommand({ Names: Array.from({ length: 21 }, (_, i) => `lb-${i}`) })), { name: 'ValidationError' });
  });

  it('pages with PageSize (≤ 400) and Marker', async () => {
    const first = await elb.send(new DescribeLoadBalancersCommand({ PageSize: 4 }));
    assert.equal(first.LoadBalancers!.length, 4);
    assert.ok(first.NextMarker);
    const sizes: number[] = [];
    // The SDK paginator has no page-size key for ELBv2, so it pages with PageSize in the input.
    for await (const p of paginateDescribeLoadBalancers({ client: elb }, { PageSize: 4 })) sizes.push(p.LoadBalancers!.length);
    assert.deepEqual(sizes, [4, 4, 1]);
    await assert.rejects(elb.send(new DescribeLoadBalancersCommand({ PageSize: 401 })), { name: 'ValidationError' });
    await assert.rejects(elb.send(new DescribeLoadBalancersCommand({ Marker: 'bogus' })), { name: 'ValidationError' });
  });

  it('sees only the caller region', async () => {
    const west = new ElasticLoadBalancingV2Client(sdkConfig(emu.url, 'us-west-2'));
    assert.deepEqual((await west.send(new DescribeLoadBalancersCommand({}))).LoadBalancers, []);
  });
});
