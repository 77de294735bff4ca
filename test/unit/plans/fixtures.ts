// A hand-written VPC-resource plan in the shape the pure plan builder (src/model/builders) produces (gateway → configuration →
// RAM share), used by the executor unit tests and the emulator integration tests, plus a fake
// AWS that honours client tokens and can fail on demand.
import type { Plan, StepService } from '../../../src/model/plan';

export function vpcResourcePlan(over: { id?: string; vpcId?: string; subnetIds?: string[]; securityGroupIds?: string[]; dbArn?: string; region?: string; profile?: string } = {}): Plan {
  const id = over.id ?? 'plan-test-1';
  return {
    schemaVersion: 1,
    id,
    kind: 'vpcResource',
    title: 'VPC resource for ClickPipes',
    profile: over.profile ?? 'test',
    region: over.region ?? 'us-east-1',
    createdAt: '2026-11-23T18:00:00.000Z',
    warnings: [],
    steps: [
      {
        id: 'gateway', title: 'Create resource gateway', service: 'vpc-lattice', operation: 'CreateResourceGateway', mutating: true,
        clientTokenField: 'clientToken',
        input: { name: 'cp-gateway', vpcIdentifier: over.vpcId ?? 'vpc-0123456789abcdef0', subnetIds: over.subnetIds ?? ['subnet-0a', 'subnet-0b'], securityGroupIds: over.securityGroupIds ?? ['sg-01'], ipAddressType: 'IPV4' },
        outputs: { id: 'id', arn: 'arn' },
        waitFor: { operation: 'GetResourceGateway', input: { resourceGatewayIdentifier: '${steps.gateway.id}' }, statusPath: 'status', success: ['ACTIVE'], failure: ['CREATE_FAILED'], timeoutSeconds: 600 },
      },
      {
        id: 'configuration', title: 'Create resource configuration', service: 'vpc-lattice', operation: 'CreateResourceConfiguration', mutating: true,
        clientTokenField: 'clientToken',
        input: { name: 'cp-config', type: 'ARN', resourceGatewayIdentifier: '${steps.gateway.id}', resourceConfigurationDefinition: { arnResource: { arn: over.dbArn ?? 'arn:aws:rds:us-east-1:111122223333:cluster:db1' } } },
        outputs: { id: 'id', arn: 'arn' },
        waitFor: { operation: 'GetResourceConfiguration', input: { resourceConfigurationIdentifier: '${steps.configuration.id}' }, statusPath: 'status', success: ['ACTIVE'], failure: ['CREATE_FAILED'], timeoutSeconds: 600 },
      },
      {
        id: 'share', title: 'Share with ClickPipes (RAM)', service: 'ram', operation: 'CreateResourceShare', mutating: true,
        clientTokenField: 'clientToken',
        input: { name: 'cp-share', resourceArns: ['${steps.configuration.arn}'], principals: ['072088201116'], allowExternalPrincipals: true },
        outputs: { arn: 'resourceShare.resourceShareArn' },
      },
    ],
    results: { 'Resource configuration ID': '${steps.configuration.id}', 'Resource share ARN': '${steps.share.arn}' },
  };
}

export type FakeCall = { service: StepService; operation: string; input: Record<string, unknown> };

/**
 * Just enough AWS: creates honour client tokens (same token → same resource), resources go
 * CREATE_IN_PROGRESS → ACTIVE after `pollsUntilActive` reads, and `failNext` makes the next
 * matching call throw either before the server acted or after (a lost response).
 */
export class FakeAws {
  readonly calls: FakeCall[] = [];
  readonly resources = new Map<string, { kind: string; id: string; arn: string; status: string; reads: number; input: Record<string, unknown> }>();
  private readonly byToken = new Map<string, string>();
  private seq = 0;
  failures: { operation: string; when: 'before' | 'after'; error: Error }[] = [];

  constructor(private readonly pollsUntilActive = 1) {}

  failNext(operation: string, when: 'before' | 'after' = 'before', error: Error = Object.assign(new Error('socket hang up'), { name: 'ECONNRESET' })): void {
    this.failures.push({ operation, when, error });
  }

  count(operation: string): number {
    return this.calls.filter((c) => c.operation === operation).length;
  }

  call = async (service: StepService, operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    this.calls.push({ service, operation, input });
    const i = this.failures.findIndex((f) => f.operation === operation);
    const failure = i >= 0 ? this.failures.splice(i, 1)[0] : undefined;
    if (failure?.when === 'before') throw failure.error;
    const response = this.handle(operation, input);
    if (failure?.when === 'after') throw failure.error;
    return response;
  };

  private create(kind: string, prefix: string, input: Record<string, unknown>): { id: string; arn: string; status: string } {
    const token = typeof input.clientToken === 'string' ? `${kind}:${input.clientToken}` : undefined;
    const existing = token ? this.byToken.get(token) : undefined;
    if (existing) return this.resources.get(existing)!;
    const id = `${prefix}${String(++this.seq).padStart(17, '0')}`;
    const arn = kind === 'share' ? `arn:aws:ram:us-east-1:111122223333:resource-share/${id}` : `arn:aws:vpc-lattice:us-east-1:111122223333:${kind}/${id}`;
    const r = { kind, id, arn, status: 'CREATE_IN_PROGRESS', reads: 0, input };
    this.resources.set(id, r);
    if (token) this.byToken.set(token, id);
    return r;
  }

  private read(id: unknown): Record<string, unknown> {
    const r = this.resources.get(String(id));
    if (!r) throw Object.assign(new Error(`${String(id)} not found`), { name: 'ResourceNotFoundException' });
    if (++r.reads >= this.pollsUntilActive) r.status = 'ACTIVE';
    return { id: r.id, arn: r.arn, status: r.status };
  }

  private handle(operation: string, input: Record<string, unknown>): Record<string, unknown> {
    switch (operation) {
      case 'CreateResourceGateway': {
        const r = this.create('resourcegateway', 'rgw-', input);
        return { id: r.id, arn: r.arn, status: r.status, name: input.name };
      }
      case 'CreateResourceConfiguration': {
        if (!this.resources.has(String(input.resourceGatewayIdentifier))) throw Object.assign(new Error('gateway not found'), { name: 'ResourceNotFoundException' });
        const r = this.create('resourceconfiguration', 'rcfg-', input);
        return { id: r.id, arn: r.arn, status: r.status };
      }
      case 'CreateResourceShare': {
        const r = this.create('share', 'share-', input);
        r.status = 'ACTIVE';
        return { resourceShare: { resourceShareArn: r.arn, status: 'ACTIVE', name: input.name } };
      }
      case 'GetResourceGateway':
        return this.read(input.resourceGatewayIdentifier);
      case 'GetResourceConfiguration':
        return this.read(input.resourceConfigurationIdentifier);
      default:
        throw Object.assign(new Error(`unknown operation ${operation}`), { name: 'UnknownOperation' });
    }
  }
}
