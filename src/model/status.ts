// Status → meaning → icon, for every status enum the extension shows. The tree, the poller and
// the plan executor all ask here, so "is this still moving?" has one answer.
import type { ResourceKind } from './resources';

export type { ResourceKind } from './resources';
export type StatusKind = 'active' | 'pending' | 'failed' | 'inactive' | 'unknown';

/**
 * `transitional` = AWS is working on it and it will change by itself (worth polling).
 * `awaiting` = pending, but on a person (accept a connection, add a TXT record): no spinner, no polling.
 */
type Entry = { kind: StatusKind; awaiting?: true };
const A: Entry = { kind: 'active' };
const P: Entry = { kind: 'pending' };
const F: Entry = { kind: 'failed' };
const I: Entry = { kind: 'inactive' };
const W: Entry = { kind: 'pending', awaiting: true };

const lattice: Record<string, Entry> = {
  ACTIVE: A,
  CREATE_IN_PROGRESS: P, UPDATE_IN_PROGRESS: P, DELETE_IN_PROGRESS: P,
  CREATE_FAILED: F, UPDATE_FAILED: F, DELETE_FAILED: F,
};

const rdsInstance: Record<string, Entry> = {
  available: A,
  stopped: I,
  failed: F, 'restore-error': F, 'storage-full': F, 'insufficient-capacity': F,
  'incompatible-network': F, 'incompatible-option-group': F, 'incompatible-parameters': F, 'incompatible-restore': F,
  'inaccessible-encryption-credentials': F, 'inaccessible-encryption-credentials-recoverable': F,
  'backing-up': P, 'configuring-enhanced-monitoring': P, 'configuring-iam-database-auth': P, 'configuring-log-exports': P,
  'converting-to-vpc': P, creating: P, 'delete-precheck': P, deleting: P, maintenance: P, modifying: P, 'moving-to-vpc': P,
  rebooting: P, 'resetting-master-credentials': P, renaming: P, starting: P, stopping: P, 'storage-config-upgrade': P,
  'storage-optimization': P, upgrading: P,
};

const rdsCluster: Record<string, Entry> = {
  available: A,
  stopped: I,
  failed: F, 'cloning-failed': F, 'migration-failed': F,
  'inaccessible-encryption-credentials': F, 'inaccessible-encryption-credentials-recoverable': F,
  'backing-up': P, backtracking: P, creating: P, deleting: P, 'failing-over': P, maintenance: P, migrating: P,
  modifying: P, 'preparing-data-migration': P, promoting: P, rebooting: P, renaming: P, 'resetting-master-credentials': P,
  starting: P, stopping: P, 'storage-optimization': P, 'update-iam-db-auth': P, upgrading: P,
};

const tables: Record<ResourceKind, Record<string, Entry>> = {
  resourceGateway: lattice,
  resourceConfiguration: lattice,
  resourceShare: { ACTIVE: A, PENDING: P, DELETING: P, FAILED: F, DELETED: I },
  resourceShareAssociation: {
    ASSOCIATED: A, ASSOCIATING: P, DISASSOCIATING: P, SUSPENDING: P, RESTORING: P,
    FAILED: F, DISASSOCIATED: I, SUSPENDED: I,
  },
  mskCluster: {
    ACTIVE: A, FAILED: F,
    CREATING: P, DELETING: P, HEALING: P, MAINTENANCE: P, REBOOTING_BROKER: P, UPDATING: P,
  },
  mskVpcConnection: {
    AVAILABLE: A, CREATING: P, DEACTIVATING: P, DELETING: P, REJECTING: P,
    FAILED: F, REJECTED: F, INACTIVE: I,
  },
  endpointService: { Available: A, Pending: P, Deleting: P, Failed: F, Deleted: I },
  endpointServiceRegion: { Available: A, Pending: P, Deleting: P, Failed: F, Deleted: I, Closed: I },
  endpointConnection: {
    Available: A, PendingAcceptance: W, Pending: P, Deleting: P, Partial: P,
    Rejected: F, Failed: F, Deleted: I, Expired: I,
  },
  privateDnsVerification: { verified: A, pendingVerification: W, failed: F },
  dbInstance: rdsInstance,
  dbCluster: rdsCluster,
  reversePrivateEndpoint: {
    Ready: A, Provisioning: P, Deleting: P, PendingAcceptance: W,
    Failed: F, Rejected: F, Expired: I, Unknown: { kind: 'unknown' },
  },
};

// Case-insensitive lookup: emulators and older SDKs are not always exact about case.
const lowered = new Map<ResourceKind, Map<string, Entry>>(
  (Object.keys(tables) as ResourceKind[]).map((k) => [
    k,
    new Map(Object.entries(tables[k]).map(([status, entry]) => [status.toLowerCase(), entry])),
  ]),
);

function entry(kind: ResourceKind, status: string | undefined): Entry | undefined {
  if (!status) return undefined;
  return lowered.get(kind)?.get(status.toLowerCase());
}

/** The statuses known for a kind, in enum order (for tests and documentation). */
export function knownStatuses(kind: ResourceKind): string[] {
  return Object.keys(tables[kind]);
}

export function statusKind(kind: ResourceKind, status: string | undefined): StatusKind {
  return entry(kind, status)?.kind ?? 'unknown';
}

/** True when AWS itself is moving the resource to another status: poll it. */
export function isTransitional(kind: ResourceKind, status: string | undefined): boolean {
  const e = entry(kind, status);
  return e !== undefined && e.kind === 'pending' && !e.awaiting;
}

/** True when the resource waits on a person (accept a connection, publish a TXT record). */
export function isAwaitingAction(kind: ResourceKind, status: string | undefined): boolean {
  return entry(kind, status)?.awaiting === true;
}

export type StatusIcon = {
  /** A codicon id; a `~spin` suffix while AWS is working on it. */
  icon: string;
  /** A ThemeColor id. */
  color?: string;
};

export function statusIcon(kind: ResourceKind, status: string | undefined): StatusIcon {
  const e = entry(kind, status);
  if (!e) return { icon: 'question' };
  if (e.awaiting) return { icon: 'bell-dot', color: 'charts.yellow' };
  switch (e.kind) {
    case 'active':
      return { icon: 'pass-filled', color: 'charts.green' };
    case 'pending':
      return { icon: 'sync~spin', color: 'charts.yellow' };
    case 'failed':
      return { icon: 'error', color: 'charts.red' };
    case 'inactive':
      return { icon: 'circle-slash', color: 'disabledForeground' };
    default:
      return { icon: 'question' };
  }
}
