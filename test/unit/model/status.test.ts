import * as assert from 'node:assert/strict';
import { isAwaitingAction, isTransitional, knownStatuses, statusIcon, statusKind } from '../../../src/model/status';
import type { ResourceKind } from '../../../src/model/resources';

// kind → status → expected statusKind; every enum value from the reference.
const table: Record<ResourceKind, Record<string, string>> = {
  resourceGateway: {
    ACTIVE: 'active', CREATE_IN_PROGRESS: 'pending', UPDATE_IN_PROGRESS: 'pending', DELETE_IN_PROGRESS: 'pending',
    CREATE_FAILED: 'failed', UPDATE_FAILED: 'failed', DELETE_FAILED: 'failed',
  },
  resourceConfiguration: {
    ACTIVE: 'active', CREATE_IN_PROGRESS: 'pending', UPDATE_IN_PROGRESS: 'pending', DELETE_IN_PROGRESS: 'pending',
    CREATE_FAILED: 'failed', UPDATE_FAILED: 'failed', DELETE_FAILED: 'failed',
  },
  resourceShare: { PENDING: 'pending', ACTIVE: 'active', FAILED: 'failed', DELETING: 'pending', DELETED: 'inactive' },
  resourceShareAssociation: {
    ASSOCIATING: 'pending', ASSOCIATED: 'active', FAILED: 'failed', DISASSOCIATING: 'pending', DISASSOCIATED: 'inactive',
    SUSPENDED: 'inactive', SUSPENDING: 'pending', RESTORING: 'pending',
  },
  mskCluster: {
    ACTIVE: 'active', CREATING: 'pending', DELETING: 'pending', FAILED: 'failed', HEALING: 'pending',
    MAINTENANCE: 'pending', REBOOTING_BROKER: 'pending', UPDATING: 'pending',
  },
  mskVpcConnection: {
    CREATING: 'pending', AVAILABLE: 'active', INACTIVE: 'inactive', DEACTIVATING: 'pending', DELETING: 'pending',
    FAILED: 'failed', REJECTED: 'failed', REJECTING: 'pending',
  },
  endpointService: { Pending: 'pending', Available: 'active', Deleting: 'pending', Deleted: 'inactive', Failed: 'failed' },
  endpointServiceRegion: {
    Pending: 'pending', Available: 'active', Deleting: 'pending', Deleted: 'inactive', Failed: 'failed', Closed: 'inactive',
  },
  endpointConnection: {
    PendingAcceptance: 'pending', Pending: 'pending', Available: 'active', Deleting: 'pending', Deleted: 'inactive',
    Rejected: 'failed', Failed: 'failed', Expired: 'inactive', Partial: 'pending',
  },
  privateDnsVerification: { pendingVerification: 'pending', verified: 'active', failed: 'failed' },
  dbInstance: {
    available: 'active', 'backing-up': 'pending', 'configuring-iam-database-auth': 'pending', creating: 'pending',
    deleting: 'pending', failed: 'failed', 'incompatible-parameters': 'failed', modifying: 'pending', rebooting: 'pending',
    stopped: 'inactive', 'storage-full': 'failed', upgrading: 'pending',
  },
  dbCluster: {
    available: 'active', 'backing-up': 'pending', creating: 'pending', deleting: 'pending', 'failing-over': 'pending',
    failed: 'failed', 'migration-failed': 'failed', modifying: 'pending', stopped: 'inactive', 'update-iam-db-auth': 'pending',
  },
  reversePrivateEndpoint: {
    Unknown: 'unknown', Provisioning: 'pending', Deleting: 'pending', Ready: 'active', Failed: 'failed',
    PendingAcceptance: 'pending', Rejected: 'failed', Expired: 'inactive',
  },
};

const awaiting = new Set(['endpointConnection/PendingAcceptance', 'reversePrivateEndpoint/PendingAcceptance', 'privateDnsVerification/pendingVerification']);

describe('status', () => {
  for (const kind of Object.keys(table) as ResourceKind[]) {
    describe(kind, () => {
      for (const [status, expected] of Object.entries(table[kind])) {
        it(`${status} → ${expected}`, () => {
          assert.equal(statusKind(kind, status), expected);
          const waits = awaiting.has(`${kind}/${status}`);
          assert.equal(isAwaitingAction(kind, status), waits);
          assert.equal(isTransitional(kind, status), expected === 'pending' && !waits);
          const icon = statusIcon(kind, status);
          if (expected === 'active') assert.deepEqual(icon, { icon: 'pass-filled', color: 'charts.green' });
          if (expected === 'failed') assert.deepEqual(icon, { icon: 'error', color: 'charts.red' });
          if (expected === 'inactive') assert.deepEqual(icon, { icon: 'circle-slash', color: 'disabledForeground' });
          if (expected === 'unknown') assert.deepEqual(icon, { icon: 'question' });
          if (expected === 'pending') {
            assert.deepEqual(icon, waits ? { icon: 'bell-dot', color: 'charts.yellow' } : { icon: 'sync~spin', color: 'charts.yellow' });
          }
        });
      }
    });
  }

  it('covers every enum value listed in the table for enum kinds', () => {
    for (const kind of ['resourceGateway', 'resourceShare', 'resourceShareAssociation', 'mskCluster', 'mskVpcConnection',
      'endpointService', 'endpointConnection', 'reversePrivateEndpoint'] as ResourceKind[]) {
      assert.deepEqual(new Set(knownStatuses(kind)), new Set(Object.keys(table[kind])), kind);
    }
  });

  it('is case-insensitive and unknown-safe', () => {
    assert.equal(statusKind('resourceGateway', 'active'), 'active');
    assert.equal(statusKind('endpointService', 'AVAILABLE'), 'active');
    assert.equal(statusKind('resourceGateway', 'SOMETHING_NEW'), 'unknown');
    assert.equal(statusKind('mskCluster', undefined), 'unknown');
    assert.equal(isTransitional('mskCluster', 'SOMETHING_NEW'), false);
    assert.deepEqual(statusIcon('dbInstance', 'nope'), { icon: 'question' });
  });
});
