// The endpoint service row counts connections pending acceptance in either spelling: real EC2
// sends lowerCamel `pendingAcceptance`, the SDK enum (and the emulator's demo) PendingAcceptance.
import * as assert from 'node:assert/strict';
import type { EndpointService } from '../../../src/model/resources';
import { descriptionOf } from '../../../src/views/explorer/describe';
import type { ExplorerNode } from '../../../src/views/explorer/nodes';

describe('endpoint service row description', () => {
  it('counts pendingAcceptance and PendingAcceptance, not Pending or available', () => {
    const resource: EndpointService = {
      id: 'vpce-svc-0123456789abcdef0', name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', state: 'Available', acceptanceRequired: true,
      networkLoadBalancerArns: [], supportedRegions: [], allowedPrincipals: ['arn:aws:iam::072088201116:root'], baseEndpointDnsNames: [],
      connections: [
        { vpcEndpointId: 'vpce-1', owner: '072088201116', state: 'pendingAcceptance' },
        { vpcEndpointId: 'vpce-2', owner: '072088201116', state: 'PendingAcceptance' },
        { vpcEndpointId: 'vpce-3', owner: '072088201116', state: 'pending' },
        { vpcEndpointId: 'vpce-4', owner: '072088201116', state: 'available' },
      ],
    };
    const node: ExplorerNode = { type: 'endpointService', id: 'e', scope: { profile: 'p', region: 'us-east-1' }, resource };
    assert.equal(descriptionOf(node), 'Available · acceptance required · 1 principal · 2 pending');
  });
});
