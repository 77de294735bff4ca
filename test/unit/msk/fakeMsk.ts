// A tiny MSK with CurrentVersion semantics (cluster and policy), for the executor's stale-version
// retry: `changeBefore(op, n)` makes someone else change the cluster/policy right before the next
// n calls of `op`, as another writer between review and apply would.
import type { StepService } from '../../../src/model/plan';

export const ARN = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5';

const badRequest = (message: string) => Object.assign(new Error(message), { name: 'BadRequestException' });

export class FakeMsk {
  clusterVersion = 'K1';
  state = 'ACTIVE';
  policy: { doc: string; version: string } | undefined;
  calls: { operation: string; input: Record<string, unknown> }[] = [];
  private versionCounter = 1;
  private interference = new Map<string, number>();

  constructor(policy?: string) {
    if (policy) this.policy = { doc: policy, version: 'P1' };
  }

  changeBefore(operation: string, times = 1): void {
    this.interference.set(operation, times);
  }

  /** Someone else adds a statement (policy) or bumps the version (cluster). */
  interfere(operation: string): void {
    if (operation === 'PutClusterPolicy') {
      const doc = this.policy ? JSON.parse(this.policy.doc) : { Version: '2012-10-17', Statement: [] };
      doc.Statement.push({ Sid: `Other${this.versionCounter}`, Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kafka:DescribeCluster', Resource: ARN });
      this.policy = { doc: JSON.stringify(doc), version: `P${++this.versionCounter}` };
    } else {
      this.clusterVersion = `K${++this.versionCounter}`;
    }
  }

  call = async (_service: StepService, operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    this.calls.push({ operation, input });
    const n = this.interference.get(operation) ?? 0;
    if (n > 0) {
      this.interference.set(operation, n - 1);
      this.interfere(operation);
    }
    switch (operation) {
      case 'DescribeClusterV2':
        return { ClusterInfo: { ClusterArn: ARN, State: this.state, CurrentVersion: this.clusterVersion } };
      case 'UpdateConnectivity':
        if (input.CurrentVersion !== this.clusterVersion) throw badRequest(`The currentVersion ${String(input.CurrentVersion)} does not match the cluster's current version.`);
        this.clusterVersion = `K${++this.versionCounter}`;
        return { ClusterArn: ARN, ClusterOperationArn: 'arn:aws:kafka:us-east-1:123456789012:cluster-operation/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5/op' };
      case 'DescribeClusterOperationV2':
        return { ClusterOperationInfo: { ClusterArn: ARN, OperationArn: input.ClusterOperationArn, OperationState: 'UPDATE_COMPLETE' } };
      case 'GetClusterPolicy':
        if (!this.policy) throw Object.assign(new Error('no policy'), { name: 'NotFoundException' });
        return { CurrentVersion: this.policy.version, Policy: this.policy.doc };
      case 'PutClusterPolicy':
        if (this.policy && input.CurrentVersion !== this.policy.version) throw badRequest(`The currentVersion ${String(input.CurrentVersion)} does not match the policy's current version.`);
        this.policy = { doc: String(input.Policy), version: `P${++this.versionCounter}` };
        return { CurrentVersion: this.policy.version };
      case 'DeleteClusterPolicy':
        this.policy = undefined;
        return {};
      case 'GetBootstrapBrokers':
        return { BootstrapBrokerStringVpcConnectivitySaslIam: 'b-1.orders.x.c2.kafka.us-east-1.amazonaws.com:14001' };
      default:
        throw new Error(`fake MSK has no ${operation}`);
    }
  };

  count(operation: string): number {
    return this.calls.filter((c) => c.operation === operation).length;
  }
}
