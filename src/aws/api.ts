// The AWS layer's interface, as types only (plus one SDK-free type guard, isAwsCallError): views, commands and plans depend on this file,
// never on the SDK. The implementation (src/aws/index.ts) is its own bundle, dist/aws.js,
// loaded the first time something needs AWS, so activation loads no SDK module.
import type {
  CallerIdentity, Database, EndpointService, LoadBalancer, MskCluster, Profile, ResourceConfiguration,
  ResourceGateway, ResourceShare, Role, SecurityGroup, Subnet, Vpc,
} from '../model/resources';
import type { StepService } from '../model/plan';
import type { MskAuthentication } from '../model/clickpipes';
import type { DatabaseFacts } from '../model/doctor/database';
import type { EndpointServiceFacts } from '../model/doctor/endpointService';
import type { MskFacts } from '../model/doctor/mskMultiVpc';
import type { VpcResourceFacts } from '../model/doctor/vpcResource';
import type { SecretSummary } from '../model/mskSecrets';

/** (added) The connectivity doctor's reads: read-only, a failed read is an unknown fact (never thrown). */
export interface DoctorReads {
  vpcResource(scope: Scope, configurationId: string): Promise<VpcResourceFacts>;
  endpointService(scope: Scope, service: { id?: string; name?: string }, options?: { clickPipesRegion?: string; port?: number }): Promise<EndpointServiceFacts>;
  mskMultiVpc(scope: Scope, clusterArn: string, auth: MskAuthentication): Promise<MskFacts>;
  database(scope: Scope, kind: 'instance' | 'cluster', id: string, options?: { iamAuthForReplication?: boolean }): Promise<DatabaseFacts>;
  /** The database a DNS name is the RDS endpoint of, for CDC; `undefined` when it is none (no report). */
  databaseAtEndpoint(scope: Scope, domainName: string, options?: { iamAuthForReplication?: boolean }): Promise<DatabaseFacts | undefined>;
}

export type Scope = { profile: string; region: string };

export type AwsLayerOptions = {
  /** Asked when a profile has mfa_serial; resolves to the code or rejects when cancelled. */
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  /** Log sink (already redacted by the caller's logger; never receives credentials). */
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
  /** Maximum attempts for throttled/5xx calls (standard retry with backoff). */
  maxAttempts?: number;
};

/** An AWS failure in plain words, with the SDK error name kept for decisions. */
export type AwsFailure = {
  name: string; message: string; service: StepService; operation: string; httpStatus?: number;
  /** A terminal command that fixes it, e.g. `aws sso login --profile x` for SsoLoginRequired. */
  command?: string;
};

/**
 * What every AwsLayer method throws. The class lives in the lazily loaded bundle, so
 * callers test the shape, e.g. `isAwsCallError(e) && e.failure.name === 'SsoLoginRequired'`.
 * Credential failures use the names SsoLoginRequired, MfaCancelled, ProfileNotFound and
 * CredentialsUnavailable; unknown (service, operation) pairs in call() use UnsupportedOperation.
 */
export type AwsCallErrorLike = Error & { name: 'AwsCallError'; failure: AwsFailure };
export function isAwsCallError(e: unknown): e is AwsCallErrorLike {
  return e instanceof Error && e.name === 'AwsCallError' && typeof (e as { failure?: unknown }).failure === 'object';
}

/** Profiles from the AWS config files: no SDK client, no network (dist/profiles.js). */
export interface ProfileReader {
  listProfiles(): Promise<Profile[]>;
  /** Files that define profiles (config + credentials), for watching. */
  profileFiles(): { config: string; credentials: string };
}

export interface AwsLayer extends ProfileReader {
  callerIdentity(profile: string): Promise<CallerIdentity>;

  listResourceGateways(scope: Scope): Promise<ResourceGateway[]>;
  getResourceGateway(scope: Scope, id: string): Promise<ResourceGateway>;
  /**
   * Summaries: ListResourceConfigurations has no ports/protocol/definition, so those are empty
   * unless `details` asks for one GetResourceConfiguration per item.
   */
  listResourceConfigurations(scope: Scope, options?: { details?: boolean }): Promise<ResourceConfiguration[]>;
  getResourceConfiguration(scope: Scope, id: string): Promise<ResourceConfiguration>;
  /** One GetResourceConfiguration per id (bounded concurrency): the definitions a list lacks. */
  getResourceConfigurations(scope: Scope, ids: string[]): Promise<ResourceConfiguration[]>;
  listResourceShares(scope: Scope): Promise<ResourceShare[]>;
  /** `policies`: also one GetClusterPolicy per cluster, filling `policy`. */
  listMskClusters(scope: Scope, options?: { policies?: boolean }): Promise<MskCluster[]>;
  /** The cluster policy, or null when the cluster has none. */
  getMskClusterPolicy(scope: Scope, arn: string): Promise<{ currentVersion: string; document: string } | null>;
  /** One GetClusterPolicy per ARN (bounded concurrency); a failed read is its error message. */
  getMskClusterPolicies(scope: Scope, arns: string[]): Promise<Record<string, MskCluster['policy'] | { error: string }>>;
  describeMskCluster(scope: Scope, arn: string): Promise<MskCluster>;
  /** The account's secrets named AmazonMSK_… (names, ARNs, KMS key ids; never a value). */
  listMskSecrets(scope: Scope): Promise<SecretSummary[]>;
  getBootstrapBrokers(scope: Scope, arn: string): Promise<Record<string, string>>;
  listEndpointServices(scope: Scope): Promise<EndpointService[]>;
  listDatabases(scope: Scope): Promise<Database[]>;
  listVpcs(scope: Scope): Promise<Vpc[]>;
  listSubnets(scope: Scope, vpcId: string): Promise<Subnet[]>;
  /** The subnets of these VPCs: one DescribeSubnets (vpc-id filter) per 200 VPCs. */
  listSubnetsOfVpcs(scope: Scope, vpcIds: string[]): Promise<Subnet[]>;
  listSecurityGroups(scope: Scope, vpcId: string): Promise<SecurityGroup[]>;
  listLoadBalancers(scope: Scope): Promise<LoadBalancer[]>;
  getRole(profile: string, name: string): Promise<Role | undefined>;

  doctor: DoctorReads;

  /** Generic call used by the plan executor: service + SDK command name + input. */
  call(scope: Scope, service: StepService, operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;

  /** Drop cached clients and credentials (profile files changed, profile switched). */
  reset(): void;
  dispose(): void;
}

export type CreateAwsLayer = (options: AwsLayerOptions) => AwsLayer;
