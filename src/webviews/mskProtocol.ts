// Messages of the MSK multi-VPC form (apart from protocol.ts so several people can add forms
// without editing one file). Guards check SHAPE only (types, lengths); the rules are
// validateForm('mskMultiVpc', …) in src/model/validation.ts, run on both sides, and the facts
// about a cluster (its auth types, prerequisites) always come from the host's own list.
import type { MskMultiVpcForm } from '../model/forms';
import { IpcCommand, IpcNotification, isRecord } from './protocol';

export type MskPrerequisiteId = 'provisioned' | 'kafkaVersion' | 'authentication' | 'instanceType' | 'active' | 'region';

/** One multi-VPC prerequisite (AWS mvpc-requirements), checked against the cluster as read. */
export type MskPrerequisite = { id: MskPrerequisiteId; label: string; ok: boolean; detail: string };

export type MskAuthFlags = { iam: boolean; scram: boolean; tls: boolean };

export type MskClusterOption = {
  arn: string;
  name: string;
  /** e.g. "orders-events (Kafka 3.6.0, kafka.m5.large, ACTIVE)". */
  label: string;
  state: string;
  /** Client authentication enabled on the cluster: only these can be enabled for multi-VPC. */
  auth: MskAuthFlags;
  /** Already enabled for multi-VPC connectivity. */
  multiVpc: MskAuthFlags;
  prerequisites: MskPrerequisite[];
};

/**
 * The auth types a cluster starts with in the form: what is already on for multi-VPC stays on,
 * plus SASL/IAM when the cluster has it (ClickPipes' usual choice), else SASL/SCRAM.
 */
export function defaultAuth(o: Pick<MskClusterOption, 'auth' | 'multiVpc'>): MskMultiVpcForm['auth'] {
  return { iam: o.auth.iam || o.multiVpc.iam, scram: (!o.auth.iam && o.auth.scram) || o.multiVpc.scram, tls: o.multiVpc.tls };
}

export type MskMultiVpcInit = {
  profile: string;
  region: string;
  clickpipesAccount: string;
  clusters: MskClusterOption[];
  /** Values implied by the node the form was opened from. */
  preset: Partial<MskMultiVpcForm>;
  loadError?: string;
};

export const MskMultiVpcInitNotification = new IpcNotification<MskMultiVpcInit>('mskMultiVpc/init');

const FORM_KEYS = ['clusterArn', 'auth', 'clusterAuth', 'clickpipesAuth'];
const AUTH_KEYS = ['iam', 'scram', 'tls', 'unauthenticated'];

function isAuth(v: unknown, required: readonly string[]): boolean {
  return isRecord(v) && Object.keys(v).every((k) => AUTH_KEYS.includes(k)) &&
    required.every((k) => typeof v[k] === 'boolean') && Object.values(v).every((x) => x === undefined || typeof x === 'boolean');
}

/** Shape only; clusterAuth is replaced on the host by what AWS said about the cluster. */
export function isMskMultiVpcForm(v: unknown): v is MskMultiVpcForm {
  if (!isRecord(v) || !Object.keys(v).every((k) => FORM_KEYS.includes(k))) return false;
  return typeof v.clusterArn === 'string' && v.clusterArn.length <= 2048 &&
    isAuth(v.auth, ['iam', 'scram']) && (v.clusterAuth === undefined || isAuth(v.clusterAuth, [])) &&
    (v.clickpipesAuth === undefined || v.clickpipesAuth === 'SASL_IAM' || v.clickpipesAuth === 'SASL_SCRAM');
}

export const SubmitMskMultiVpcCommand = new IpcCommand<{ values: MskMultiVpcForm }>(
  'mskMultiVpc/submit',
  (v): v is { values: MskMultiVpcForm } => isRecord(v) && Object.keys(v).every((k) => k === 'values') && isMskMultiVpcForm(v.values),
);
