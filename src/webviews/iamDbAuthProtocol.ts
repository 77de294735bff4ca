// Messages of the IAM DB auth form (kept apart from protocol.ts so two people can add forms
// without editing one file). Guards check SHAPE only (types, enums, lengths); the rules are
// validateForm('iamDbAuth', …) in src/model/validation.ts, run on both sides.
import type { IamDbAuthForm } from '../model/forms';
import { IpcCommand, IpcNotification, IpcRequest, isRecord } from './protocol';

/** A database the form can target: what the page shows; the host keeps the facts it trusts. */
export type IamDbOption = {
  /** `instance:<id>` or `cluster:<id>`: the select's value. */
  key: string;
  label: string;
  kind: 'instance' | 'cluster';
  id: string;
  resourceId: string;
  engine: string;
  status: string;
  iamAuth: boolean;
  /** Why it cannot be chosen (an engine ClickPipes IAM auth does not support). */
  disabledReason?: string;
};

export type IamDbAuthInit = {
  profile: string;
  region: string;
  /** From STS; undefined when it could not be read (the host fills it again on submit). */
  account?: string;
  databases: IamDbOption[];
  /** Values implied by the node the form was opened from. */
  preset: Partial<IamDbAuthForm>;
  /** Where the ClickHouse service role ARN comes from, shown under its field. */
  roleArnHelp: string;
  loadError?: string;
};

export const IamDbAuthInitNotification = new IpcNotification<IamDbAuthInit>('iamDbAuth/init');

/** What GetRole says about a role name: free, taken with the same trust (reused), or taken otherwise. */
export type RoleNameCheck = { state: 'free' | 'reuse' | 'conflict' | 'unknown'; message?: string };

export const CheckRoleNameRequest = new IpcRequest<{ roleName: string; clickhouseRoleArn: string }, RoleNameCheck>(
  'iamDbAuth/checkRoleName',
  (v): v is { roleName: string; clickhouseRoleArn: string } =>
    isRecord(v) && Object.keys(v).every((k) => k === 'roleName' || k === 'clickhouseRoleArn') &&
    typeof v.roleName === 'string' && v.roleName.length <= 128 && typeof v.clickhouseRoleArn === 'string' && v.clickhouseRoleArn.length <= 2048,
);

const FORM_KEYS: readonly (keyof IamDbAuthForm)[] = [
  'databaseKind', 'databaseId', 'resourceId', 'engine', 'region', 'account', 'clickhouseRoleArn', 'dbUser', 'roleName', 'enableIamAuth',
];

const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** Shape only; resourceId/engine/region/account are overwritten on the host from what AWS said. */
export function isIamDbAuthForm(v: unknown): v is IamDbAuthForm {
  if (!isRecord(v) || !Object.keys(v).every((k) => (FORM_KEYS as readonly string[]).includes(k))) return false;
  return (
    (v.databaseKind === 'instance' || v.databaseKind === 'cluster') &&
    text(v.databaseId, 128) && text(v.resourceId, 128) && text(v.engine, 64) && text(v.region, 64) && text(v.account, 32) &&
    text(v.clickhouseRoleArn, 2048) && text(v.dbUser, 128) && text(v.roleName, 128) && typeof v.enableIamAuth === 'boolean'
  );
}

export const SubmitIamDbAuthCommand = new IpcCommand<{ values: IamDbAuthForm }>(
  'iamDbAuth/submit',
  (v): v is { values: IamDbAuthForm } => isRecord(v) && Object.keys(v).every((k) => k === 'values') && isIamDbAuthForm(v.values),
);
