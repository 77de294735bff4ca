// The MSK multi-VPC form, host side: the clusters of the region with their multi-VPC
// prerequisites checked (each one explained when it fails), the host-side validation (the page's
// validators again, with the cluster facts from AWS, never from the page), a fresh read of the
// cluster and its policy right before building (CurrentVersion values go into the plan), and
// the pure plan builder (src/model/builders). Shared by the webview form and the QuickPick. No `vscode` here.
import { l10n } from '../../l10n';
import type { Scope } from '../../aws/api';
import { regionFromArn } from '../../model/arn';
import { buildMskMultiVpcPlan } from '../../model/builders';
import { CLICKPIPES_ACCOUNT_ID, MSK_MULTI_VPC_MIN_KAFKA, MSK_UNSUPPORTED_INSTANCE_TYPE, isClickPipesRegion } from '../../model/clickpipes';
import type { MskMultiVpcForm } from '../../model/forms';
import type { Plan } from '../../model/plan';
import { compareVersions } from '../../model/readiness';
import type { MskCluster } from '../../model/resources';
import { validateMskAuthSelection } from '../../model/validation';
import { validateForm, type FormErrors } from '../../model/formValidation';
import { describeAwsError } from '../../aws/errors';
import {
  MskMultiVpcInitNotification, SubmitMskMultiVpcCommand, defaultAuth, type MskClusterOption, type MskMultiVpcInit, type MskPrerequisite,
} from '../mskProtocol';
import type { FormContext, FormDefinition, FormSession, NodeLike } from './index';

const authNames = (a: { iam: boolean; scram: boolean; tls: boolean }) =>
  [a.iam && 'SASL/IAM', a.scram && 'SASL/SCRAM', a.tls && 'TLS'].filter(Boolean).join(', ');

/** The AWS multi-VPC requirements, one line each, in the order the form shows them. */
export function mskPrerequisites(c: MskCluster, region: string): MskPrerequisite[] {
  const provisioned = c.clusterType.toUpperCase() === 'PROVISIONED';
  const version = c.kafkaVersion;
  const versionOk = version !== undefined && compareVersions(version, MSK_MULTI_VPC_MIN_KAFKA) >= 0;
  const sasl = c.auth.iam || c.auth.scram;
  const clusterRegion = regionFromArn(c.arn) ?? region;
  const sameRegion = clusterRegion === region;
  return [
    {
      id: 'provisioned', label: l10n.t('Provisioned cluster'), ok: provisioned,
      detail: provisioned ? l10n.t('Provisioned.') : l10n.t('{0} cluster: multi-VPC connectivity needs a provisioned cluster.', c.clusterType),
    },
    {
      id: 'kafkaVersion', label: l10n.t('Apache Kafka {0} or later', MSK_MULTI_VPC_MIN_KAFKA), ok: versionOk,
      detail: version === undefined ? l10n.t('The Kafka version is unknown.') : versionOk ? l10n.t('Kafka {0}.', version) : l10n.t('Kafka {0} is older than {1}: upgrade the cluster first.', version, MSK_MULTI_VPC_MIN_KAFKA),
    },
    {
      id: 'authentication', label: l10n.t('SASL/IAM or SASL/SCRAM authentication on the cluster'), ok: sasl,
      detail: sasl
        ? l10n.t('Enabled: {0}.', authNames(c.auth))
        : c.auth.tls
          ? l10n.t('Only TLS is enabled: ClickPipes connects with SASL/IAM or SASL/SCRAM, so enable one of them on the cluster first.')
          : l10n.t('Only unauthenticated access is enabled: multi-VPC connectivity needs IAM, SASL/SCRAM or TLS, and ClickPipes needs SASL/IAM or SASL/SCRAM.'),
    },
    {
      id: 'instanceType', label: l10n.t('Broker type other than {0}', MSK_UNSUPPORTED_INSTANCE_TYPE), ok: c.instanceType !== MSK_UNSUPPORTED_INSTANCE_TYPE,
      detail: c.instanceType === MSK_UNSUPPORTED_INSTANCE_TYPE
        ? l10n.t('{0} brokers do not support multi-VPC connectivity: move to a larger broker type first.', MSK_UNSUPPORTED_INSTANCE_TYPE)
        : `${c.instanceType ?? l10n.t('Serverless')}.`,
    },
    {
      id: 'active', label: l10n.t('Cluster ACTIVE'), ok: c.state.toUpperCase() === 'ACTIVE',
      detail: c.state.toUpperCase() === 'ACTIVE' ? l10n.t('ACTIVE.') : l10n.t('The cluster is {0}; connectivity can only change on an ACTIVE cluster. Wait and refresh.', c.state),
    },
    {
      id: 'region', label: l10n.t('Same region as ClickPipes'), ok: sameRegion && isClickPipesRegion(clusterRegion),
      detail: !sameRegion
        ? l10n.t('The cluster is in {0}, the form works in {1}: multi-VPC connectivity does not cross regions.', clusterRegion, region)
        : isClickPipesRegion(clusterRegion)
          ? l10n.t('{0} is a ClickPipes region.', clusterRegion)
          : l10n.t('{0} is not a ClickPipes region, and MSK multi-VPC connectivity does not work across regions.', clusterRegion),
    },
  ];
}

export const failedPrerequisites = (o: Pick<MskClusterOption, 'prerequisites'>) => o.prerequisites.filter((p) => !p.ok);

/** The message at the cluster field when prerequisites fail (submission is blocked). */
export function prerequisiteError(o: Pick<MskClusterOption, 'name' | 'prerequisites'>): string | undefined {
  const failed = failedPrerequisites(o);
  if (!failed.length) return undefined;
  return l10n.t('Cluster {0} cannot use multi-VPC connectivity: {1}', o.name, failed.map((p) => p.detail).join(' '));
}

export function clusterOption(c: MskCluster, region: string): MskClusterOption {
  const facts = [c.kafkaVersion && `Kafka ${c.kafkaVersion}`, c.instanceType, c.state].filter(Boolean).join(', ');
  return {
    arn: c.arn,
    name: c.name,
    label: `${c.name} (${facts})`,
    state: c.state,
    auth: { iam: c.auth.iam, scram: c.auth.scram, tls: c.auth.tls },
    multiVpc: { iam: c.multiVpc.iam, scram: c.multiVpc.scram, tls: c.multiVpc.tls },
    prerequisites: mskPrerequisites(c, region),
  };
}

/** Values implied by the node the form was opened from (an MSK cluster node). */
export function mskPreset(node: NodeLike, options: readonly MskClusterOption[]): { preset: Partial<MskMultiVpcForm>; note?: string } {
  const arn = node?.type === 'mskCluster' ? node.resource?.arn : undefined;
  if (typeof arn !== 'string') return { preset: {} };
  const option = options.find((o) => o.arn === arn);
  if (!option) return { preset: {}, note: l10n.t('The cluster {0} is not in the list (refresh the explorer?).', arn) };
  return { preset: { clusterArn: arn, auth: defaultAuth(option) }, note: prerequisiteError(option) };
}

/** The form's errors with the cluster facts from the host's list: field → message. */
export function checkMskForm(values: MskMultiVpcForm, scope: Scope, options: readonly MskClusterOption[]): FormErrors {
  const option = options.find((o) => o.arn === values.clusterArn);
  const errors = validateForm('mskMultiVpc', { ...values, clusterAuth: option?.auth });
  if (!values.clusterArn) errors.clusterArn = 'MSK cluster: choose a cluster.';
  else if (!option) errors.clusterArn ??= l10n.t('MSK cluster: {0} is not in {1} for profile {2} (refresh the list?).', values.clusterArn, scope.region, scope.profile);
  else {
    const blocked = prerequisiteError(option);
    if (blocked) errors.clusterArn = blocked;
  }
  return errors;
}

export type MskMultiVpcSession = FormSession<MskMultiVpcForm, MskMultiVpcInit> & { options(): MskClusterOption[] };

export function startMskMultiVpcSession(ctx: FormContext): MskMultiVpcSession {
  const { scope } = ctx;
  let options: MskClusterOption[] = [];
  // The cluster and policy read right before building: their CurrentVersion values go in the plan.
  const fresh = new Map<string, MskCluster>();
  return {
    options: () => options,
    async loadInit(): Promise<MskMultiVpcInit> {
      const problems: string[] = [];
      const clusters = await ctx.deps.aws().listMskClusters(scope).catch((err: unknown) => {
        problems.push(`MSK clusters: ${describeAwsError(err, { service: 'kafka', operation: 'ListClustersV2' }).text}`);
        return [] as MskCluster[];
      });
      options = clusters.map((c) => clusterOption(c, scope.region)).sort((a, b) => a.name.localeCompare(b.name));
      const { preset, note } = mskPreset(ctx.node, options);
      if (note) problems.unshift(note);
      return {
        profile: scope.profile, region: scope.region, clickpipesAccount: CLICKPIPES_ACCOUNT_ID, clusters: options, preset,
        loadError: problems.length ? problems.join(' ') : undefined,
      };
    },
    validate: (values) => checkMskForm(values, scope, options),
    async checkRemote(values): Promise<FormErrors> {
      const aws = ctx.deps.aws();
      let cluster: MskCluster;
      try {
        const [described, policy] = await Promise.all([aws.describeMskCluster(scope, values.clusterArn), aws.getMskClusterPolicy(scope, values.clusterArn)]);
        cluster = { ...described, policy };
      } catch (err) {
        return { clusterArn: l10n.t('Could not read the cluster and its policy (DescribeClusterV2, GetClusterPolicy): {0}', describeAwsError(err, { service: 'kafka' }).text) };
      }
      // The cluster may have changed since the list was read (UPDATING, auth turned off…).
      const option = clusterOption(cluster, scope.region);
      options = options.map((o) => (o.arn === option.arn ? option : o));
      const blocked = prerequisiteError(option);
      if (blocked) return { clusterArn: blocked };
      const auth = validateMskAuthSelection(values.auth, cluster.auth);
      if (auth) return { auth };
      fresh.set(cluster.arn, cluster);
      return {};
    },
    build(values, buildCtx): Plan {
      const cluster = fresh.get(values.clusterArn);
      if (!cluster) throw new Error(l10n.t('The cluster was not read right before building the plan; submit again.'));
      return buildMskMultiVpcPlan({
        clusterArn: cluster.arn,
        auth: { iam: values.auth.iam, scram: values.auth.scram, tls: Boolean(values.auth.tls) },
        clickpipesAuth: values.auth.iam && values.auth.scram ? values.clickpipesAuth : undefined,
        clusterAuth: cluster.auth,
        cluster: { arn: cluster.arn, currentVersion: cluster.currentVersion, multiVpc: cluster.multiVpc, policy: cluster.policy ?? null },
      }, buildCtx);
    },
  };
}

export const mskMultiVpcForm: FormDefinition<MskMultiVpcForm, MskMultiVpcInit> = {
  viewType: 'clickpipes.form.mskMultiVpc',
  title: l10n.t('ClickPipes: MSK multi-VPC endpoint'),
  app: 'mskMultiVpc',
  planPrefix: 'msk',
  offersClickhouseEndpoint: true,
  initNotification: MskMultiVpcInitNotification,
  submitCommand: SubmitMskMultiVpcCommand,
  start: startMskMultiVpcSession,
};
