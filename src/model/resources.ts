// Plain resource models: what src/aws returns and what views, readiness checks and plan builders read.
// No `vscode`, no SDK types: a change to how AWS is called never reaches this file.

/**
 * The explorer's entry for the SDK's default provider chain (environment variables, SSO cache,
 * web identity, container and instance roles) rather than a named profile: devcontainers,
 * Codespaces and EC2 hosts often have no AWS config file. Parentheses keep it apart from real names.
 */
export const DEFAULT_CREDENTIALS = '(default credentials)';

export type Profile = {
  name: string;
  /** The profile's own region from the config file, if any. */
  region?: string;
  /** How its credentials are obtained, for tooltips and for the SSO/MFA messages. */
  kind: 'static' | 'assumeRole' | 'process' | 'sso' | 'other' | 'defaultChain';
  ssoSession?: string;
  mfaSerial?: string;
};

export type CallerIdentity = { account: string; arn: string; userId: string };

export type Vpc = { id: string; cidrBlocks: string[]; isDefault: boolean; state: string; name?: string };

export type Subnet = {
  id: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId?: string;
  availableIpAddressCount: number;
  state: string;
  name?: string;
};

export type SecurityGroup = { id: string; name: string; vpcId: string; description?: string };

export type LoadBalancer = {
  arn: string;
  name: string;
  type: 'network' | 'application' | 'gateway';
  scheme: string;
  state: string;
  vpcId?: string;
  dnsName?: string;
};

export type ResourceGateway = {
  id: string;
  arn: string;
  name: string;
  status: string;
  vpcId?: string;
  subnetIds: string[];
  securityGroupIds: string[];
  ipAddressType?: string;
};

export type ResourceConfigurationDefinition =
  | { kind: 'arn'; arn: string }
  | { kind: 'ip'; ipAddress: string }
  | { kind: 'dns'; domainName: string; ipAddressType?: string }
  | { kind: 'cidr'; cidrRanges: string[] };

export type ResourceConfiguration = {
  id: string;
  arn: string;
  name: string;
  type: 'SINGLE' | 'GROUP' | 'CHILD' | 'ARN' | 'CIDR' | string;
  status: string;
  resourceGatewayId?: string;
  groupId?: string;
  portRanges: string[];
  protocol?: string;
  definition?: ResourceConfigurationDefinition;
  failureReason?: string;
};

export type ResourceShare = {
  arn: string;
  name: string;
  status: string;
  owningAccountId?: string;
  allowExternalPrincipals: boolean;
  /** Associated principals (account ids, ARNs) with their association status. */
  principals: { id: string; status: string }[];
  /** Associated resource ARNs with their association status. */
  resources: { arn: string; status: string }[];
};

export type MskAuth = { iam: boolean; scram: boolean; tls: boolean; unauthenticated?: boolean };

export type MskCluster = {
  arn: string;
  name: string;
  clusterType: 'PROVISIONED' | 'SERVERLESS' | string;
  state: string;
  currentVersion: string;
  kafkaVersion?: string;
  instanceType?: string;
  /** Client authentication enabled on the cluster. */
  auth: MskAuth;
  /** Authentication types enabled for multi-VPC private connectivity. */
  multiVpc: MskAuth;
  brokerCount?: number;
  /** Undefined when not read yet; null when the cluster has no policy. */
  policy?: { currentVersion: string; document: string } | null;
};

export type EndpointConnection = {
  vpcEndpointId: string;
  owner: string;
  state: string;
  region?: string;
  createdAt?: string;
};

export type EndpointService = {
  id: string;
  name: string;
  state: string;
  acceptanceRequired: boolean;
  networkLoadBalancerArns: string[];
  privateDnsName?: string;
  privateDnsVerification?: { state: string; type?: string; name?: string; value?: string };
  supportedRegions: { region: string; state?: string }[];
  allowedPrincipals: string[];
  connections: EndpointConnection[];
  baseEndpointDnsNames: string[];
};

export type DatabaseEngine = 'postgres' | 'aurora-postgresql' | 'mysql' | 'aurora-mysql' | 'mariadb' | string;

export type Database = {
  kind: 'instance' | 'cluster';
  /** DBInstanceIdentifier or DBClusterIdentifier. */
  id: string;
  arn: string;
  /** DbiResourceId (`db-…`) or DbClusterResourceId (`cluster-…`): what rds-db:connect ARNs name. */
  resourceId: string;
  engine: DatabaseEngine;
  engineVersion: string;
  status: string;
  endpoint?: string;
  port?: number;
  publiclyAccessible: boolean;
  iamAuth: boolean;
  /** Set on an instance that belongs to an Aurora cluster. */
  clusterId?: string;
  /** Parameter group names, for the engine notes. */
  parameterGroups?: string[];
};

export type Role = { name: string; arn: string; trustPolicy?: string; tags: Record<string, string> };

/**
 * Every kind of thing that has a status the tree shows (added for src/model/status.ts).
 * Association/connection kinds are the child rows under a share, a cluster or a service.
 */
export type ResourceKind =
  | 'resourceGateway'
  | 'resourceConfiguration'
  | 'resourceShare'
  | 'resourceShareAssociation'
  | 'mskCluster'
  | 'mskVpcConnection'
  | 'endpointService'
  | 'endpointServiceRegion'
  | 'endpointConnection'
  | 'privateDnsVerification'
  | 'dbInstance'
  | 'dbCluster'
  | 'reversePrivateEndpoint';
