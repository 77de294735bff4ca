// Lets the plan executor apply a `clickhouseEndpoint` plan (src/model/builders/clickhouseEndpoint.ts):
// steps with service 'clickhouse' go here. Inputs are the builder's ({organizationId, serviceId,
// body} / {…, reversePrivateEndpointId}); the result is the endpoint object, so output paths like
// `id`, `status` and `dnsNames.0` resolve against it.
import { clickHouseSession } from './currentSession';
import { ClickHouseApiError } from './api';
import type { CreateRpeBody } from '../model/clickhouse';

export async function clickhouseStepCall(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const api = await clickHouseSession().api();
  if (!api) throw new ClickHouseApiError('unauthorized', 'Sign in to ClickHouse Cloud first (ClickPipes: Sign in to ClickHouse Cloud).');
  const org = String(input.organizationId ?? '');
  const service = String(input.serviceId ?? '');
  const id = String(input.reversePrivateEndpointId ?? input.id ?? '');
  switch (operation) {
    case 'CreateReversePrivateEndpoint':
      return { ...(await api.createReversePrivateEndpoint(org, service, input.body as CreateRpeBody)) };
    case 'GetReversePrivateEndpoint':
      return { ...(await api.getReversePrivateEndpoint(org, service, id)) };
    case 'DeleteReversePrivateEndpoint':
      await api.deleteReversePrivateEndpoint(org, service, id);
      return {};
    case 'ListReversePrivateEndpoints':
      return { items: await api.listReversePrivateEndpoints(org, service) };
    default:
      throw new ClickHouseApiError('badRequest', `Unknown ClickHouse Cloud operation ${operation}.`);
  }
}
