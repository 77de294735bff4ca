// The VPC-resource plan the tests build through the form session, as a person fills the form in
// the demo world (prod-data VPC, two of its subnets, the orders-aurora-pg cluster), with the
// ClickHouse Cloud endpoint step appended.
import * as assert from 'node:assert/strict';
import { DEMO_CH_ORG_ID, DEMO_CH_SERVICE_US } from '../emulator/services/clickhouse';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { withClickhouseEndpoint } from '../../src/model/builders/clickhouseEndpoint';
import type { VpcResourceForm } from '../../src/model/forms';
import type { Plan } from '../../src/model/plan';
import type { FormContext } from '../../src/webviews/forms/index';
import { startVpcResourceSession } from '../../src/webviews/forms/vpcResource';
import { US } from './awsEnv';

/** `names` prefixes the gateway, configuration and share (`<names>-gateway`, …). */
export async function demoVpcResourcePlanWithEndpoint(ctx: FormContext, planId: string, names: string): Promise<Plan> {
  const session = startVpcResourceSession(ctx);
  const init = await session.loadInit();
  assert.equal(init.loadError, undefined, 'the form reads the account');
  const vpc = init.vpcs.find((v) => v.label.startsWith('prod-data'))!;
  const details = await session.loadVpc(vpc.id);
  const db = init.databases.find((d) => d.label.includes('orders-aurora-pg'))!;
  const values: VpcResourceForm = {
    gatewayMode: 'new', gatewayName: `${names}-gateway`, vpcId: vpc.id,
    subnetIds: details.subnets.filter((s) => s.label.startsWith('prod-data-')).slice(0, 2).map((s) => s.id),
    securityGroupIds: details.securityGroups.slice(0, 1).map((g) => g.value), ipAddressType: 'IPV4',
    configurationName: `${names}-config`, configurationType: 'ARN', definitionKind: 'arn', arn: db.arn,
    shareName: `${names}-share`, allowExternalPrincipals: true,
  };
  assert.deepEqual(session.validate(values), {});
  const aws = session.build(values, { planId, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: DEMO_ACCOUNT });
  return withClickhouseEndpoint(aws, { organizationId: DEMO_CH_ORG_ID, serviceId: DEMO_CH_SERVICE_US, organizationName: 'Demo organization', serviceName: 'orders-analytics', serviceRegion: 'us-east-1' });
}
