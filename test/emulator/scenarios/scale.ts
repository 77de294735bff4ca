// The `scale` scenario, for benchmarks: 500 of every resource kind in the demo account's
// us-east-1, generated (not stored) and deterministic.
import type { EmuWorld } from '../core/world';
import * as b from './builders';
import { CLICKPIPES_ACCOUNT, DEMO_ACCOUNT } from './accounts';

export const SCALE_COUNT = 500;

export function loadScale(world: EmuWorld, count = SCALE_COUNT, account = DEMO_ACCOUNT, region = 'us-east-1'): void {
  const s = new b.Scope(world, account, region);
  const azs = ['a', 'b', 'c', 'd', 'e', 'f'];
  const pad = (i: number) => String(i).padStart(3, '0');
  for (let i = 0; i < count; i++) {
    const n = pad(i);
    const az = azs[i % azs.length];
    // Each VPC gets two /24 subnets in different AZs, from 10.<i/256>.<…> so CIDRs never overlap.
    b.addVpc(s, { name: `vpc-${n}`, cidr: `10.${Math.floor(i / 4)}.${(i % 4) * 64}.0/18` });
    b.addSubnet(s, { name: `subnet-${n}-1`, vpc: `vpc-${n}`, cidr: `10.${Math.floor(i / 4)}.${(i % 4) * 64}.0/24`, az, usedIps: i % 40 });
    b.addSubnet(s, { name: `subnet-${n}-2`, vpc: `vpc-${n}`, cidr: `10.${Math.floor(i / 4)}.${(i % 4) * 64 + 1}.0/24`, az: azs[(i + 1) % azs.length] });
    b.addSecurityGroup(s, { name: `sg-${n}`, vpc: `vpc-${n}`, ingress: [['tcp', 5432, 5432, '10.0.0.0/8']] });
    b.addLoadBalancer(s, { name: `nlb-${n}`, type: 'network', vpc: `vpc-${n}`, subnets: [`subnet-${n}-1`, `subnet-${n}-2`] });
    b.addDbInstance(s, { id: `db-${n}`, engine: ['postgres', 'mysql', 'mariadb'][i % 3], version: ['16.3', '8.0.36', '10.11.8'][i % 3],
      iamAuth: i % 2 === 0, public: i % 25 === 0, subnets: [`subnet-${n}-1`, `subnet-${n}-2`], securityGroups: [`sg-${n}`] });
    b.addDbCluster(s, { id: `aurora-${n}`, engine: i % 2 ? 'aurora-mysql' : 'aurora-postgresql', version: i % 2 ? '8.0.mysql_aurora.3.05.2' : '16.4',
      iamAuth: i % 3 === 0, members: [`aurora-${n}-1`], subnets: [`subnet-${n}-1`, `subnet-${n}-2`], securityGroups: [`sg-${n}`] });
    b.addGateway(s, { name: `gateway-${n}`, vpc: `vpc-${n}`, subnets: [`subnet-${n}-1`, `subnet-${n}-2`], securityGroups: [`sg-${n}`],
      status: i % 50 === 49 ? 'CREATE_FAILED' : 'ACTIVE' });
    b.addConfiguration(s, { name: `config-${n}`, gateway: `gateway-${n}`, type: 'ARN', definition: { dbCluster: `aurora-${n}` } });
    b.addShare(s, { name: `share-${n}`, resources: [`config-${n}`], principals: i % 2 === 0 ? [CLICKPIPES_ACCOUNT] : [] });
    b.addMskCluster(s, { name: `msk-${n}`, kafkaVersion: i % 20 === 0 ? '2.6.2' : '3.6.0', instanceType: i % 10 === 0 ? 'kafka.t3.small' : 'kafka.m5.large',
      subnets: [`subnet-${n}-1`, `subnet-${n}-2`], securityGroups: [`sg-${n}`], iam: true, scram: i % 2 === 0,
      ...(i % 4 === 1 ? { multiVpc: { iam: true }, clickpipesPolicy: true } : {}) });
    b.addEndpointService(s, { name: `endpoint-service-${n}`, nlbs: [`nlb-${n}`], acceptanceRequired: true,
      principals: i % 2 === 0 ? [`arn:aws:iam::${CLICKPIPES_ACCOUNT}:root`] : [],
      connections: i % 5 === 0 ? [{ state: 'PendingAcceptance' }] : [] });
  }
}
