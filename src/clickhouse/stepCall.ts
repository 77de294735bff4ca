// The ClickHouse Cloud backend of the plan executor: steps with service 'clickhouse' come here,
// as AWS steps go to the AWS layer. Inputs are the builder's ({organizationId, serviceId, body} /
// {…, reversePrivateEndpointId}); the answer is the endpoint object (plus the Kafka bootstrap
// string built from its broker names), so output paths like `id`, `status`, `dnsNames.0` resolve.
// No vscode here: the extension passes the signed-in session's client, tests pass their own.
import {
  connectionAddress, type CreateRpeBody, type ReversePrivateEndpoint,
} from '../model/clickhouse';
import { ClickHouseApiError, type ClickHouseApi } from './api';

export type ClickHouseStepCall = (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

type EndpointApi = Pick<ClickHouseApi, 'listReversePrivateEndpoints' | 'createReversePrivateEndpoint' | 'getReversePrivateEndpoint' | 'deleteReversePrivateEndpoint'>;

/** The AWS resource an endpoint points at: two endpoints with the same key are the same endpoint. */
function resourceKey(e: Partial<CreateRpeBody> & { type?: string }): string | undefined {
  switch (e.type) {
    case 'VPC_RESOURCE': return e.vpcResourceConfigurationId && `rcfg:${e.vpcResourceConfigurationId}`;
    // ClickPipes allows one endpoint per cluster and auth type.
    case 'MSK_MULTI_VPC': return e.mskClusterArn && `msk:${e.mskClusterArn}:${e.mskAuthentication ?? ''}`;
    case 'VPC_ENDPOINT_SERVICE': return e.vpcEndpointServiceName && `vpce:${e.vpcEndpointServiceName}`;
    default: return undefined;
  }
}

/**
 * An endpoint in the service for the same AWS resource, not on its way out. The create API has no
 * idempotency token, so this lookup is what makes a retried or resumed create reuse the first one.
 */
export async function findExistingEndpoint(api: EndpointApi, org: string, service: string, body: CreateRpeBody): Promise<ReversePrivateEndpoint | undefined> {
  const key = resourceKey(body);
  if (!key) return undefined;
  const list = await api.listReversePrivateEndpoints(org, service);
  return list.find((e) => e.status !== 'Deleting' && resourceKey(e as Partial<CreateRpeBody>) === key);
}

function answer(rpe: ReversePrivateEndpoint, reused = false): Record<string, unknown> {
  const kafkaBootstrap = rpe.type === 'MSK_MULTI_VPC' ? connectionAddress(rpe, 'kafka') : undefined;
  return { ...rpe, ...(kafkaBootstrap ? { kafkaBootstrap } : {}), ...(reused ? { reused: true } : {}) };
}

export function clickhouseStepCall(api: () => Promise<EndpointApi | undefined>, log?: (line: string) => void): ClickHouseStepCall {
  return async (operation, input) => {
    const client = await api();
    if (!client) throw new ClickHouseApiError('unauthorized', 'Sign in to ClickHouse Cloud first (ClickPipes: Sign in to ClickHouse Cloud), then apply again.');
    const org = String(input.organizationId ?? '');
    const service = String(input.serviceId ?? '');
    const id = String(input.reversePrivateEndpointId ?? input.id ?? '');
    switch (operation) {
      case 'CreateReversePrivateEndpoint': {
        const body = input.body as CreateRpeBody;
        const existing = await findExistingEndpoint(client, org, service, body);
        if (existing) {
          log?.(`ClickHouse Cloud: reusing reverse private endpoint ${existing.id} (${existing.status}) for the same AWS resource`);
          return answer(existing, true);
        }
        const created = await client.createReversePrivateEndpoint(org, service, body);
        log?.(`ClickHouse Cloud: created reverse private endpoint ${created.id} (${body.type}) in service ${service}`);
        return answer(created);
      }
      case 'GetReversePrivateEndpoint':
        return answer(await client.getReversePrivateEndpoint(org, service, id));
      case 'DeleteReversePrivateEndpoint':
        await client.deleteReversePrivateEndpoint(org, service, id);
        return {};
      case 'ListReversePrivateEndpoints':
        return { items: await client.listReversePrivateEndpoints(org, service) };
      default:
        throw new ClickHouseApiError('badRequest', `Unknown ClickHouse Cloud operation ${operation}.`);
    }
  };
}
