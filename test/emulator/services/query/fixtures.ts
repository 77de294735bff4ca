// Records for the query-service tests, built in the SDK response shapes the scenarios also use.
import { World } from '../../core/types';

type Rec = Record<string, any>;

export function vpc(id: string, cidr: string, extra: Rec = {}): Rec {
  return {
    VpcId: id, CidrBlock: cidr, State: 'available', IsDefault: false, OwnerId: '123456789012', InstanceTenancy: 'default',
    DhcpOptionsId: 'dopt-0123456789abcdef0',
    CidrBlockAssociationSet: [{ AssociationId: `${id}-cidr-assoc`, CidrBlock: cidr, CidrBlockState: { State: 'associated' } }],
    ...extra,
  };
}

export function subnet(id: string, vpcId: string, cidr: string, az: string, extra: Rec = {}): Rec {
  const prefix = Number(cidr.split('/')[1]);
  return {
    SubnetId: id, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az, AvailabilityZoneId: `use1-az${az.endsWith('a') ? 1 : 2}`,
    State: 'available', AvailableIpAddressCount: 2 ** (32 - prefix) - 5, DefaultForAz: false, MapPublicIpOnLaunch: false,
    OwnerId: '123456789012', SubnetArn: `arn:aws:ec2:us-east-1:123456789012:subnet/${id}`, Ipv6Native: false, ...extra,
  };
}

export function securityGroup(id: string, vpcId: string, name: string, extra: Rec = {}): Rec {
  return {
    GroupId: id, GroupName: name, Description: `${name} security group`, VpcId: vpcId, OwnerId: '123456789012',
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'postgres' }] }],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    ...extra,
  };
}

export function loadBalancer(region: string, name: string, type: 'network' | 'application' | 'gateway', extra: Rec = {}): Rec {
  const kind = type === 'network' ? 'net' : type === 'application' ? 'app' : 'gwy';
  const suffix = Buffer.from(name).toString('hex').padEnd(16, '0').slice(0, 16);
  return {
    LoadBalancerArn: `arn:aws:elasticloadbalancing:${region}:123456789012:loadbalancer/${kind}/${name}/${suffix}`,
    DNSName: `${name}-${suffix}.elb.${region}.amazonaws.com`, CanonicalHostedZoneId: 'Z26RNL4JYFTOTI',
    CreatedTime: new Date('2024-05-01T10:00:00Z'), LoadBalancerName: name, Scheme: 'internal', VpcId: 'vpc-0a1b2c3d4e5f60001',
    State: { Code: 'active' }, Type: type, IpAddressType: 'ipv4',
    AvailabilityZones: [
      { ZoneName: `${region}a`, SubnetId: 'subnet-0a1b2c3d4e5f60001' },
      { ZoneName: `${region}b`, SubnetId: 'subnet-0a1b2c3d4e5f60002' },
    ],
    ...extra,
  };
}

export function connection(serviceId: string, endpointId: string, state: string, extra: Rec = {}): Rec {
  return {
    ServiceId: serviceId, VpcEndpointId: endpointId, VpcEndpointOwner: '072088201116', VpcEndpointState: state,
    CreationTimestamp: new Date('2024-06-01T12:00:00Z'), IpAddressType: 'ipv4', VpcEndpointRegion: 'us-east-1',
    VpcEndpointConnectionId: `vpce-con-${endpointId.slice(5)}`,
    DnsEntries: [{ DnsName: `${endpointId}.vpce-svc.us-east-1.vpce.amazonaws.com`, HostedZoneId: 'Z7HUB22UULQXV' }],
    ...extra,
  };
}

/** A small network in one account and region: 7 VPCs, subnets, groups and three load balancers. */
export function seedNetwork(world: World, accountId: string, region: string): Rec {
  const r = world.region(accountId, region);
  for (let i = 1; i <= 7; i++) {
    const id = `vpc-0a1b2c3d4e5f6000${i}`;
    r.vpcs.set(id, vpc(id, `10.${i}.0.0/16`, { Tags: [{ Key: 'Name', Value: i === 1 ? 'prod-main' : `dev-${i}` }] }));
  }
  r.subnets.set('subnet-0a1b2c3d4e5f60001', subnet('subnet-0a1b2c3d4e5f60001', 'vpc-0a1b2c3d4e5f60001', '10.1.0.0/24', `${region}a`));
  r.subnets.set('subnet-0a1b2c3d4e5f60002', subnet('subnet-0a1b2c3d4e5f60002', 'vpc-0a1b2c3d4e5f60001', '10.1.1.0/28', `${region}b`));
  r.subnets.set('subnet-0a1b2c3d4e5f60003', subnet('subnet-0a1b2c3d4e5f60003', 'vpc-0a1b2c3d4e5f60002', '10.2.0.0/26', `${region}a`));
  r.securityGroups.set('sg-0a1b2c3d4e5f60001', securityGroup('sg-0a1b2c3d4e5f60001', 'vpc-0a1b2c3d4e5f60001', 'db'));
  r.securityGroups.set('sg-0a1b2c3d4e5f60002', securityGroup('sg-0a1b2c3d4e5f60002', 'vpc-0a1b2c3d4e5f60002', 'default'));
  const nlb = loadBalancer(region, 'db-nlb', 'network');
  const nlb2 = loadBalancer(region, 'kafka-nlb', 'network');
  const alb = loadBalancer(region, 'web-alb', 'application');
  for (const lb of [nlb, nlb2, alb]) r.loadBalancers.set(lb.LoadBalancerArn, lb);
  return { nlb: nlb.LoadBalancerArn, nlb2: nlb2.LoadBalancerArn, alb: alb.LoadBalancerArn };
}

export function dbInstance(id: string, engine: string, extra: Rec = {}): Rec {
  const resource = 'db-' + Buffer.from(id).toString('hex').toUpperCase().padEnd(26, 'A').slice(0, 26);
  return {
    DBInstanceIdentifier: id, DBInstanceArn: `arn:aws:rds:us-east-1:123456789012:db:${id}`, DbiResourceId: resource,
    DBInstanceClass: 'db.t3.medium', Engine: engine, EngineVersion: engine.includes('postgres') ? '16.3' : '8.0.36',
    DBInstanceStatus: 'available', MasterUsername: 'admin', Endpoint: { Address: `${id}.abc123xyz.us-east-1.rds.amazonaws.com`, Port: engine.includes('postgres') ? 5432 : 3306, HostedZoneId: 'Z2R2ITUGPM61AM' },
    InstanceCreateTime: new Date('2024-03-01T08:00:00Z'), AvailabilityZone: 'us-east-1a', PubliclyAccessible: false,
    IAMDatabaseAuthenticationEnabled: false, StorageEncrypted: true, NetworkType: 'IPV4',
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', Status: 'active' }],
    DBSubnetGroup: { DBSubnetGroupName: 'db-subnets', VpcId: 'vpc-0a1b2c3d4e5f60001', SubnetGroupStatus: 'Complete',
      Subnets: [{ SubnetIdentifier: 'subnet-0a1b2c3d4e5f60001', SubnetAvailabilityZone: { Name: 'us-east-1a' }, SubnetStatus: 'Active' }] },
    DBParameterGroups: [{ DBParameterGroupName: `default.${engine}`, ParameterApplyStatus: 'in-sync' }],
    ...extra,
  };
}

export function dbCluster(id: string, engine: string, members: string[], extra: Rec = {}): Rec {
  return {
    DBClusterIdentifier: id, DBClusterArn: `arn:aws:rds:us-east-1:123456789012:cluster:${id}`,
    DbClusterResourceId: 'cluster-' + Buffer.from(id).toString('hex').toUpperCase().padEnd(26, 'B').slice(0, 26),
    Engine: engine, EngineVersion: '16.4', Status: 'available', Port: 5432, MultiAZ: true,
    Endpoint: `${id}.cluster-abc123xyz.us-east-1.rds.amazonaws.com`, ReaderEndpoint: `${id}.cluster-ro-abc123xyz.us-east-1.rds.amazonaws.com`,
    PubliclyAccessible: false, IAMDatabaseAuthenticationEnabled: false, ClusterCreateTime: new Date('2024-02-01T08:00:00Z'),
    DBClusterMembers: members.map((m, i) => ({ DBInstanceIdentifier: m, IsClusterWriter: i === 0, PromotionTier: 1, DBClusterParameterGroupStatus: 'in-sync' })),
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', Status: 'active' }], DBClusterParameterGroup: `default.${engine}16`,
    AvailabilityZones: ['us-east-1a', 'us-east-1b'],
    ...extra,
  };
}
