// The AWS services of every organization the signed-in API key sees, for forms that can prefill
// from them (the IAM DB auth form's ClickHouse service role). Undefined when signed out.
import { clickHouseSession } from './currentSession';
import type { ChService } from '../model/clickhouse';

export async function signedInServices(): Promise<ChService[] | undefined> {
  const api = await clickHouseSession().api();
  if (!api) return undefined;
  const services: ChService[] = [];
  for (const org of await api.listOrganizations()) services.push(...await api.listServices(org.id));
  return services.filter((s) => s.provider.toLowerCase() === 'aws');
}
