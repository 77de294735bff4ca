// "ClickPipes values": the exact fields the ClickHouse Cloud reverse-private-endpoint form asks
// for, per endpoint type (VPC resource, MSK multi-VPC, VPC endpoint service).
import { l10n } from '../../l10n';
import type { MskCluster, ResourceShare } from '../../model/resources';
import type { ReversePrivateEndpointType } from '../../model/clickpipes';
import type { ExplorerNode } from './nodes';

export type ClickPipesValues = { type: ReversePrivateEndpointType; fields: { label: string; value: string }[]; note?: string };

const CONFIG_ARN = /:resourceconfiguration\/(rcfg-[0-9a-z]+)$/;

/** `rcfg-…` from a resource configuration ARN, if it is one. */
export function configIdFromArn(arn: string): string | undefined {
  return CONFIG_ARN.exec(arn)?.[1];
}

/** Which ClickPipes MSK authentication values the cluster offers over multi-VPC (else on the cluster). */
export function mskAuthentications(c: MskCluster): ('SASL_IAM' | 'SASL_SCRAM')[] {
  const from = c.multiVpc.iam || c.multiVpc.scram ? c.multiVpc : c.auth;
  const out: ('SASL_IAM' | 'SASL_SCRAM')[] = [];
  if (from.iam) out.push('SASL_IAM');
  if (from.scram) out.push('SASL_SCRAM');
  return out;
}

/** Whether the node is one ClickHouse Cloud can connect through (the copy command shows for it). */
export function hasClickPipesValues(node: ExplorerNode): boolean {
  switch (node.type) {
    case 'resourceConfiguration':
    case 'mskCluster':
    case 'endpointService':
      return true;
    case 'resourceShare':
      return node.resource.resources.some((r) => configIdFromArn(r.arn));
    default:
      return false;
  }
}

/**
 * The values for a node. `shares` are the region's resource shares: a configuration's share ARN
 * comes from the share that holds it.
 */
export function clickPipesValues(node: ExplorerNode, shares: ResourceShare[] = []): ClickPipesValues | undefined {
  switch (node.type) {
    case 'resourceConfiguration': {
      const cfg = node.resource;
      const share = shares.find((s) => s.status !== 'DELETED' && s.resources.some((r) => r.arn === cfg.arn));
      const fields = [{ label: l10n.t('Resource configuration ID'), value: cfg.id }];
      if (share) fields.push({ label: l10n.t('Resource share ARN'), value: share.arn });
      return {
        type: 'VPC_RESOURCE',
        fields,
        note: share ? undefined : `no resource share holds ${cfg.id} yet: share it with 072088201116 first`,
      };
    }
    case 'resourceShare': {
      const cfgArn = node.resource.resources.find((r) => configIdFromArn(r.arn))?.arn;
      if (!cfgArn) return undefined;
      return {
        type: 'VPC_RESOURCE',
        fields: [
          { label: l10n.t('Resource configuration ID'), value: configIdFromArn(cfgArn)! },
          { label: l10n.t('Resource share ARN'), value: node.resource.arn },
        ],
      };
    }
    case 'mskCluster': {
      const auths = mskAuthentications(node.resource);
      const fields = [{ label: 'MSK cluster ARN', value: node.resource.arn }];
      if (auths.length) fields.push({ label: 'Authentication', value: auths.join(' or ') });
      return {
        type: 'MSK_MULTI_VPC',
        fields,
        note: auths.length ? undefined : 'the cluster has neither SASL/IAM nor SASL/SCRAM enabled',
      };
    }
    case 'endpointService':
      return { type: 'VPC_ENDPOINT_SERVICE', fields: [{ label: l10n.t('VPC endpoint service name'), value: node.resource.name }] };
    default:
      return undefined;
  }
}

/** One `Label: value` line per field: pasted into notes or read field by field. */
export function formatClickPipesValues(v: ClickPipesValues): string {
  return v.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
}
