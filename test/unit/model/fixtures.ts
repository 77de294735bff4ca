// Shared inputs for builder, CLI and plan-schema tests.
import type { BuildContext } from '../../../src/model/builders';
import type { VpcResourceForm } from '../../../src/model/forms';

export const ctx: BuildContext = { planId: 'plan-0001', createdAt: '2026-11-23T18:00:00.000Z', profile: 'dev', region: 'us-east-1', accountId: '123456789012' };

export const RDS_CLUSTER_ARN = 'arn:aws:rds:us-east-1:123456789012:cluster:my-rds-cluster';
export const MSK_ARN = 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5';

export const vpcForm: VpcResourceForm = {
  gatewayMode: 'new',
  gatewayName: 'clickpipes-gw',
  vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-0123abcd', 'subnet-4567abcd'],
  securityGroupIds: ['sg-0123abcd'],
  configurationName: 'my-rds-cluster-config',
  configurationType: 'ARN',
  definitionKind: 'arn',
  arn: RDS_CLUSTER_ARN,
  shareName: 'clickpipes-share',
};
