// Palette fallbacks: pick a ClickHouse Cloud service (or endpoint) when a command runs without a
// tree node. Services ClickPipes serves from the endpoint's region (per ClickHouse docs, see
// model/clickpipesRegions.ts) come first; the others say why they may not reach it.
import * as vscode from 'vscode';
import { isSameRegionOnly, servesRegion, type ChOrganization, type ChService, type ReversePrivateEndpoint } from '../model/clickhouse';
import type { ClickhouseTarget } from '../model/builders/clickhouseEndpoint';
import type { ClickHouseApi } from './api';

export type ServiceRef = { org: ChOrganization; service: ChService };

/** Every service of every organization the key can see. */
export async function listServiceRefs(api: Pick<ClickHouseApi, 'listOrganizations' | 'listServices'>): Promise<ServiceRef[]> {
  const refs: ServiceRef[] = [];
  for (const org of await api.listOrganizations()) for (const service of await api.listServices(org.id)) refs.push({ org, service });
  return refs;
}

/** The AWS services an endpoint can be created in, as plan targets; none when signed out. */
export async function endpointTargets(api: Pick<ClickHouseApi, 'listOrganizations' | 'listServices'> | undefined): Promise<ClickhouseTarget[]> {
  if (!api) return [];
  return (await listServiceRefs(api)).filter((r) => r.service.provider === 'aws').map(({ org, service }) => ({
    organizationId: org.id, serviceId: service.id, organizationName: org.name, serviceName: service.name, serviceRegion: service.region,
  }));
}

export async function pickService(
  api: ClickHouseApi,
  options: { title: string; awsRegion?: string; type?: string } = { title: vscode.l10n.t('Pick a ClickHouse Cloud service') },
): Promise<ServiceRef | undefined> {
  const refs = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading ClickHouse Cloud services…') }, () => listServiceRefs(api));
  const aws = refs.filter((r) => r.service.provider === 'aws');
  if (aws.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No AWS services in the organizations this API key can see.'));
    return undefined;
  }
  const served = (r: ServiceRef) => (options.awsRegion ? servesRegion(r.service, options.awsRegion) : 'yes');
  const rank = (r: ServiceRef) => ({ yes: 0, maybe: 1, no: 2 })[served(r)];
  aws.sort((a, b) => rank(a) - rank(b) || a.service.name.localeCompare(b.service.name));
  const items = aws.map((ref) => {
    const sameRegion = served(ref) !== 'no';
    const blocked = !sameRegion && options.type !== undefined && isSameRegionOnly(options.type);
    return {
      label: `${blocked ? '$(warning) ' : ''}${ref.service.name}`,
      description: `${ref.service.region} · ${ref.service.provider}`,
      detail: options.awsRegion
        ? served(ref) === 'yes' ? vscode.l10n.t('ClickPipes for it runs in {0} per ClickHouse docs · {1}', options.awsRegion, ref.org.name)
          : sameRegion ? vscode.l10n.t('ClickPipes for it may run in {0} per ClickHouse docs (depends on its creation date) · {1}', options.awsRegion, ref.org.name)
          : blocked ? vscode.l10n.t('ClickPipes for it does not run in {0} per ClickHouse docs; this endpoint type is same-region only · {1}', options.awsRegion, ref.org.name)
            : vscode.l10n.t('Cross-region from {0}: needs its ClickPipes region in the endpoint service\'s supported regions · {1}', options.awsRegion, ref.org.name)
        : ref.org.name,
      ref,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title: options.title, matchOnDescription: true, matchOnDetail: true });
  return picked?.ref;
}

export async function pickEndpoint(api: ClickHouseApi, title: string): Promise<(ServiceRef & { rpe: ReversePrivateEndpoint }) | undefined> {
  const ref = await pickService(api, { title: vscode.l10n.t('{0}: pick the service', title) });
  if (!ref) return undefined;
  const list = await api.listReversePrivateEndpoints(ref.org.id, ref.service.id);
  if (list.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The service "{0}" has no reverse private endpoints.', ref.service.name));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    list.map((rpe) => ({ label: rpe.description || rpe.id, description: `${rpe.type} · ${rpe.status}`, detail: rpe.dnsNames[0], rpe })),
    { title: vscode.l10n.t('{0}: pick the endpoint', title) });
  return picked ? { ...ref, rpe: picked.rpe } : undefined;
}
