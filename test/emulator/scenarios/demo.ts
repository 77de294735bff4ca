// Loads demo.json: each region's specs, in dependency order, through the builders.
import type { EmuWorld } from '../core/world';
import * as b from './builders';
import data from './demo.json';

interface RegionSpec {
  parameterGroups?: b.ParameterGroupSpec[]; vpcs?: b.VpcSpec[]; subnets?: b.SubnetSpec[]; securityGroups?: b.SecurityGroupSpec[]; networkInterfaces?: b.NetworkInterfaceSpec[]; loadBalancers?: b.LoadBalancerSpec[];
  dbClusters?: b.DbClusterSpec[]; dbInstances?: b.DbInstanceSpec[]; resourceGateways?: b.GatewaySpec[];
  resourceConfigurations?: b.ConfigurationSpec[]; shares?: b.ShareSpec[]; mskClusters?: b.MskSpec[]; endpointServices?: b.EndpointServiceSpec[];
  secrets?: b.SecretSpec[];
}
export interface ScenarioData { description?: string; accounts: Array<{ id: string; regions: Record<string, RegionSpec> }>; clickhouse?: boolean }

export function loadRegion(s: b.Scope, spec: RegionSpec): void {
  for (const v of spec.vpcs ?? []) b.addVpc(s, v);
  for (const v of spec.subnets ?? []) b.addSubnet(s, v);
  for (const v of spec.securityGroups ?? []) b.addSecurityGroup(s, v);
  for (const v of spec.networkInterfaces ?? []) b.addNetworkInterface(s, v);
  for (const v of spec.loadBalancers ?? []) b.addLoadBalancer(s, v);
  for (const v of spec.parameterGroups ?? []) b.addParameterGroup(s, v);
  for (const v of spec.dbClusters ?? []) b.addDbCluster(s, v);
  for (const v of spec.dbInstances ?? []) b.addDbInstance(s, v);
  for (const v of spec.resourceGateways ?? []) b.addGateway(s, v);
  for (const v of spec.resourceConfigurations ?? []) b.addConfiguration(s, v);
  for (const v of spec.shares ?? []) b.addShare(s, v);
  for (const v of spec.secrets ?? []) b.addSecret(s, v);
  for (const v of spec.mskClusters ?? []) b.addMskCluster(s, v);
  for (const v of spec.endpointServices ?? []) b.addEndpointService(s, v);
}

/** Loads every account and region; returns the scopes (`account/region`) for looking names up. */
export function loadData(world: EmuWorld, scenario: ScenarioData): Map<string, b.Scope> {
  const scopes = new Map<string, b.Scope>();
  for (const account of scenario.accounts) {
    for (const [region, spec] of Object.entries(account.regions)) {
      const scope = new b.Scope(world, account.id, region);
      loadRegion(scope, spec);
      scopes.set(`${account.id}/${region}`, scope);
    }
  }
  return scopes;
}

export const demoData = data as unknown as ScenarioData;
