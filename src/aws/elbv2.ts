// Load balancers (the NLB picker for endpoint services) as plain models.
import { paginateDescribeLoadBalancers } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Scope } from './api';
import type { LoadBalancer } from '../model/resources';
import { allPages, AwsContext, compact } from './awsContext';

/** ELBv2's maximum PageSize. */
const PAGE = 400;

export function listLoadBalancers(ctx: AwsContext, scope: Scope): Promise<LoadBalancer[]> {
  return ctx.run(scope, 'elbv2', 'DescribeLoadBalancers', async (client) =>
    (await allPages(paginateDescribeLoadBalancers({ client }, { PageSize: PAGE }), (p) => p.LoadBalancers)).map((lb) => compact({
      arn: lb.LoadBalancerArn ?? '',
      name: lb.LoadBalancerName ?? '',
      type: (lb.Type ?? 'application') as LoadBalancer['type'],
      scheme: lb.Scheme ?? '',
      state: lb.State?.Code ?? 'unknown',
      vpcId: lb.VpcId,
      dnsName: lb.DNSName,
    })));
}
