// Elastic Load Balancing v2 (awsQuery, 2015-12-01): DescribeLoadBalancers by name or ARN, with
// Marker/PageSize paging; listeners, target groups and target health of a load balancer, and its
// attributes; SetSecurityGroups (the security groups of an NLB, and whether inbound rules apply to
// PrivateLink traffic). Everything else is read-only here (scenarios create it). Members and error codes follow
// botocore elbv2 2015-12-01 service-2.json.
import { listParam, optionalParam, requireParam, structListParam } from '../core/protocols';
import { ApiError, EmuRequest, World } from '../core/types';
import { queryHandler } from './query/dispatch';
import { intParam, page } from './query/params';
import { elasticloadbalancingWire } from './query/wireNames';

const TG_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;
const badMarker = () => new ApiError('ValidationError', 'Invalid value for parameter Marker');

/** Attributes every Network Load Balancer reports (defaults per the ELBv2 user guide; a scenario may override them). */
const NLB_ATTRIBUTES: Record<string, string> = {
  'deletion_protection.enabled': 'false', 'load_balancing.cross_zone.enabled': 'false', 'access_logs.s3.enabled': 'false',
  'access_logs.s3.bucket': '', 'access_logs.s3.prefix': '', 'ipv6.deny_all_igw_traffic': 'true',
  'dns_record.client_routing_policy': 'any_availability_zone', 'zonal_shift.config.enabled': 'false',
};
const ALB_ATTRIBUTES: Record<string, string> = {
  'deletion_protection.enabled': 'false', 'access_logs.s3.enabled': 'false', 'idle_timeout.timeout_seconds': '60',
  'routing.http2.enabled': 'true', 'routing.http.drop_invalid_header_fields.enabled': 'false',
};

function loadBalancerOf(req: EmuRequest, world: World, arn: string): Record<string, any> {
  if (!ARN.test(arn)) throw new ApiError('ValidationError', `'${arn}' is not a valid load balancer ARN`);
  const lb = world.region(req.accountId, req.region).loadBalancers.get(arn);
  if (!lb) throw new ApiError('LoadBalancerNotFound', `Load balancer '${arn}' not found`);
  return lb;
}

const ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/(net|app|gwy)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;

export const handler = queryHandler('awsQuery', elasticloadbalancingWire, {
  DescribeLoadBalancers: (req, world) => {
    const arns = listParam(req, 'LoadBalancerArns');
    const names = listParam(req, 'Names');
    if (arns.length && names.length) {
      throw new ApiError('ValidationError', 'Load balancer names and load balancer ARNs cannot be specified at the same time');
    }
    if (arns.length > 20 || names.length > 20) throw new ApiError('ValidationError', 'You can specify up to 20 load balancers');
    const pageSize = intParam(req, 'PageSize', 1, 400, 'ValidationError');
    const all = [...world.region(req.accountId, req.region).loadBalancers.values()];
    let items = all;
    if (arns.length) {
      for (const arn of arns) if (!ARN.test(arn)) throw new ApiError('ValidationError', `'${arn}' is not a valid load balancer ARN`);
      const missing = arns.filter((a) => !all.some((lb) => lb.LoadBalancerArn === a));
      if (missing.length) throw new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
      items = all.filter((lb) => arns.includes(lb.LoadBalancerArn));
    } else if (names.length) {
      const missing = names.filter((n) => !all.some((lb) => lb.LoadBalancerName === n));
      if (missing.length) throw new ApiError('LoadBalancerNotFound', `Load balancers '[${missing.join(', ')}]' not found`);
      items = all.filter((lb) => names.includes(lb.LoadBalancerName));
    }
    const { page: out, nextToken } = page(req, 'load-balancers', items, pageSize ?? 400, optionalParam(req, 'Marker'),
      () => new ApiError('ValidationError', 'Invalid value for parameter Marker'));
    return { LoadBalancers: out, NextMarker: nextToken };
  },

  DescribeListeners: (req, world) => {
    const lbArn = optionalParam(req, 'LoadBalancerArn');
    const arns = listParam(req, 'ListenerArns');
    if (!lbArn && !arns.length) throw new ApiError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
    const pageSize = intParam(req, 'PageSize', 1, 400, 'ValidationError');
    const all = [...world.region(req.accountId, req.region).listeners.values()];
    let items: Record<string, any>[];
    if (lbArn) {
      loadBalancerOf(req, world, lbArn);
      items = all.filter((l) => l.LoadBalancerArn === lbArn && (!arns.length || arns.includes(l.ListenerArn)));
    } else {
      if (arns.some((a) => !all.some((l) => l.ListenerArn === a))) throw new ApiError('ListenerNotFound', 'One or more listeners not found');
      items = all.filter((l) => arns.includes(l.ListenerArn));
    }
    const { page: out, nextToken } = page(req, 'listeners', items, pageSize ?? 400, optionalParam(req, 'Marker'), badMarker);
    return { Listeners: out, NextMarker: nextToken };
  },

  DescribeTargetGroups: (req, world) => {
    const lbArn = optionalParam(req, 'LoadBalancerArn');
    const arns = listParam(req, 'TargetGroupArns');
    const names = listParam(req, 'Names');
    const pageSize = intParam(req, 'PageSize', 1, 400, 'ValidationError');
    let items = [...world.region(req.accountId, req.region).targetGroups.values()];
    if (lbArn) {
      loadBalancerOf(req, world, lbArn);
      items = items.filter((t) => (t.LoadBalancerArns ?? []).includes(lbArn));
    }
    if (arns.length) {
      for (const a of arns) if (!TG_ARN.test(a)) throw new ApiError('ValidationError', `'${a}' is not a valid target group ARN`);
      if (arns.some((a) => !items.some((t) => t.TargetGroupArn === a))) throw new ApiError('TargetGroupNotFound', 'One or more target groups not found');
      items = items.filter((t) => arns.includes(t.TargetGroupArn));
    }
    if (names.length) {
      const missing = names.filter((n) => !items.some((t) => t.TargetGroupName === n));
      if (missing.length) throw new ApiError('TargetGroupNotFound', `Target groups '[${missing.join(', ')}]' not found`);
      items = items.filter((t) => names.includes(t.TargetGroupName));
    }
    const { page: out, nextToken } = page(req, 'target-groups', items, pageSize ?? 400, optionalParam(req, 'Marker'), badMarker);
    return { TargetGroups: out, NextMarker: nextToken };
  },

  DescribeTargetHealth: (req, world) => {
    const arn = requireParam(req, 'TargetGroupArn');
    if (!TG_ARN.test(arn)) throw new ApiError('ValidationError', `'${arn}' is not a valid target group ARN`);
    const region = world.region(req.accountId, req.region);
    if (!region.targetGroups.has(arn)) throw new ApiError('TargetGroupNotFound', `Target groups '${arn}' not found`);
    const wanted = structListParam(req, 'Targets');
    let items = region.targetHealth.get(arn) ?? [];
    if (wanted.length) {
      items = wanted.map((t) => items.find((h) => h.Target.Id === t.Id && (!t.Port || String(h.Target.Port) === t.Port))
        ?? { Target: { Id: t.Id, ...(t.Port ? { Port: Number(t.Port) } : {}) }, TargetHealth: { State: 'unavailable', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' } });
    }
    return { TargetHealthDescriptions: items };
  },

  // ELBv2 user guide, "Update the security groups for your Network Load Balancer": an NLB made
  // without security groups cannot get them later; EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic is on or off.
  SetSecurityGroups: (req, world) => {
    const lb = loadBalancerOf(req, world, requireParam(req, 'LoadBalancerArn'));
    const groups = listParam(req, 'SecurityGroups');
    // Required by the model (botocore elbv2 SetSecurityGroupsInput); an empty list arrives as `SecurityGroups=`.
    if (!groups.length && !req.form?.has('SecurityGroups')) {
      throw new ApiError('ValidationError', "1 validation error detected: Value null at 'securityGroups' failed to satisfy constraint: Member must not be null");
    }
    const enforce = optionalParam(req, 'EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic');
    if (enforce !== undefined && enforce !== 'on' && enforce !== 'off') {
      throw new ApiError('ValidationError', `1 validation error detected: Value '${enforce}' at 'enforceSecurityGroupInboundRulesOnPrivateLinkTraffic' failed to satisfy constraint: Member must satisfy enum value set: [on, off]`);
    }
    if (lb.Type === 'network' && !(lb.SecurityGroups ?? []).length && groups.length) {
      throw new ApiError('InvalidConfigurationRequest', 'You cannot set security groups on a Network Load Balancer which was created without any security groups.');
    }
    const known = world.region(req.accountId, req.region).securityGroups;
    const missing = groups.filter((g) => !known.has(g));
    if (missing.length) throw new ApiError('InvalidSecurityGroup', `Security group '${missing[0]}' does not exist`);
    lb.SecurityGroups = groups;
    if (enforce) lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic = enforce;
    return { SecurityGroupIds: groups, ...(lb.Type === 'network' ? { EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic ?? 'on' } : {}) };
  },

  DescribeLoadBalancerAttributes: (req, world) => {
    const lb = loadBalancerOf(req, world, requireParam(req, 'LoadBalancerArn'));
    const base = lb.Type === 'network' ? NLB_ATTRIBUTES : ALB_ATTRIBUTES;
    const merged = { ...base, ...(lb._attributes ?? {}) };
    return { Attributes: Object.entries(merged).map(([Key, Value]) => ({ Key, Value })) };
  },
});
