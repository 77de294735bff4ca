// What the result view says about each thing an apply made: the kind of resource in words (not
// the step id or the API operation), its identifying value, its state once settled (the wait's
// last read, not the create call's PENDING or Provisioning) and its outputs under readable labels.
import type { PlanStep, ResultItem } from './plan';
import { t } from './text';

/** The resource a mutating step makes or changes, by its operation. */
function resourceKind(step: Pick<PlanStep, 'operation' | 'title'>): string {
  switch (step.operation) {
    case 'CreateResourceGateway': return t('Resource gateway');
    case 'CreateResourceConfiguration': return t('Resource configuration');
    case 'CreateResourceShare': return t('RAM resource share');
    case 'UpdateConnectivity': return t('MSK multi-VPC connectivity');
    case 'PutClusterPolicy': return t('MSK cluster policy');
    case 'CreateVpcEndpointServiceConfiguration': return t('VPC endpoint service');
    case 'ModifyVpcEndpointServiceConfiguration': return t('VPC endpoint service configuration');
    case 'ModifyVpcEndpointServicePermissions': return t('Endpoint service permissions');
    case 'AcceptVpcEndpointConnections': return t('Endpoint connection');
    case 'ModifyDBInstance':
    case 'ModifyDBCluster': return t('IAM database authentication');
    case 'CreateRole': return t('IAM role');
    case 'PutRolePolicy': return t('rds-db:connect policy');
    case 'CreateReversePrivateEndpoint': return t('ClickHouse Cloud reverse private endpoint');
    case 'GetReversePrivateEndpoint': return t('ClickHouse Cloud reverse private endpoint');
    case 'AuthorizeSecurityGroupIngress': return t('Security group rule');
    default: return step.title;
  }
}

const OUTPUT_LABELS: Record<string, () => string> = {
  id: () => t('ID'),
  arn: () => t('ARN'),
  name: () => t('Name'),
  status: () => t('Status'),
  version: () => t('Policy version'),
  operationArn: () => t('Operation ARN'),
  endpointId: () => t('VPC endpoint ID'),
  dnsName: () => t('DNS name'),
  privateDnsName: () => t('Private DNS name'),
  kafkaBootstrap: () => t('Kafka bootstrap servers'),
  ruleId: () => t('Security group rule ID'),
};

/** `bootstrapBrokerStringSaslIam` → "Bootstrap broker string sasl iam" when no label is known. */
export function outputLabel(key: string): string {
  const known = OUTPUT_LABELS[key];
  if (known) return known();
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The settled state in words: IAM DB auth's wait reads a flag, the others a status. */
function stateLabel(step: Pick<PlanStep, 'waitFor'>, finalState: string | undefined, waiting: boolean): string | undefined {
  if (waiting) return t('still settling: apply again to keep waiting');
  if (finalState === undefined) return undefined;
  if (step.waitFor?.statusPath.endsWith('IAMDatabaseAuthenticationEnabled')) return finalState === 'true' ? t('enabled') : t('not enabled');
  return finalState;
}

export type CreatedView = { title: string; state?: string; outputs: ResultItem[] };

export function createdView(
  step: Pick<PlanStep, 'operation' | 'title' | 'waitFor'>,
  created: { outputs: Record<string, string>; waiting: boolean; finalState?: string },
): CreatedView {
  const state = stateLabel(step, created.finalState, created.waiting);
  const named = created.outputs.name ?? created.outputs.id ?? created.outputs.endpointId;
  // A status output is what the create call answered: once a state is known it would contradict it.
  const outputs = Object.entries(created.outputs)
    .filter(([key]) => !(state !== undefined && key === 'status'))
    .map(([key, value]) => ({ label: outputLabel(key), value }));
  return { title: named ? `${resourceKind(step)} ${named}` : resourceKind(step), state, outputs };
}
