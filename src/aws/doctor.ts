// Loads the facts each doctor check needs, with as few read calls as the path allows, reads that
// do not depend on each other in parallel. A failed read (throttled past the retries, access
// denied on one service) becomes an unknown fact, and so does everything that depended on it:
// the checks then say `unknown` for the hops it hides, never pass.
import type { Scope } from './api';
import type { MskAuthentication } from '../model/clickpipes';
import type { DatabaseFacts } from '../model/doctor/database';
import type { EndpointServiceFacts } from '../model/doctor/endpointService';
import { aclConfigurationName, type MskFacts } from '../model/doctor/mskMultiVpc';
import { known, unknownFact, type DatabaseDetail, type Fact } from '../model/doctor/types';
import { rdsEndpointHint, type InterfaceDetail, type VpcResourceFacts } from '../model/doctor/vpcResource';
import { parameterFamily } from '../model/doctor/family';
import { AwsContext } from './awsContext';
import { listSubnetsByIds } from './ec2';
import { getResourceConfiguration, getResourceGateway } from './lattice';
import { getClusterPolicy } from './kafka';
import { findEndpointService } from './ec2';
import * as reads from './doctorReads';

async function fact<T>(p: Promise<T>): Promise<Fact<T>> {
  try {
    return known(await p);
  } catch (err) {
    const failure = (err as { failure?: { message?: string } }).failure;
    return unknownFact(failure?.message ?? (err instanceof Error ? err.message : String(err)));
  }
}

/** A fact computed from another: unknown (with the same reason) when the other is. */
async function then<A, B>(a: Fact<A>, f: (a: A) => Promise<B>): Promise<Fact<B>> {
  return a.ok ? fact(f(a.value)) : unknownFact(a.error);
}

/** The RDS database an ARN names, if any. */
function rdsTarget(arn: string | undefined): { kind: 'instance' | 'cluster'; id: string } | undefined {
  const m = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(db|cluster):(.+)$/.exec(arn ?? '');
  return m ? { kind: m[1] === 'db' ? 'instance' : 'cluster', id: m[2] } : undefined;
}

/**
 * GetResourceConfiguration → GetResourceGateway ∥ the RDS target (an ARN, or the database whose
 * endpoint a DNS target names); an IP target's ENI (DescribeNetworkInterfaces) and the gateway's
 * subnets as soon as the gateway is known, the rules once both security group lists are. Each read
 * starts when what it needs is there, not when its siblings finish. Five reads on every target kind.
 */
export async function vpcResourceFacts(ctx: AwsContext, scope: Scope, configurationId: string): Promise<VpcResourceFacts> {
  const configuration = await fact(getResourceConfiguration(ctx, scope, configurationId));
  const definition = configuration.ok ? configuration.value.definition : undefined;
  const target = rdsTarget(definition?.kind === 'arn' ? definition.arn : undefined);
  const hint = definition?.kind === 'dns' ? rdsEndpointHint(definition.domainName, scope.region) : undefined;
  const gatewayP = then(configuration, (c) => getResourceGateway(ctx, scope, c.resourceGatewayId ?? ''));
  const targetP: Promise<Fact<DatabaseDetail | undefined>> = !configuration.ok ? Promise.resolve(unknownFact<undefined>(configuration.error))
    : target ? fact(reads.databaseDetail(ctx, scope, target.kind, target.id))
      : hint && definition?.kind === 'dns' ? fact(reads.databaseAtEndpoint(ctx, scope, hint, definition.domainName))
        : Promise.resolve(known(undefined));
  const interfaceP: Promise<Fact<InterfaceDetail | undefined> | undefined> = definition?.kind === 'ip'
    ? gatewayP.then((gateway) => then(gateway, (g) => (g.vpcId ? reads.interfaceOwning(ctx, scope, g.vpcId, definition.ipAddress)
      : Promise.reject(new Error(`${g.id} names no VPC`)))))
    : Promise.resolve(undefined);
  const subnetsP = gatewayP.then((gateway) => then(gateway, (g) => listSubnetsByIds(ctx, scope, g.subnetIds)));
  const rulesP = Promise.all([gatewayP, targetP, interfaceP]).then(([gateway, targetFact, eni]) => (gateway.ok
    ? fact(reads.securityGroupRules(ctx, scope, [...gateway.value.securityGroupIds,
      ...(targetFact.ok && targetFact.value ? targetFact.value.securityGroupIds : []), ...(eni?.ok && eni.value ? eni.value.securityGroupIds : [])]))
    : unknownFact<never>(gateway.error)));
  const [gateway, targetFact, rules, gatewaySubnets, targetInterface] = await Promise.all([gatewayP, targetP, rulesP, subnetsP, interfaceP]);
  return { configuration, gateway, target: targetFact, rules, gatewaySubnets, ...(targetInterface ? { targetInterface } : {}) };
}

/**
 * The service (configuration ∥ permissions ∥ connections), then its NLBs ∥ their listeners; the NLB
 * rules once the NLBs are known, target health once the listeners are.
 */
export async function endpointServiceFacts(
  ctx: AwsContext, scope: Scope, service: { id?: string; name?: string }, options: { clickPipesRegion?: string; port?: number } = {},
): Promise<EndpointServiceFacts> {
  const svc = await fact(findEndpointService(ctx, scope, service));
  const lbsP = then(svc, (s) => reads.loadBalancerDetails(ctx, scope, s.networkLoadBalancerArns));
  const listenersP = then(svc, (s) => reads.listeners(ctx, scope, s.networkLoadBalancerArns));
  const rulesP = lbsP.then((lbs) => then(lbs, (l) => reads.securityGroupRules(ctx, scope, l.flatMap((x) => x.securityGroupIds))));
  const healthP = listenersP.then((listeners) => then(listeners, (l) => reads.targetHealth(ctx, scope, [...new Set(l.flatMap((x) => x.targetGroupArns))])));
  const [lbs, listeners, rules, targetHealth] = await Promise.all([lbsP, listenersP, rulesP, healthP]);
  return { service: svc, loadBalancers: lbs, listeners, targetHealth, rules, region: scope.region, ...options };
}

/**
 * DescribeClusterV2 ∥ GetClusterPolicy ∥ (SCRAM: ListScramSecrets); the configuration revision and broker
 * rules once the cluster is known (SCRAM on the MSK default configuration: ListConfigurations instead of the revision).
 */
export async function mskFacts(ctx: AwsContext, scope: Scope, arn: string, auth: MskAuthentication): Promise<MskFacts> {
  const scram = auth === 'SASL_SCRAM';
  const clusterP = fact(reads.mskDetail(ctx, scope, arn));
  const policyP = fact(getClusterPolicy(ctx, scope, arn).then((p) => p ?? null));
  const secretsP = scram ? fact(reads.scramSecrets(ctx, scope, arn)) : Promise.resolve(undefined);
  const propertiesP = scram ? clusterP.then((cluster) => then(cluster, (c) => (c.configurationArn && c.configurationRevision
    ? reads.serverProperties(ctx, scope, c.configurationArn, c.configurationRevision) : Promise.resolve(undefined)))) : Promise.resolve(undefined);
  const rulesP = clusterP.then((cluster) => then(cluster, (c) => reads.securityGroupRules(ctx, scope, c.securityGroupIds)));
  // On the MSK default configuration, the ACL fix creates a configuration with a fixed name: one an
  // earlier, interrupted fix made is found here, so the next fix revises it instead of failing on the name.
  const ownP = scram ? clusterP.then((cluster) => (cluster.ok && !cluster.value.configurationArn
    ? fact(reads.configurationNamed(ctx, scope, aclConfigurationName(cluster.value.name))) : undefined)) : Promise.resolve(undefined);
  const [cluster, policy, secrets, serverProperties, rules, own] = await Promise.all([clusterP, policyP, secretsP, propertiesP, rulesP, ownP]);
  return {
    auth, cluster, policy, rules, ...(secrets ? { scramSecrets: secrets } : {}), ...(serverProperties ? { serverProperties } : {}),
    ...(own ? { ownAclConfiguration: own } : {}),
  };
}

/**
 * The database whose settings CDC reads: an instance of a cluster (Aurora) is diagnosed as its cluster,
 * since the replication parameters live in the DB cluster parameter group (as the explorer's
 * database row does with its clusterId): one more read, DescribeDBClusters.
 */
async function cdcDatabase(ctx: AwsContext, scope: Scope, d: DatabaseDetail): Promise<DatabaseDetail> {
  return d.kind === 'instance' && d.clusterId ? reads.databaseDetail(ctx, scope, 'cluster', d.clusterId) : d;
}

/**
 * DescribeDBInstances/Clusters (an Aurora member: then its cluster), then the parameters of the group
 * in use (cluster group for Aurora): 2 reads, 3 for an instance that belongs to a cluster.
 */
export async function databaseFacts(
  ctx: AwsContext, scope: Scope, kind: 'instance' | 'cluster', id: string, options: { iamAuthForReplication?: boolean } = {},
): Promise<DatabaseFacts> {
  return factsOfDatabase(ctx, scope, await fact(reads.databaseDetail(ctx, scope, kind, id).then((d) => cdcDatabase(ctx, scope, d))), options);
}

/**
 * The CDC facts of the database a DNS name is the endpoint of, verified as the VPC-resource path does
 * (`databaseAtEndpoint`); `undefined` when the name is no RDS endpoint of this region (a look-alike or
 * a missing database), so no report is made. Reads: the database (a custom endpoint first:
 * DescribeDBClusterEndpoints; an Aurora instance endpoint then: its cluster), then its parameters.
 */
export async function databaseFactsAtEndpoint(
  ctx: AwsContext, scope: Scope, domainName: string, options: { iamAuthForReplication?: boolean } = {},
): Promise<DatabaseFacts | undefined> {
  const hint = rdsEndpointHint(domainName, scope.region);
  if (!hint) return undefined;
  const found = await fact(reads.databaseAtEndpoint(ctx, scope, hint, domainName).then((d) => d && cdcDatabase(ctx, scope, d)));
  if (found.ok && !found.value) return undefined;
  return factsOfDatabase(ctx, scope, found as Fact<DatabaseDetail>, options);
}

async function factsOfDatabase(
  ctx: AwsContext, scope: Scope, database: Fact<DatabaseDetail>, options: { iamAuthForReplication?: boolean },
): Promise<DatabaseFacts> {
  const group = database.ok ? database.value.parameterGroup : undefined;
  const parameters = database.ok && !group
    ? unknownFact<Record<string, string>>(`${database.value.id} reports no parameter group`)
    : await then(database, (d) => reads.parameterValues(ctx, scope, d.kind, group!));
  const family = database.ok ? parameterFamily(database.value.engine, database.value.engineVersion, group) : undefined;
  return { database, parameters, ...(family ? { family } : {}), iamAuthForReplication: options.iamAuthForReplication ?? (database.ok && database.value.iamAuth) };
}
