// The connectivity doctor's reads, each a small function returning plain models: security group
// rules, one database with its network and parameter facts, parameter values, NLB listeners and
// target health, SCRAM secrets and a configuration revision. Read-only calls only.
import { paginateDescribeNetworkInterfaces, paginateDescribeSecurityGroupRules } from '@aws-sdk/client-ec2';
import { DescribeTargetHealthCommand, paginateDescribeListeners, paginateDescribeLoadBalancers } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeDBClusterEndpointsCommand, DescribeDBClustersCommand, DescribeDBInstancesCommand, paginateDescribeDBClusterParameters, paginateDescribeDBParameters,
} from '@aws-sdk/client-rds';
import { DescribeConfigurationRevisionCommand, DescribeClusterV2Command, paginateListConfigurations, paginateListScramSecrets } from '@aws-sdk/client-kafka';
import type { Scope } from './api';
import type { DatabaseDetail, SgRule } from '../model/doctor/types';
import type { InterfaceDetail, RdsEndpointHint } from '../model/doctor/vpcResource';
import type { ListenerDetail, NlbDetail, TargetHealthDetail } from '../model/doctor/endpointService';
import type { MskDetail } from '../model/doctor/mskMultiVpc';
import { allPages, AwsContext, compact } from './awsContext';
import { classifyAwsError, failureOf } from './errorKinds';
import { toMskCluster } from './kafka';


/** ELBv2's maximum PageSize (botocore elbv2 model, PageSize: 1-400). */
const ELBV2_PAGE = 400;

/** Every rule of the given groups, in one paginated DescribeSecurityGroupRules. */
export async function securityGroupRules(ctx: AwsContext, scope: Scope, groupIds: string[]): Promise<SgRule[]> {
  if (!groupIds.length) return [];
  return ctx.run(scope, 'ec2', 'DescribeSecurityGroupRules', async (client) =>
    (await allPages(paginateDescribeSecurityGroupRules({ client }, { Filters: [{ Name: 'group-id', Values: [...new Set(groupIds)] }], MaxResults: 1000 }),
      (p) => p.SecurityGroupRules)).map((r) => compact({
      id: r.SecurityGroupRuleId ?? '', groupId: r.GroupId ?? '', egress: !!r.IsEgress, protocol: r.IpProtocol ?? '-1',
      fromPort: r.FromPort ?? -1, toPort: r.ToPort ?? -1, cidr: r.CidrIpv4, referencedGroupId: r.ReferencedGroupInfo?.GroupId,
    })));
}

/**
 * The ENI that owns `ip` as a private IPv4 address in `vpcId`, if any. Filter names from botocore's
 * ec2 2016-11-15 service-2.json, DescribeNetworkInterfacesRequest.Filters: `addresses.private-ip-address`
 * ("the private IPv4 addresses associated with the network interface", primary and secondary) and
 * `vpc-id`. An address is owned by at most one ENI of a VPC, so the first is the one.
 */
export async function interfaceOwning(ctx: AwsContext, scope: Scope, vpcId: string, ip: string): Promise<InterfaceDetail | undefined> {
  const found = await ctx.run(scope, 'ec2', 'DescribeNetworkInterfaces', async (client) =>
    allPages(paginateDescribeNetworkInterfaces({ client }, {
      Filters: [{ Name: 'addresses.private-ip-address', Values: [ip] }, { Name: 'vpc-id', Values: [vpcId] }], MaxResults: 1000,
    }), (p) => p.NetworkInterfaces));
  const n = found[0];
  return n ? compact({
    id: n.NetworkInterfaceId ?? '', vpcId: n.VpcId ?? vpcId, description: n.Description,
    securityGroupIds: (n.Groups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
  }) : undefined;
}

/**
 * The RDS database whose endpoint `domainName` is, in this region: the identifier the name suggests,
 * then a match of its endpoints (a look-alike name or a missing database is none). A custom endpoint
 * is first resolved to its cluster with DescribeDBClusterEndpoints by DBClusterEndpointIdentifier
 * (botocore rds 2014-10-31 service-2.json, DescribeDBClusterEndpointsMessage), its `Endpoint` matched
 * against the name. One endpoint per identifier: the Aurora user guide ("Considerations for custom
 * endpoints") says a custom endpoint name is not reused by two clusters of a region, so no paging.
 */
export async function databaseAtEndpoint(ctx: AwsContext, scope: Scope, hint: RdsEndpointHint, domainName: string): Promise<DatabaseDetail | undefined> {
  const name = domainName.toLowerCase().replace(/\.$/, '');
  try {
    if (hint.kind === 'customEndpoint') {
      const out = await ctx.run(scope, 'rds', 'DescribeDBClusterEndpoints', (client) =>
        client.send(new DescribeDBClusterEndpointsCommand({ DBClusterEndpointIdentifier: hint.id })));
      const endpoint = out.DBClusterEndpoints?.find((e) => e.EndpointType === 'CUSTOM' && e.Endpoint?.toLowerCase() === name);
      return endpoint?.DBClusterIdentifier ? await databaseDetail(ctx, scope, 'cluster', endpoint.DBClusterIdentifier) : undefined;
    }
    const db = await databaseDetail(ctx, scope, hint.kind, hint.id);
    return db.endpoints?.some((e) => e.toLowerCase() === name) ? db : undefined;
  } catch (err) {
    // No database of that identifier (DBInstanceNotFound / DBClusterNotFoundFault): the name is not an RDS endpoint here.
    const { name, message, httpStatus } = failureOf(err);
    if (classifyAwsError(name, message, httpStatus) === 'notFound') return undefined;
    throw err;
  }
}

export async function databaseDetail(ctx: AwsContext, scope: Scope, kind: 'instance' | 'cluster', id: string): Promise<DatabaseDetail> {
  if (kind === 'instance') {
    const out = await ctx.run(scope, 'rds', 'DescribeDBInstances', (client) => client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })));
    const d = out.DBInstances?.[0];
    if (!d) throw new Error(`DB instance ${id} not found`);
    return compact({
      kind, id: d.DBInstanceIdentifier ?? id, engine: d.Engine ?? '', engineVersion: d.EngineVersion ?? '', status: d.DBInstanceStatus ?? 'unknown',
      port: d.Endpoint?.Port ?? d.DbInstancePort, vpcId: d.DBSubnetGroup?.VpcId,
      securityGroupIds: (d.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter(Boolean),
      iamAuth: !!d.IAMDatabaseAuthenticationEnabled,
      parameterGroup: d.DBParameterGroups?.[0]?.DBParameterGroupName, parameterApplyStatus: d.DBParameterGroups?.[0]?.ParameterApplyStatus,
      backupRetentionDays: d.BackupRetentionPeriod, endpoints: d.Endpoint?.Address ? [d.Endpoint.Address] : [], clusterId: d.DBClusterIdentifier,
    });
  }
  const out = await ctx.run(scope, 'rds', 'DescribeDBClusters', (client) => client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id })));
  const c = out.DBClusters?.[0];
  if (!c) throw new Error(`DB cluster ${id} not found`);
  const writer = c.DBClusterMembers?.find((m) => m.IsClusterWriter) ?? c.DBClusterMembers?.[0];
  return compact({
    kind, id: c.DBClusterIdentifier ?? id, engine: c.Engine ?? '', engineVersion: c.EngineVersion ?? '', status: c.Status ?? 'unknown', port: c.Port,
    // DBCluster has no VPC id (botocore rds service-2.json: only DBSubnetGroup, a name); placement is then not checked.
    vpcId: undefined,
    securityGroupIds: (c.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter(Boolean),
    iamAuth: !!c.IAMDatabaseAuthenticationEnabled, parameterGroup: c.DBClusterParameterGroup,
    parameterApplyStatus: writer?.DBClusterParameterGroupStatus, writerInstanceId: writer?.DBInstanceIdentifier, backupRetentionDays: c.BackupRetentionPeriod,
    endpoints: [c.Endpoint, c.ReaderEndpoint].filter((e): e is string => !!e),
  });
}

/** Name → value of the parameters of a DB (instance) or DB cluster parameter group. */
export async function parameterValues(ctx: AwsContext, scope: Scope, level: 'instance' | 'cluster', group: string): Promise<Record<string, string>> {
  const params = level === 'instance'
    ? await ctx.run(scope, 'rds', 'DescribeDBParameters', (client) =>
      allPages(paginateDescribeDBParameters({ client }, { DBParameterGroupName: group, MaxRecords: 100 }), (p) => p.Parameters))
    : await ctx.run(scope, 'rds', 'DescribeDBClusterParameters', (client) =>
      allPages(paginateDescribeDBClusterParameters({ client }, { DBClusterParameterGroupName: group, MaxRecords: 100 }), (p) => p.Parameters));
  return Object.fromEntries(params.filter((p) => p.ParameterName && p.ParameterValue !== undefined).map((p) => [p.ParameterName!, p.ParameterValue!]));
}

export async function loadBalancerDetails(ctx: AwsContext, scope: Scope, arns: string[]): Promise<NlbDetail[]> {
  if (!arns.length) return [];
  // Paginated like any ELBv2 list (botocore's elbv2 paginators-1.json): the default page size is not documented.
  const found = await ctx.run(scope, 'elbv2', 'DescribeLoadBalancers', (client) =>
    allPages(paginateDescribeLoadBalancers({ client }, { LoadBalancerArns: arns, PageSize: ELBV2_PAGE }), (p) => p.LoadBalancers));
  return found.map((lb) => compact({
    arn: lb.LoadBalancerArn ?? '', name: lb.LoadBalancerName ?? '', securityGroupIds: lb.SecurityGroups ?? [],
    enforcePrivateLinkRules: lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic,
  }));
}

/** DescribeListeners per load balancer (the API takes one ARN), every page; target groups from the forward actions. */
export async function listeners(ctx: AwsContext, scope: Scope, lbArns: string[]): Promise<ListenerDetail[]> {
  const per = await Promise.all(lbArns.map((arn) => ctx.run(scope, 'elbv2', 'DescribeListeners', (client) =>
    allPages(paginateDescribeListeners({ client }, { LoadBalancerArn: arn, PageSize: ELBV2_PAGE }), (p) => p.Listeners))));
  return per.flatMap((list) => list.map((l) => ({
    loadBalancerArn: l.LoadBalancerArn ?? '', port: l.Port ?? 0, protocol: l.Protocol ?? '',
    targetGroupArns: [...new Set((l.DefaultActions ?? []).flatMap((a) => [a.TargetGroupArn, ...(a.ForwardConfig?.TargetGroups ?? []).map((g) => g.TargetGroupArn)])
      .filter((x): x is string => !!x))],
  })));
}

/** One DescribeTargetHealth per target group (the API takes one ARN). */
export async function targetHealth(ctx: AwsContext, scope: Scope, targetGroupArns: string[]): Promise<TargetHealthDetail[]> {
  const per = await Promise.all(targetGroupArns.map(async (arn) => ({
    arn, out: await ctx.run(scope, 'elbv2', 'DescribeTargetHealth', (client) => client.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))),
  })));
  return per.flatMap(({ arn, out }) => (out.TargetHealthDescriptions ?? []).map((h) => compact({
    targetGroupArn: arn, targetId: h.Target?.Id ?? '', port: h.Target?.Port, state: h.TargetHealth?.State ?? 'unknown',
    reason: h.TargetHealth?.Reason, description: h.TargetHealth?.Description,
  })));
}

export async function mskDetail(ctx: AwsContext, scope: Scope, arn: string): Promise<MskDetail> {
  const out = await ctx.run(scope, 'kafka', 'DescribeClusterV2', (client) => client.send(new DescribeClusterV2Command({ ClusterArn: arn })));
  const c = out.ClusterInfo ?? {};
  const sw = c.Provisioned?.CurrentBrokerSoftwareInfo;
  return compact({
    ...toMskCluster(c), securityGroupIds: c.Provisioned?.BrokerNodeGroupInfo?.SecurityGroups ?? [],
    configurationArn: sw?.ConfigurationArn, configurationRevision: sw?.ConfigurationRevision,
  });
}

export function scramSecrets(ctx: AwsContext, scope: Scope, arn: string): Promise<string[]> {
  return ctx.run(scope, 'kafka', 'ListScramSecrets', (client) =>
    allPages(paginateListScramSecrets({ client }, { ClusterArn: arn }), (p) => p.SecretArnList));
}

export async function serverProperties(ctx: AwsContext, scope: Scope, arn: string, revision: number): Promise<string> {
  const out = await ctx.run(scope, 'kafka', 'DescribeConfigurationRevision', (client) =>
    client.send(new DescribeConfigurationRevisionCommand({ Arn: arn, Revision: revision })));
  return out.ServerProperties ? Buffer.from(out.ServerProperties).toString('utf8') : '';
}

/** The ARN of the MSK configuration named `name`, if there is one (ListConfigurations has no name filter). */
export async function configurationNamed(ctx: AwsContext, scope: Scope, name: string): Promise<string | undefined> {
  const all = await ctx.run(scope, 'kafka', 'ListConfigurations', (client) =>
    allPages(paginateListConfigurations({ client }, { MaxResults: 100 }), (p) => p.Configurations));
  return all.find((c) => c.Name === name)?.Arn;
}
