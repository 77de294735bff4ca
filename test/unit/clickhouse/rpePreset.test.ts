import * as assert from 'node:assert/strict';
import { rpePresetOf } from '../../../src/commands/rpePreset';
import type { ExplorerNode } from '../../../src/views/explorer/nodes';
import { demoData } from '../views/fakeAws';

const scope = { profile: 'demo', region: 'us-east-1' };

describe('clickhouse/rpePreset: create the endpoint from an AWS explorer row', () => {
  const data = demoData();

  it('a resource configuration gives its rcfg- id (the share is asked)', () => {
    const cfg = data.configurations[0];
    assert.deepEqual(rpePresetOf({ type: 'resourceConfiguration', id: 'c', scope, resource: cfg }), { type: 'VPC_RESOURCE', vpcResourceConfigurationId: cfg.id });
  });

  it('a resource share gives the configuration it holds and its own ARN', () => {
    const share = data.shares[0];
    assert.deepEqual(rpePresetOf({ type: 'resourceShare', id: 's', scope, resource: share }),
      { type: 'VPC_RESOURCE', vpcResourceConfigurationId: data.configurations[0].id, vpcResourceShareArn: share.arn });
    assert.equal(rpePresetOf({ type: 'resourceShare', id: 's', scope, resource: { ...share, resources: [] } } as ExplorerNode), undefined);
  });

  it('an MSK cluster gives its ARN and an authentication it offers; an endpoint service its name', () => {
    const msk = data.msk[0];
    assert.deepEqual(rpePresetOf({ type: 'mskCluster', id: 'm', scope, resource: msk }), { type: 'MSK_MULTI_VPC', mskClusterArn: msk.arn, mskAuthentication: 'SASL_IAM' });
    const svc = data.endpointServices[0];
    assert.deepEqual(rpePresetOf({ type: 'endpointService', id: 'e', scope, resource: svc }), { type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: svc.name });
  });

  it('other rows have nothing to give', () => {
    assert.equal(rpePresetOf({ type: 'region', id: 'r', scope }), undefined);
  });
});
