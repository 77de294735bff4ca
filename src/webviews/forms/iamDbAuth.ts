// The IAM DB auth form, host side: the databases to pick (RDS instances and Aurora clusters; their
// resource id, engine, region and account come from AWS, never from what the page sends), the
// role-name check through GetRole (free / same trust → reused / different trust → refused), the
// host-side validation and H4's builder. Shared by the webview form and the QuickPick.
import { l10n } from '../../l10n';
import type { Scope } from '../../aws/api';
import { buildIamDbAuthPlan } from '../../model/builders';
import { DEFAULT_DB_USER, engineFamily } from '../../model/clickpipes';
import type { IamDbAuthForm } from '../../model/forms';
import type { Plan } from '../../model/plan';
import { trustPolicy } from '../../model/policies';
import type { Database, Role } from '../../model/resources';
import { validateForm, validateIamRoleArn, validateRoleName, type FormErrors } from '../../model/validation';
import { describeAwsError } from '../../plans/failure';
import { differentTrustMessage, sameTrust } from '../../model/iamDbAuthTrust';
import {
  CheckRoleNameRequest, IamDbAuthInitNotification, SubmitIamDbAuthCommand, type IamDbAuthInit, type IamDbOption, type RoleNameCheck,
} from '../iamDbAuthProtocol';
import type { FormContext, FormDefinition, FormSession, NodeLike } from './index';

export const CLICKHOUSE_ROLE_HELP =
  l10n.t('ClickHouse Cloud → your service → Settings → Network security information → Service role ID (IAM). It looks like arn:aws:iam::<account>:role/<name>.');

export const ENABLE_IAM_WARNING =
  l10n.t('Enabling IAM authentication calls ModifyDB… with ApplyImmediately: the change is made now, not in the next maintenance window, and the database shows "modifying" for a few minutes. Password sign-in keeps working.');

export const optionKey = (kind: 'instance' | 'cluster', id: string) => `${kind}:${id}`;

/**
 * Clusters and standalone instances: IAM auth on Aurora is a cluster setting and rds-db:connect
 * names the cluster's resource id, so Aurora member instances are reached through their cluster.
 */
export function iamDbOptions(dbs: readonly Database[]): IamDbOption[] {
  return dbs
    .filter((d) => d.kind === 'cluster' || !d.clusterId)
    .map((d) => {
      const supported = engineFamily(d.engine) !== undefined;
      return {
        key: optionKey(d.kind, d.id),
        label: l10n.t('{0} {1} ({2}, {3}, IAM auth {4})', d.kind === 'cluster' ? 'Aurora cluster' : 'RDS instance', d.id, d.engine, d.status, d.iamAuth ? 'on' : 'off'),
        kind: d.kind,
        id: d.id,
        resourceId: d.resourceId,
        engine: d.engine,
        status: d.status,
        iamAuth: d.iamAuth,
        disabledReason: supported ? undefined : l10n.t('Engine {0} is not supported by ClickPipes IAM authentication (postgres, aurora-postgresql, mysql, aurora-mysql, mariadb).', d.engine),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** A valid IAM role name derived from the database id (a suggestion the user may change). */
export function suggestRoleName(databaseId: string): string {
  const cleaned = databaseId.replace(/[^\w+=,.@-]+/g, '-');
  return `clickpipes-iam-${cleaned}`.slice(0, 64);
}

/** Values implied by the node the form was opened from (a database, or an Aurora member instance). */
export function iamDbPreset(node: NodeLike, options: readonly IamDbOption[]): { preset: Partial<IamDbAuthForm>; note?: string } {
  const r = node?.resource ?? {};
  if (node?.type !== 'database' || typeof r.id !== 'string') return { preset: {} };
  const kind = r.kind === 'cluster' ? 'cluster' : 'instance';
  // An Aurora member instance: its cluster is what IAM auth and the policy are about.
  const target = kind === 'instance' && typeof r.clusterId === 'string'
    ? options.find((o) => o.kind === 'cluster' && o.id === r.clusterId)
    : options.find((o) => o.kind === kind && o.id === r.id);
  if (!target) return { preset: {}, note: l10n.t('{0} is not in the list of databases this form can use.', r.id) };
  if (target.disabledReason) return { preset: {}, note: target.disabledReason };
  return {
    preset: { databaseKind: target.kind, databaseId: target.id, roleName: suggestRoleName(target.id), enableIamAuth: !target.iamAuth },
    note: target.id !== r.id ? l10n.t('{0} is a member of Aurora cluster {1}: IAM authentication is set on the cluster, so the form uses the cluster.', r.id, target.id) : undefined,
  };
}

/**
 * The values with every fact about the database taken from the host's own list, plus the errors
 * of the whole form (the same validators as the page, and the checks that need that list).
 */
export function checkIamDbAuth(values: IamDbAuthForm, scope: Scope, account: string | undefined, options: readonly IamDbOption[]): { values: IamDbAuthForm; errors: FormErrors; option?: IamDbOption } {
  const option = options.find((o) => o.kind === values.databaseKind && o.id === values.databaseId);
  const filled: IamDbAuthForm = {
    ...values,
    resourceId: option?.resourceId ?? '',
    engine: option?.engine ?? '',
    region: scope.region,
    account: account ?? '',
  };
  const errors: FormErrors = {};
  if (!values.databaseId) errors.databaseId = l10n.t('Database: choose an RDS instance or an Aurora cluster.');
  else if (!option) errors.databaseId = l10n.t('Database: {0} {1} is not in {2} for profile {3} (refresh the list?).', values.databaseKind, values.databaseId, scope.region, scope.profile);
  else if (option.disabledReason) errors.databaseId = option.disabledReason;
  else if (values.enableIamAuth && !option.iamAuth && option.status !== 'available') {
    // RDS refuses ModifyDB… unless the database is available (InvalidDBInstanceState).
    errors.databaseId = l10n.t('Database: {0} is {1}; RDS only changes IAM authentication on an available database. Wait until it is available.', option.id, option.status);
  }
  const all = validateForm('iamDbAuth', filled);
  // Without a database there is no engine: say so once, at the database field.
  if (errors.databaseId) delete all.dbUser;
  delete all.resourceId;
  if (all.account) all.account = l10n.t('Account: could not read the account of profile {0} (STS GetCallerIdentity). {1}', scope.profile, all.account);
  return { values: filled, errors: { ...all, ...errors }, option };
}

/** What GetRole's answer means for the chosen name and ClickHouse role. */
export function roleNameState(roleName: string, clickhouseRoleArn: string, role: Role | undefined): RoleNameCheck {
  if (!role) return { state: 'free' };
  if (role.trustPolicy && sameTrust(trustPolicy(clickhouseRoleArn), role.trustPolicy)) {
    return { state: 'reuse', message: l10n.t('IAM role {0} already exists and trusts this ClickHouse role: it will be reused and gets an rds-db:connect policy for this database (policies for other databases stay).', roleName) };
  }
  return { state: 'conflict', message: differentTrustMessage(roleName, role.trustPolicy ?? '') };
}

export type IamDbAuthSession = FormSession<IamDbAuthForm, IamDbAuthInit> & {
  checkRoleName(roleName: string, clickhouseRoleArn: string): Promise<RoleNameCheck>;
};

export function startIamDbAuthSession(ctx: FormContext): IamDbAuthSession {
  const { scope } = ctx;
  let options: IamDbOption[] = [];
  let account: string | undefined;
  const reuse = new Set<string>();

  const checkRoleName = async (roleName: string, clickhouseRoleArn: string): Promise<RoleNameCheck> => {
    // Bad input is answered here, without an AWS call.
    const bad = validateRoleName(roleName) ?? validateIamRoleArn(clickhouseRoleArn, l10n.t('ClickHouse service role ARN'));
    if (bad) return { state: 'unknown', message: bad };
    try {
      const result = roleNameState(roleName, clickhouseRoleArn, await ctx.deps.aws().getRole(scope.profile, roleName));
      if (result.state === 'reuse') reuse.add(roleName);
      else reuse.delete(roleName);
      return result;
    } catch (err) {
      // Not allowed to read roles: the apply checks again (skipIf) before it creates anything.
      return { state: 'unknown', message: l10n.t('Could not check the name (IAM GetRole): {0}', describeAwsError(err, { service: 'iam', operation: 'GetRole' }).text) };
    }
  };

  return {
    checkRoleName,
    async loadInit(): Promise<IamDbAuthInit> {
      const aws = ctx.deps.aws();
      const problems: string[] = [];
      const [dbs, identity] = await Promise.all([
        aws.listDatabases(scope).catch((err: unknown) => {
          problems.push(`Databases: ${describeAwsError(err, { service: 'rds', operation: 'DescribeDBInstances' }).text}`);
          return [] as Database[];
        }),
        aws.callerIdentity(scope.profile).catch((err: unknown) => {
          problems.push(`Account: ${describeAwsError(err, { service: 'sts', operation: 'GetCallerIdentity' }).text}`);
          return undefined;
        }),
      ]);
      options = iamDbOptions(dbs);
      account = identity?.account;
      const { preset, note } = iamDbPreset(ctx.node, options);
      if (note) problems.unshift(note);
      return {
        profile: scope.profile,
        region: scope.region,
        account,
        databases: options,
        preset: { dbUser: DEFAULT_DB_USER, ...preset },
        roleArnHelp: CLICKHOUSE_ROLE_HELP,
        loadError: problems.length ? problems.join(' ') : undefined,
      };
    },
    register(host) {
      host.handle(CheckRoleNameRequest, ({ roleName, clickhouseRoleArn }) => checkRoleName(roleName, clickhouseRoleArn));
    },
    validate(values) {
      return checkIamDbAuth(values, scope, account, options).errors;
    },
    async checkRemote(values): Promise<FormErrors> {
      const result = await checkRoleName(values.roleName, values.clickhouseRoleArn);
      return result.state === 'conflict' ? { roleName: result.message ?? l10n.t('The role name is taken.') } : {};
    },
    build(values, buildCtx): Plan {
      const { values: filled, option } = checkIamDbAuth(values, scope, account, options);
      const plan = buildIamDbAuthPlan({ ...filled, iamAuthEnabled: option?.iamAuth }, buildCtx);
      if (reuse.has(filled.roleName)) {
        plan.warnings.unshift(`IAM role ${filled.roleName} already exists and trusts ${filled.clickhouseRoleArn}: CreateRole is skipped and the role is reused.`);
      }
      return plan;
    },
  };
}

export const iamDbAuthForm: FormDefinition<IamDbAuthForm, IamDbAuthInit> = {
  viewType: 'clickpipes.form.iamDbAuth',
  title: l10n.t('ClickPipes: IAM DB authentication'),
  app: 'iamDbAuth',
  planPrefix: 'iamdb',
  initNotification: IamDbAuthInitNotification,
  submitCommand: SubmitIamDbAuthCommand,
  start: startIamDbAuthSession,
};
