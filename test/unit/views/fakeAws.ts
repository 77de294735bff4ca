// A hand-written AwsLayer for the pure explorer tests: fixed data, call counts, injectable faults.
import type { AwsLayer, Scope } from '../../../src/aws/api';
import type { RegionLists } from '../../../src/views/explorer/regionLists';
import type {
  Database, EndpointService, MskCluster, Profile, ResourceConfiguration, ResourceGateway, ResourceShare, Subnet,
} from '../../../src/model/resources';

export const ACCOUNT = '123456789012';
const R = 'us-east-1';

export function gateway(id: string, status = 'ACTIVE', name = id.replace('rgw-', 'gw-')): ResourceGateway {
  return {
    id, name, status, arn: `arn:aws:vpc-lattice:${R}:${ACCOUNT}:resourcegateway/${id}`,
    vpcId: 'vpc-0abc', subnetIds: ['subnet-a', 'subnet-b'], securityGroupIds: ['sg-1'],
  };
}

export function configuration(id: string, gatewayId: string, status = 'ACTIVE'): ResourceConfiguration {
  return {
    id, name: id.replace('rcfg-', 'cfg-'), status, type: 'SINGLE', resourceGatewayId: gatewayId, portRanges: ['5432'],
    arn: `arn:aws:vpc-lattice:${R}:${ACCOUNT}:resourceconfiguration/${id}`,
    definition: { kind: 'dns', domainName: 'db.internal.example.com' },
  };
}

export function share(name: string, configArn: string): ResourceShare {
  return {
    arn: `arn:aws:ram:${R}:${ACCOUNT}:resource-share/${name}`, name, status: 'ACTIVE', allowExternalPrincipals: true,
    principals: [{ id: '072088201116', status: 'ASSOCIATED' }], resources: [{ arn: configArn, status: 'ASSOCIATED' }],
  };
}

export const msk: MskCluster = {
  arn: `arn:aws:kafka:${R}:${ACCOUNT}:cluster/orders/1111-2222`, name: 'orders', clusterType: 'PROVISIONED', state: 'ACTIVE',
  currentVersion: 'K1', kafkaVersion: '3.6.0', instanceType: 'kafka.m5.large',
  auth: { iam: true, scram: true, tls: false }, multiVpc: { iam: true, scram: false, tls: false },
};

export const endpointService: EndpointService = {
  id: 'vpce-svc-0123456789abcdef0', name: `com.amazonaws.vpce.${R}.vpce-svc-0123456789abcdef0`, state: 'Available',
  acceptanceRequired: true, networkLoadBalancerArns: [], supportedRegions: [], baseEndpointDnsNames: ['vpce-svc-0123.us-east-1.vpce.amazonaws.com'],
  allowedPrincipals: ['arn:aws:iam::072088201116:root'],
  connections: [{ vpcEndpointId: 'vpce-0aaa', owner: '072088201116', state: 'PendingAcceptance' }],
};

export const database: Database = {
  kind: 'cluster', id: 'orders-db', arn: `arn:aws:rds:${R}:${ACCOUNT}:cluster:orders-db`, resourceId: 'cluster-ABC',
  engine: 'aurora-postgresql', engineVersion: '15.4', status: 'available', endpoint: 'orders-db.cluster-x.us-east-1.rds.amazonaws.com',
  port: 5432, publiclyAccessible: false, iamAuth: true,
};

export function subnet(id: string, cidrBlock = '10.0.0.0/24', availableIpAddressCount = 245, vpcId = 'vpc-0abc'): Subnet {
  return { id, vpcId, cidrBlock, availabilityZone: 'us-east-1a', availableIpAddressCount, state: 'available' };
}

/** The explorer's region lists (src/views/explorer/regionLists.ts) plus the profiles and subnets. */
export type FakeData = RegionLists & { profiles: Profile[]; subnets: Subnet[]; policies?: Record<string, MskCluster['policy']> };

export function demoData(): FakeData {
  const gw = gateway('rgw-00000000000000001');
  const cfg = configuration('rcfg-0000000000000001', gw.id);
  return {
    profiles: [{ name: 'demo', region: R, kind: 'static' }],
    gateways: [gw, gateway('rgw-00000000000000002', 'CREATE_IN_PROGRESS', 'gw-new')],
    configurations: [cfg],
    shares: [share('cfg-share', cfg.arn)],
    msk: [msk],
    endpointServices: [endpointService],
    databases: [database],
    subnets: [subnet('subnet-a'), subnet('subnet-b', '10.0.1.0/24')],
  };
}

/** Implements the AwsLayer methods the explorer uses; `layer` casts it (the interface grows). */
export class FakeAws {
  get layer(): AwsLayer {
    return this as unknown as AwsLayer;
  }

  calls: string[] = [];
  batches: { op: string; args: string[] }[] = [];
  /** operation → error to throw. */
  faults = new Map<string, Error>();
  resets = 0;
  constructor(public data: FakeData = demoData()) {}

  private async op<T>(name: string, value: T): Promise<T> {
    this.calls.push(name);
    await Promise.resolve();
    const f = this.faults.get(name);
    if (f) throw f;
    return structuredClone(value);
  }

  count(name: string): number {
    return this.calls.filter((c) => c === name).length;
  }

  listProfiles() { return this.op('listProfiles', this.data.profiles); }
  profileFiles() { return { config: '/tmp/config', credentials: '/tmp/credentials' }; }
  callerIdentity(profile: string) { return this.op('callerIdentity', { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/${profile}`, userId: 'AIDA' }); }
  listResourceGateways(_s: Scope) { return this.op('listResourceGateways', this.data.gateways); }
  getResourceGateway(_s: Scope, id: string) { return this.op('getResourceGateway', this.data.gateways.find((g) => g.id === id)!); }
  listResourceConfigurations(_s: Scope) { return this.op('listResourceConfigurations', this.data.configurations); }
  getResourceConfiguration(_s: Scope, id: string) { return this.op('getResourceConfiguration', this.data.configurations.find((c) => c.id === id)!); }
  listResourceShares(_s: Scope) { return this.op('listResourceShares', this.data.shares); }
  listMskClusters(_s: Scope) { return this.op('listMskClusters', this.data.msk); }
  describeMskCluster(_s: Scope, arn: string) { return this.op('describeMskCluster', this.data.msk.find((m) => m.arn === arn)!); }
  getMskClusterPolicy(_s: Scope, arn: string) { return this.op('getMskClusterPolicy', this.data.policies?.[arn] ?? null); }
  /** Each call is recorded with its argument, so tests see the batching. */
  listSubnetsOfVpcs(_s: Scope, vpcIds: string[]) {
    this.batches.push({ op: 'listSubnetsOfVpcs', args: vpcIds });
    return this.op('listSubnetsOfVpcs', this.data.subnets.filter((x) => vpcIds.includes(x.vpcId)));
  }
  getResourceConfigurations(_s: Scope, ids: string[]) {
    this.batches.push({ op: 'getResourceConfigurations', args: ids });
    return this.op('getResourceConfigurations', this.data.configurations.filter((c) => ids.includes(c.id)));
  }
  getMskClusterPolicies(_s: Scope, arns: string[]) {
    this.batches.push({ op: 'getMskClusterPolicies', args: arns });
    return this.op('getMskClusterPolicies', Object.fromEntries(arns.map((a) => [a, this.data.policies?.[a] ?? null])));
  }
  getBootstrapBrokers() { return this.op('getBootstrapBrokers', {}); }
  listEndpointServices(_s: Scope) { return this.op('listEndpointServices', this.data.endpointServices); }
  listDatabases(_s: Scope) { return this.op('listDatabases', this.data.databases); }
  listVpcs() { return this.op('listVpcs', []); }
  listSubnets() { return this.op('listSubnets', []); }
  listSecurityGroups() { return this.op('listSecurityGroups', []); }
  listLoadBalancers() { return this.op('listLoadBalancers', []); }
  getRole() { return this.op('getRole', undefined); }
  call() { return this.op('call', {}); }
  reset() { this.resets++; }
  dispose() {}
}

export function named(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}
