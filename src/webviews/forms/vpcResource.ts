// The VPC-resource form, host side: what the page needs (VPCs, gateways, GROUP configurations,
// databases), subnet capacity for a chosen VPC, the host-side validation (the same validators as
// the page, plus checks that need AWS data), and the pure plan builder (src/model/builders).
import { l10n } from '../../l10n';
import type { Scope } from '../../aws/api';
import { regionFromArn } from '../../model/arn';
import { buildVpcResourcePlan } from '../../model/builders';
import { freeSlash28Estimate, isAtLeastSlash26 } from '../../model/cidr';
import { CLICKPIPES_ACCOUNT_ID, isClickPipesRegion, regionDisplayName } from '../../model/clickpipes';
import type { VpcResourceForm } from '../../model/forms';
import type { Database, ResourceConfiguration, ResourceShare } from '../../model/resources';
import { validateForm } from '../../model/formValidation';
import { describeAwsError } from '../../aws/errors';
import {
  LoadVpcRequest, SubmitVpcResourceCommand, VpcResourceInitNotification, type DatabaseOption, type FormErrors, type VpcDetails, type VpcResourceInit,
} from '../protocol';
import type { FormContext, FormDefinition, FormSession, NodeLike } from './index';

/** Lattice names: lowercase letters, digits, single hyphens, 3–40. A suggestion, not a rule. */
export function suggestName(base: string, suffix: string): string {
  const cleaned = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const name = `${cleaned.slice(0, 40 - suffix.length - 1)}-${suffix}`.replace(/^-/, '');
  return name.length >= 3 ? name.replace(/^(rgw|rcfg)-/, 'cp-') : `clickpipes-${suffix}`;
}

export function databaseOption(db: Database): DatabaseOption {
  return {
    arn: db.arn,
    label: `${db.kind === 'cluster' ? 'Cluster' : 'Instance'} ${db.id} (${db.engine}${db.port ? `, port ${db.port}` : ''}, ${db.status})`,
    kind: db.kind,
    engine: db.engine,
    port: db.port,
    publiclyAccessible: db.publiclyAccessible,
  };
}

export function regionWarning(region: string): string | undefined {
  return isClickPipesRegion(region)
    ? undefined
    : `${region} (${regionDisplayName(region)}) is not a ClickPipes region. VPC resource endpoints do not work across regions, so ClickPipes could not use what this form creates.`;
}

/** Values implied by the node the form was opened from. */
export function presetFor(node: NodeLike, databases: readonly DatabaseOption[]): { preset: Partial<VpcResourceForm>; note?: string } {
  const r = node?.resource ?? {};
  if (node?.type === 'resourceGateway' && typeof r.id === 'string') {
    const name = typeof r.name === 'string' ? r.name : r.id;
    return { preset: { gatewayMode: 'existing', gatewayId: r.id, configurationName: suggestName(name, 'config'), shareName: suggestName(name, 'share') } };
  }
  if (node?.type === 'database' && typeof r.arn === 'string') {
    const db = databases.find((d) => d.arn === r.arn);
    const id = typeof r.id === 'string' ? r.id : 'database';
    if (db?.publiclyAccessible || r.publiclyAccessible === true) {
      return { preset: {}, note: `${id} is publicly accessible; ClickPipes private endpoints need a private database, so it cannot be chosen.` };
    }
    return {
      preset: { configurationType: 'ARN', definitionKind: 'arn', arn: r.arn, gatewayName: suggestName(id, 'gateway'), configurationName: suggestName(id, 'config'), shareName: suggestName(id, 'share') },
    };
  }
  return { preset: {} };
}

export function subnetDetails(subnets: { id: string; name?: string; availabilityZone: string; cidrBlock: string; availableIpAddressCount: number }[]): VpcDetails['subnets'] {
  return subnets.map((s) => ({
    id: s.id,
    label: s.name ? `${s.name} (${s.id})` : s.id,
    availabilityZone: s.availabilityZone,
    cidr: s.cidrBlock,
    free: s.availableIpAddressCount,
    atLeastSlash26: isAtLeastSlash26(s.cidrBlock),
    freeSlash28: freeSlash28Estimate(s.cidrBlock, s.availableIpAddressCount),
  }));
}

/** The checks that need AWS data the validators do not have. */
export function hostChecks(values: VpcResourceForm, scope: Scope, databases: readonly DatabaseOption[], details: VpcDetails | undefined): FormErrors {
  const errors: FormErrors = {};
  if (values.configurationType === 'ARN' && values.arn) {
    if (databases.some((d) => d.arn === values.arn && d.publiclyAccessible)) {
      errors.arn = l10n.t('This database is publicly accessible; ClickPipes private endpoints need a private database.');
    } else {
      const arnRegion = regionFromArn(values.arn);
      if (arnRegion && arnRegion !== scope.region) errors.arn = l10n.t('The database is in {0}, the gateway in {1}: a resource configuration cannot cross regions.', arnRegion, scope.region);
    }
  }
  if (values.gatewayMode !== 'existing' && values.configurationType !== 'CHILD' && details) {
    const unknown = (values.subnetIds ?? []).filter((id) => !details.subnets.some((s) => s.id === id));
    const full = details.subnets.filter((s) => values.subnetIds?.includes(s.id) && s.freeSlash28 === 'no');
    if (unknown.length) errors.subnetIds = l10n.t('Not in the chosen VPC: {0}.', unknown.join(', '));
    else if (full.length) errors.subnetIds = l10n.t('No free /28 block (16 consecutive addresses) in {0}: the endpoint would fail there.', full.map((s) => s.id).join(', '));
  }
  return errors;
}

/** GROUP id → a share of that group with the ClickPipes account (a CHILD is reached through it). */
export function clickPipesGroupShares(configurations: readonly ResourceConfiguration[], shares: readonly ResourceShare[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of configurations) {
    if (c.type !== 'GROUP') continue;
    const share = shares.find((s) => s.resources.some((r) => r.arn === c.arn) && s.principals.some((p) => p.id === CLICKPIPES_ACCOUNT_ID));
    if (share) map.set(c.id, share.arn);
  }
  return map;
}

export type VpcResourceSession = FormSession<VpcResourceForm, VpcResourceInit> & { loadVpc(vpcId: string): Promise<VpcDetails> };

/** One form session: shared by the webview form and the multi-step QuickPick. */
export function startVpcResourceSession(ctx: FormContext): VpcResourceSession {
  const { scope } = ctx;
  let databases: DatabaseOption[] = [];
  let vpcCidrs = new Map<string, string[]>();
  let gatewayVpc = new Map<string, string | undefined>();
  /** GROUP id → the share that already gives it to ClickPipes: a CHILD plan reuses it. */
  let groupShares = new Map<string, string>();
  const details = new Map<string, VpcDetails>();
  const loadVpc = async (vpcId: string): Promise<VpcDetails> => {
    const aws = ctx.deps.aws();
    const [subnets, groups] = await Promise.all([aws.listSubnets(scope, vpcId), aws.listSecurityGroups(scope, vpcId)]);
    const result: VpcDetails = {
      subnets: subnetDetails(subnets),
      securityGroups: groups.map((g) => ({ value: g.id, label: `${g.name} (${g.id})`, detail: g.description })),
      cidrs: vpcCidrs.get(vpcId) ?? [],
    };
    details.set(vpcId, result);
    return result;
  };
  return {
    loadVpc,
    async loadInit(): Promise<VpcResourceInit> {
      const aws = ctx.deps.aws();
      const problems: string[] = [];
      const read = async <T>(what: string, f: () => Promise<T>, fallback: T): Promise<T> => {
        try {
          return await f();
        } catch (err) {
          problems.push(`${what}: ${describeAwsError(err).text}`);
          return fallback;
        }
      };
      const [vpcs, gateways, configurations, dbs, shares] = await Promise.all([
        read('VPCs', () => aws.listVpcs(scope), []),
        read('Resource gateways', () => aws.listResourceGateways(scope), []),
        read('Resource configurations', () => aws.listResourceConfigurations(scope), []),
        read('Databases', () => aws.listDatabases(scope), []),
        read('Resource shares', () => aws.listResourceShares(scope), []),
      ]);
      groupShares = clickPipesGroupShares(configurations, shares);
      vpcCidrs = new Map(vpcs.map((v) => [v.id, v.cidrBlocks]));
      gatewayVpc = new Map(gateways.map((g) => [g.id, g.vpcId]));
      // Aurora members are reached through their cluster: offer clusters and standalone instances.
      databases = dbs.filter((d) => d.kind === 'cluster' || !d.clusterId).map(databaseOption);
      const { preset, note } = presetFor(ctx.node, databases);
      if (note) problems.unshift(note);
      return {
        profile: scope.profile,
        region: scope.region,
        regionWarning: regionWarning(scope.region),
        clickpipesAccount: CLICKPIPES_ACCOUNT_ID,
        vpcs: vpcs.map((v) => ({ id: v.id, label: `${v.name ? `${v.name} ` : ''}${v.id} (${v.cidrBlocks.join(', ')})${v.isDefault ? ' default' : ''}`, cidrs: v.cidrBlocks })),
        gateways: gateways.map((g) => ({ id: g.id, name: g.name, vpcId: g.vpcId, status: g.status })),
        groups: configurations.filter((c) => c.type === 'GROUP').map((c) => ({ value: c.id, label: `${c.name} (${c.id})` })),
        databases,
        preset,
        loadError: problems.length ? problems.join(' ') : undefined,
      };
    },
    register(host) {
      host.handle(LoadVpcRequest, ({ vpcId }) => loadVpc(vpcId));
    },
    validate(values) {
      // An IP target must be inside the gateway's VPC: the chosen one, or the existing gateway's.
      const vpcId = values.gatewayMode === 'existing' && values.gatewayId ? gatewayVpc.get(values.gatewayId) : values.vpcId;
      const cidrs = vpcId ? vpcCidrs.get(vpcId) : undefined;
      return { ...hostChecks(values, scope, databases, values.vpcId ? details.get(values.vpcId) : undefined), ...validateForm('vpcResource', { ...values, vpcCidrs: cidrs ?? values.vpcCidrs }) };
    },
    build(values, buildCtx) {
      // vpcCidrs is context for validation only; it is not part of the plan.
      const { vpcCidrs: _unused, ...form } = values;
      const groupShareArn = form.configurationType === 'CHILD' && form.groupId ? groupShares.get(form.groupId) : undefined;
      return buildVpcResourcePlan({ ...form, groupShareArn } as VpcResourceForm, buildCtx);
    },
  };
}

export const vpcResourceForm: FormDefinition<VpcResourceForm, VpcResourceInit> = {
  viewType: 'clickpipes.form.vpcResource',
  title: l10n.t('ClickPipes: VPC resource endpoint'),
  app: 'vpcResource',
  planPrefix: 'vpcres',
  offersClickhouseEndpoint: true,
  initNotification: VpcResourceInitNotification,
  submitCommand: SubmitVpcResourceCommand,
  start: startVpcResourceSession,
};
