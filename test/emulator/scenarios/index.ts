// The scenario loader: the only place that knows which scenarios exist and where their data is.
import type { EmuWorld } from '../core/world';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCOUNT, OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT } from './accounts';
import { demoData, loadData } from './demo';
import { loadScale } from './scale';
import { loadScale10 } from './scale10';
import {
  seedClickhouse, DEMO_CH_RPE_PENDING, DEMO_CH_RPE_READY,
} from '../services/clickhouse';
import type { Scope } from './builders';
import { CLICKPIPES_ACCOUNT } from './accounts';

export type ScenarioName = 'empty' | 'demo' | 'scale' | 'scale10';
export const SCENARIOS: ScenarioName[] = ['empty', 'demo', 'scale', 'scale10'];

/** Both accounts exist (with their keys) in every scenario, so any profile can sign in. */
function registerAccounts(world: EmuWorld): void {
  world.accessKeys.set(DEMO_ACCESS_KEY_ID, DEMO_ACCOUNT);
  world.accessKeys.set(OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT);
  world.account(DEMO_ACCOUNT);
  world.account(OTHER_ACCOUNT);
}

export function loadScenario(world: EmuWorld, name: string): void {
  registerAccounts(world);
  switch (name) {
    case 'empty':
      return;
    case 'demo':
      {
        const scopes = loadData(world, demoData);
        if (demoData.clickhouse) {
          seedClickhouse(world);
          linkDemoEndpoints(world, scopes);
        }
      }
      return;
    case 'scale':
      loadScale(world);
      seedClickhouse(world);
      return;
    case 'scale10':
      loadScale10(world);
      seedClickhouse(world);
      return;
    default:
      throw new Error(`unknown scenario '${name}' (known: ${SCENARIOS.join(', ')})`);
  }
}

/**
 * Point the seeded ClickHouse reverse private endpoints at the demo's own AWS records, and give
 * AWS the other half of each link: the Ready VPC-resource endpoint consumes the shared
 * orders-aurora configuration (a resource endpoint association), and the PendingAcceptance one
 * waits on a connection to the eu-central-1 endpoint service that the user can accept.
 */
function linkDemoEndpoints(world: EmuWorld, scopes: Map<string, Scope>): void {
  const us = scopes.get(`${DEMO_ACCOUNT}/us-east-1`)!;
  const eu = scopes.get(`${DEMO_ACCOUNT}/eu-central-1`)!;
  const ready = world.clickhouse.reversePrivateEndpoints.get(DEMO_CH_RPE_READY);
  if (ready) {
    const config = us.state.resourceConfigurations.get(us.ref('rcfg', 'orders-aurora'))!;
    ready.vpcResourceConfigurationId = config.id;
    ready.vpcResourceShareArn = us.ref('share', 'clickpipes-orders-aurora');
    ready.dnsNames = [`${ready.endpointId}-snra6ykb.${config.id}.4k8p.vpc-lattice-rsc.us-east-1.on.aws`];
    const associationId = `rea-${config.id.slice(5)}`;
    us.state.resourceEndpointAssociations.set(associationId, {
      id: associationId, arn: `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourceendpointassociation/${associationId}`,
      resourceConfigurationId: config.id, resourceConfigurationArn: config.arn, resourceConfigurationName: config.name,
      vpcEndpointId: ready.endpointId, vpcEndpointOwner: CLICKPIPES_ACCOUNT, createdBy: CLICKPIPES_ACCOUNT,
      createdAt: '2026-03-04T10:00:00.000Z',
    });
  }
  const pending = world.clickhouse.reversePrivateEndpoints.get(DEMO_CH_RPE_PENDING);
  if (pending) {
    const service = eu.state.endpointServices.get(eu.ref('vpce-svc', 'eu-events-service'))!;
    pending.vpcEndpointServiceName = service.ServiceName;
    pending.dnsNames = [`${pending.endpointId}-1x2y3z4w.${service.ServiceId}.eu-central-1.vpce.amazonaws.com`];
    eu.state.servicePermissions.set(service.ServiceId, [`arn:aws:iam::${CLICKPIPES_ACCOUNT}:root`]);
    eu.state.endpointConnections.set(pending.endpointId, {
      ServiceId: service.ServiceId, VpcEndpointId: pending.endpointId, VpcEndpointOwner: CLICKPIPES_ACCOUNT, VpcEndpointState: 'PendingAcceptance',
      CreationTimestamp: new Date('2026-03-22T09:00:00Z'), IpAddressType: 'ipv4', VpcEndpointRegion: 'eu-central-1',
      VpcEndpointConnectionId: `vpce-con-${pending.endpointId.slice(5)}`, NetworkLoadBalancerArns: service.NetworkLoadBalancerArns,
      DnsEntries: [{ DnsName: pending.dnsNames[0], HostedZoneId: 'Z7HUB22UULQXV' }],
    });
    // The ClickHouse stand-in follows its endpoint's connection through this link.
    pending._connection = { account: DEMO_ACCOUNT, region: 'eu-central-1' };
  }
}
