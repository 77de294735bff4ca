import * as assert from 'node:assert/strict';
import { databaseOption, hostChecks, presetFor, regionWarning, subnetDetails, suggestName } from '../../../src/webviews/forms/vpcResource';
import { validateConfigurationName, validateGatewayName } from '../../../src/model/validation';
import type { VpcResourceForm } from '../../../src/model/forms';

const base: VpcResourceForm = {
  gatewayMode: 'new', gatewayName: 'gw-one', vpcId: 'vpc-0abc', subnetIds: ['subnet-a'], configurationName: 'cfg-one', configurationType: 'ARN',
  arn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders', shareName: 'share-one',
};

describe('webviews/forms/vpcResource: host side', () => {
  it('shows subnet capacity with the /26 and /28 checks', () => {
    const [big, tiny, full] = subnetDetails([
      { id: 'subnet-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24', availableIpAddressCount: 245, name: 'a' },
      { id: 'subnet-b', availabilityZone: 'us-east-1b', cidrBlock: '10.0.3.0/28', availableIpAddressCount: 11 },
      { id: 'subnet-c', availabilityZone: 'us-east-1c', cidrBlock: '10.0.4.0/27', availableIpAddressCount: 7 },
    ]);
    assert.deepEqual([big.atLeastSlash26, big.freeSlash28, big.label], [true, 'yes', 'a (subnet-a)']);
    assert.deepEqual([tiny.atLeastSlash26, tiny.freeSlash28], [false, 'no']);
    assert.equal(full.freeSlash28, 'no');
  });

  it('refuses public databases, cross-region ARNs, full subnets and subnets of another VPC', () => {
    const dbs = [databaseOption({ kind: 'cluster', id: 'pub', arn: 'arn:aws:rds:us-east-1:123456789012:cluster:pub', resourceId: 'cluster-X', engine: 'aurora-postgresql', engineVersion: '16', status: 'available', publiclyAccessible: true, iamAuth: false })];
    const scope = { profile: 'p', region: 'us-east-1' };
    assert.match(hostChecks({ ...base, arn: dbs[0].arn }, scope, dbs, undefined).arn ?? '', /publicly accessible/);
    assert.match(hostChecks({ ...base, arn: 'arn:aws:rds:eu-west-1:123456789012:cluster:x' }, scope, dbs, undefined).arn ?? '', /cannot cross regions/);
    const details = { cidrs: ['10.0.0.0/16'], securityGroups: [], subnets: subnetDetails([{ id: 'subnet-a', availabilityZone: 'a', cidrBlock: '10.0.3.0/28', availableIpAddressCount: 11 }]) };
    assert.match(hostChecks(base, scope, [], details).subnetIds ?? '', /No free \/28/);
    assert.match(hostChecks({ ...base, subnetIds: ['subnet-z'] }, scope, [], details).subnetIds ?? '', /Not in the chosen VPC/);
    assert.deepEqual(hostChecks({ ...base, gatewayMode: 'existing' }, scope, [], details), {});
  });

  it('presets from a gateway node or a private database node, and refuses a public one', () => {
    assert.deepEqual(presetFor({ type: 'resourceGateway', resource: { id: 'rgw-0123', name: 'Prod GW' } }, []).preset.gatewayId, 'rgw-0123');
    const fromDb = presetFor({ type: 'database', resource: { id: 'orders-aurora-pg', arn: 'arn:aws:rds:us-east-1:1:cluster:orders-aurora-pg', publiclyAccessible: false } }, []);
    assert.equal(fromDb.preset.configurationType, 'ARN');
    assert.equal(validateConfigurationName(fromDb.preset.configurationName ?? ''), undefined);
    assert.equal(validateGatewayName(fromDb.preset.gatewayName ?? ''), undefined);
    const pub = presetFor({ type: 'database', resource: { id: 'pub', arn: 'arn:x', publiclyAccessible: true } }, []);
    assert.deepEqual(pub.preset, {});
    assert.match(pub.note ?? '', /publicly accessible/);
    assert.deepEqual(presetFor(undefined, []).preset, {});
  });

  it('suggests names the Lattice validators accept', () => {
    for (const base of ['Orders_Aurora PG', 'rgw-thing', 'x', 'a'.repeat(80), '--weird--name--']) {
      assert.equal(validateGatewayName(suggestName(base, 'gateway')), undefined, suggestName(base, 'gateway'));
      assert.equal(validateConfigurationName(suggestName(base, 'config')), undefined, suggestName(base, 'config'));
    }
  });

  it('warns outside ClickPipes regions only', () => {
    assert.equal(regionWarning('us-east-1'), undefined);
    assert.match(regionWarning('eu-south-1') ?? '', /not a ClickPipes region/);
  });
});
