// The emulator's shared contract: what every service handler receives and the world it reads
// and writes. Services may read each other's collections (a resource configuration checks the
// RDS cluster it targets; RAM checks the ARNs it shares), so the records live in one place.
// Records are kept in the AWS response shape of the owning service (camelCase for Lattice/RAM,
// PascalCase for EC2/IAM/RDS/ELBv2/Kafka models) so handlers serialize them without remapping.

export type ServiceName = 'vpc-lattice' | 'ram' | 'kafka' | 'ec2' | 'iam' | 'sts' | 'rds' | 'elasticloadbalancing' | 'secretsmanager' | 'clickhouse';

export interface Clock {
  /** Milliseconds since epoch on the emulator's clock (real time + advanced offset). */
  now(): number;
  advance(ms: number): void;
}

export interface EmuRequest {
  service: ServiceName;
  region: string;
  accountId: string;
  accessKeyId: string;
  method: string;
  /** Path without query string, percent-decoded per segment by the handler when needed. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  /** For query protocols: the parsed form body (Action, Version and parameters). */
  form?: URLSearchParams;
  /** Operation name, filled in by the handler once known, for the request log and faults. */
  operation?: string;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Thrown by handlers; the protocol layer renders it in the service's error shape. */
export class ApiError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    /** Extra fields some SDK errors carry (e.g. Lattice ValidationException `fieldList`). */
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Records per region. Keys are ids (or ARNs where the API identifies by ARN). */
export interface RegionState {
  vpcs: Map<string, Record<string, any>>;             // EC2 Vpc shape
  subnets: Map<string, Record<string, any>>;          // EC2 Subnet shape
  securityGroups: Map<string, Record<string, any>>;   // EC2 SecurityGroup shape
  networkInterfaces: Map<string, Record<string, any>>; // EC2 NetworkInterface shape, keyed by NetworkInterfaceId
  loadBalancers: Map<string, Record<string, any>>;    // ELBv2 LoadBalancer shape, keyed by ARN
  endpointServices: Map<string, Record<string, any>>; // EC2 ServiceConfiguration shape, keyed by ServiceId
  servicePermissions: Map<string, string[]>;          // ServiceId → allowed principal ARNs
  endpointConnections: Map<string, Record<string, any>>; // VpcEndpointId → EC2 VpcEndpointConnection shape
  resourceGateways: Map<string, Record<string, any>>; // Lattice GetResourceGateway shape (camelCase)
  resourceConfigurations: Map<string, Record<string, any>>; // Lattice GetResourceConfiguration shape
  resourceEndpointAssociations: Map<string, Record<string, any>>;
  resourceShares: Map<string, Record<string, any>>;   // RAM ResourceShare shape, keyed by ARN
  shareAssociations: Record<string, any>[];           // RAM ResourceShareAssociation shape
  mskClusters: Map<string, Record<string, any>>;      // Kafka Cluster (V2) shape, keyed by ARN
  mskPolicies: Map<string, { policy: string; currentVersion: string }>;
  mskVpcConnections: Map<string, Record<string, any>[]>;
  /** Cluster operations by ARN (ClusterOperationV2 shape), as DescribeClusterOperationV2 returns them. */
  mskOperations: Map<string, Record<string, any>>;
  dbInstances: Map<string, Record<string, any>>;      // RDS DBInstance shape, keyed by identifier
  dbClusters: Map<string, Record<string, any>>;       // RDS DBCluster shape, keyed by identifier
  dbClusterEndpoints: Map<string, Record<string, any>>; // RDS DBClusterEndpoint shape (custom endpoints), keyed by identifier
  listeners: Map<string, Record<string, any>>;        // ELBv2 Listener shape, keyed by ARN
  targetGroups: Map<string, Record<string, any>>;     // ELBv2 TargetGroup shape, keyed by ARN
  targetHealth: Map<string, Record<string, any>[]>;   // TargetGroupArn → ELBv2 TargetHealthDescription shape
  /** RDS DB parameter groups (name → group shape + its non-default parameter values). */
  dbParameterGroups: Map<string, { group: Record<string, any>; values: Map<string, string> }>;
  dbClusterParameterGroups: Map<string, { group: Record<string, any>; values: Map<string, string> }>;
  /** MSK configurations: ARN → revisions (Revision, Description, CreationTime, ServerProperties text). */
  mskConfigurations: Map<string, Record<string, any>[]>;
  mskScramSecrets: Map<string, string[]>;             // ClusterArn → associated secret ARNs
  secrets: Map<string, Record<string, any>>;          // Secrets Manager SecretListEntry shape (no value), keyed by ARN
}

export interface AccountState {
  id: string;
  regions: Map<string, RegionState>;
  iam: {
    roles: Map<string, Record<string, any>>;          // IAM Role shape (AssumeRolePolicyDocument kept raw JSON)
    rolePolicies: Map<string, Map<string, string>>;   // RoleName → PolicyName → raw JSON
    managedPolicies: Map<string, Record<string, any>>; // Arn → Policy shape + { Document }
    attachedPolicies: Map<string, string[]>;          // RoleName → policy ARNs
  };
}

/**
 * A pending state change on the emulator clock: at `at` ms, `apply` runs (e.g. gateway
 * CREATE_IN_PROGRESS → ACTIVE). Transitions are applied lazily before each request and on
 * clock advance, so no timers run in the background.
 */
export interface Transition { at: number; apply: () => void; label: string }

/**
 * Test-only timing of one transition: the resource was transitional from `scheduledAt` to
 * `dueAt`; `appliedAt` is when a request (or a clock advance) first saw the change, null until then.
 */
export interface TransitionLogEntry { label: string; scheduledAt: number; dueAt: number; appliedAt: number | null }

export interface Fault {
  service?: ServiceName;
  operation?: string;
  /** 0..1: probability of a ThrottlingException (or the service's throttling code). */
  throttleRate?: number;
  latencyMs?: number;
  accessDenied?: boolean;
  serverError?: boolean;
  /** Destroy the socket without a response. */
  dropConnection?: boolean;
  /** Apply only to the next N matching requests, then remove the fault. */
  times?: number;
}

export interface RequestLogEntry {
  at: number;
  service: ServiceName;
  operation: string;
  region: string;
  accountId: string;
  status: number;
  errorCode?: string;
}

/** Who a temporary access key from STS AssumeRole signs as (never its secret parts). */
export type AssumedSession = { arn: string; assumedRoleId: string };

export interface World {
  clock: Clock;
  accounts: Map<string, AccountState>;
  /** Access key id → account id (secret keys are accepted but never checked or logged). */
  accessKeys: Map<string, string>;
  /** STS AssumeRole sessions by their temporary access key id (the account is in accessKeys). */
  sessions: Map<string, AssumedSession>;
  transitions: Transition[];
  /** Every transition scheduled since the last reset, with its timing (for the apply bench). */
  transitionLog: TransitionLogEntry[];
  faults: Fault[];
  log: RequestLogEntry[];
  /** Client-token idempotency: `${service}:${op}:${account}:${region}:${token}` → stored response body. */
  idempotency: Map<string, EmuResponse>;
  account(id: string): AccountState;
  region(accountId: string, region: string): RegionState;
  schedule(delayMs: number, label: string, apply: () => void): void;
  /** Seeded, deterministic id generator: `id('rgw-', 17)` → `rgw-` + 17 [0-9a-z]. */
  id(prefix: string, length: number, alphabet?: string): string;
  uuid(): string;
  /** Settle-time settings in ms (how long CREATE_IN_PROGRESS etc. lasts). */
  timings: { create: number; update: number; delete: number; shareActivate: number };
  /** ClickHouse Cloud API state (organizations → services → reverse private endpoints). */
  clickhouse: {
    apiKeys: Map<string, { secret: string; organizationIds: string[] }>;
    organizations: Map<string, Record<string, any>>;
    services: Map<string, Record<string, any>>;      // serviceId → service (with organizationId, region, provider)
    reversePrivateEndpoints: Map<string, Record<string, any>>; // id → RPE (with serviceId)
  };
}

export type ServiceHandler = (req: EmuRequest, world: World) => EmuResponse | Promise<EmuResponse>;
