// Shared bits for the emulator's own tests: SDK client settings and control-API calls.
import { DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY } from './scenarios/accounts';

export function sdkConfig(url: string, region = 'us-east-1', accessKeyId = DEMO_ACCESS_KEY_ID, secretAccessKey = DEMO_SECRET_ACCESS_KEY) {
  return {
    endpoint: url,
    region,
    credentials: { accessKeyId, secretAccessKey },
    // Keep retries short: the emulator answers instantly, backoff would only slow tests down.
    maxAttempts: 3,
    retryStrategy: undefined,
  };
}

export async function control(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}/_emulator/${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Ids of the minimal network `seedNetwork` puts into a region. */
export const NET = {
  vpc: 'vpc-0a1b2c3d4e5f67890',
  otherVpc: 'vpc-0fedcba9876543210',
  subnetA: 'subnet-0aaaaaaaaaaaaaaa1',
  subnetB: 'subnet-0bbbbbbbbbbbbbbb2',
  subnetA2: 'subnet-0aaaaaaaaaaaaaa22',
  otherSubnet: 'subnet-0ccccccccccccccc3',
  sgDefault: 'sg-0d0d0d0d0d0d0d0d0',
  sgApp: 'sg-0e0e0e0e0e0e0e0e0',
  privateCluster: 'orders-aurora',
  publicCluster: 'public-aurora',
  privateInstance: 'billing-pg',
};

/** A small, private network plus RDS targets, written straight into the world (EC2/RDS are not under test here). */
export function seedNetwork(world: import('./core/types').World, account: string, region: string): void {
  const r = world.region(account, region);
  r.vpcs.set(NET.vpc, { VpcId: NET.vpc, CidrBlock: '10.0.0.0/16', CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }], State: 'available', OwnerId: account });
  r.vpcs.set(NET.otherVpc, { VpcId: NET.otherVpc, CidrBlock: '172.16.0.0/16', State: 'available', OwnerId: account });
  const subnet = (SubnetId: string, VpcId: string, CidrBlock: string, AvailabilityZone: string) =>
    r.subnets.set(SubnetId, { SubnetId, VpcId, CidrBlock, AvailabilityZone, AvailableIpAddressCount: 250, State: 'available' });
  subnet(NET.subnetA, NET.vpc, '10.0.1.0/24', `${region}a`);
  subnet(NET.subnetB, NET.vpc, '10.0.2.0/24', `${region}b`);
  subnet(NET.subnetA2, NET.vpc, '10.0.3.0/24', `${region}a`);
  subnet(NET.otherSubnet, NET.otherVpc, '172.16.1.0/24', `${region}a`);
  r.securityGroups.set(NET.sgDefault, { GroupId: NET.sgDefault, GroupName: 'default', VpcId: NET.vpc, OwnerId: account });
  r.securityGroups.set(NET.sgApp, { GroupId: NET.sgApp, GroupName: 'app', VpcId: NET.vpc, OwnerId: account });
  const cluster = (id: string, publicly: boolean) => r.dbClusters.set(id, {
    DBClusterIdentifier: id, DBClusterArn: `arn:aws:rds:${region}:${account}:cluster:${id}`, Engine: 'aurora-postgresql',
    Port: 5432, PubliclyAccessible: publicly, Status: 'available',
  });
  cluster(NET.privateCluster, false);
  cluster(NET.publicCluster, true);
  r.dbInstances.set(NET.privateInstance, {
    DBInstanceIdentifier: NET.privateInstance, DBInstanceArn: `arn:aws:rds:${region}:${account}:db:${NET.privateInstance}`,
    Engine: 'mysql', Endpoint: { Address: `${NET.privateInstance}.abc.${region}.rds.amazonaws.com`, Port: 3306 }, PubliclyAccessible: false,
  });
}
