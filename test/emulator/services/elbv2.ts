// Elastic Load Balancing v2 (awsQuery, 2015-12-01): DescribeLoadBalancers by name or ARN, with
// Marker/PageSize paging. Load balancers are read-only here (scenarios create them).
import { listParam, optionalParam } from '../core/protocols';
import { ApiError } from '../core/types';
import { queryHandler } from './query/dispatch';
import { intParam, page } from './query/params';
import { elasticloadbalancingWire } from './query/wireNames';

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
});
