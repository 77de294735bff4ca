// The one message protocol between the extension host and every webview, shared by both bundles
// (no `vscode`, no DOM, no node imports). Shaped like GitLens' IPC: a message type is a constant
// that carries its method name and, for inbound messages, a guard for its params.
//   IpcCommand<P>     webview → host, fire and forget        (validated on the host)
//   IpcRequest<P, R>  webview → host, answered by ReplyNotification with the same id
//   IpcNotification<P> host → webview
// The host never trusts the webview: parseInbound() rejects unknown methods and malformed params,
// and the host logs and drops them. The webview posts nothing before it has sent `core/ready`,
// and the host posts nothing before it has received it.
import type { L10nBundle } from '../l10nFormat';
import type { ConfigurationType, VpcResourceForm } from '../model/forms';
import type { ResultState } from '../model/plan';

// ---------------------------------------------------------------------------------------------
// Message types

export type Guard<T> = (value: unknown) => value is T;

export class IpcCommand<P> {
  readonly kind = 'command' as const;
  constructor(readonly method: string, readonly isParams: Guard<P>) {}
}

export class IpcRequest<P, R> {
  readonly kind = 'request' as const;
  /** Phantom field: carries the response type for typed replies. */
  readonly _response?: R;
  constructor(readonly method: string, readonly isParams: Guard<P>) {}
}

export class IpcNotification<P> {
  readonly kind = 'notification' as const;
  /** Phantom field: carries the params type. */
  readonly _params?: P;
  constructor(readonly method: string) {}
}

/** What travels through postMessage in either direction. */
export type IpcMessage = { id?: string; method: string; params?: unknown };

export type ParamsOf<T> = T extends IpcCommand<infer P> ? P : T extends IpcRequest<infer P, unknown> ? P : T extends IpcNotification<infer P> ? P : never;
export type ResponseOf<T> = T extends IpcRequest<unknown, infer R> ? R : never;

// ---------------------------------------------------------------------------------------------
// Small guards (hand-written: no schema library in the browser bundle)

const MAX_TEXT = 2048;
const MAX_LIST = 50;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const optText = (v: unknown, max = MAX_TEXT) => v === undefined || isText(v, max);
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_LIST && v.every((x) => isText(x, 256));
const optTextList = (v: unknown) => v === undefined || isTextList(v);
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
const noParams: Guard<undefined> = (v): v is undefined => v === undefined || (isRecord(v) && Object.keys(v).length === 0);
/** Only the listed keys: an unexpected key is a sign of a confused or hostile sender. */
const onlyKeys = (v: Record<string, unknown>, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));

// ---------------------------------------------------------------------------------------------
// Core: handshake, replies, errors — every webview

export type ReplyParams = { ok: true; result: unknown } | { ok: false; error: string };

export const ReadyCommand = new IpcCommand<undefined>('core/ready', noParams);
/** Answer to an IpcRequest; `id` on the message matches the request's id. */
export const ReplyNotification = new IpcNotification<ReplyParams>('core/reply');
/** Something went wrong on the host that the webview should show (not a field error). */
export const ErrorNotification = new IpcNotification<{ message: string }>('core/error');

// ---------------------------------------------------------------------------------------------
// Localization: the translation bundle (vscode.l10n.bundle; absent in English) is not a message.
// The host embeds it in the page as a JSON data block (src/webviews/html.ts), so the page's t()
// (app/_client.ts) has it synchronously, before its first render: no English flash while a
// message is on its way, no ordering rule in the ready queue, and nothing to resend on each
// reload after the page was hidden (the display language only changes with a restart). A data
// block is never executed, so the CSP stays as strict as it is.

export const L10N_BUNDLE_ID = 'l10n-bundle';
const MAX_BUNDLE_ENTRIES = 5000;

export const isL10nBundle = (v: unknown): v is L10nBundle =>
  isRecord(v) && Object.keys(v).length <= MAX_BUNDLE_ENTRIES && Object.values(v).every((x) => isText(x, 4 * MAX_TEXT));

/** The page side: the embedded bundle, or undefined (English) when there is none or it is malformed. */
export function parseL10nBundle(text: string | null | undefined): L10nBundle | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isL10nBundle(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Forms (shared by every form webview)

export type FormErrors = Record<string, string>;
export const FormErrorsNotification = new IpcNotification<{ errors: FormErrors }>('form/errors');
/** The host turned the form into a plan and opened the review tabs. */
export const FormSubmittedNotification = new IpcNotification<{ planTitle: string; planUri: string }>('form/submitted');
export const FormCancelCommand = new IpcCommand<undefined>('form/cancel', noParams);
/**
 * The ClickHouse Cloud services the AWS forms may also create the ClickPipes endpoint in (sent
 * only when signed in; none → the option stays hidden). `value` is what the page sends back.
 */
export type ClickhouseServiceChoice = { value: string; label: string };
export const FormClickhouseServicesNotification = new IpcNotification<{ services: ClickhouseServiceChoice[] }>('form/clickhouseServices');
/** The page's choice: a service's value, or '' for "do not create it". */
export const FormClickhouseTargetCommand = new IpcCommand<{ service: string }>('form/clickhouseTarget',
  (v): v is { service: string } => isRecord(v) && onlyKeys(v, ['service']) && isText(v.service, 512));

// ---------------------------------------------------------------------------------------------
// The VPC-resource form

export type Option = { value: string; label: string; detail?: string; disabled?: boolean; reason?: string };

export type SubnetOption = {
  id: string;
  label: string;
  availabilityZone: string;
  cidr: string;
  free: number;
  /** ClickHouse recommends at least /26 per gateway subnet. */
  atLeastSlash26: boolean;
  /** Each endpoint needs 16 consecutive addresses (/28) per subnet. */
  freeSlash28: 'yes' | 'maybe' | 'no';
};

export type VpcOption = { id: string; label: string; cidrs: string[] };
export type GatewayOption = { id: string; name: string; vpcId?: string; status: string };
export type DatabaseOption = { arn: string; label: string; kind: 'instance' | 'cluster'; engine: string; port?: number; publiclyAccessible: boolean };

export type VpcResourceInit = {
  profile: string;
  region: string;
  /** Set when the region is not one ClickPipes runs in. */
  regionWarning?: string;
  clickpipesAccount: string;
  vpcs: VpcOption[];
  gateways: GatewayOption[];
  groups: Option[];
  databases: DatabaseOption[];
  /** Values chosen by where the form was opened from (a gateway node, a database node). */
  preset: Partial<VpcResourceForm>;
  /** A lookup failed: the form still works with typed values. */
  loadError?: string;
};

export const VpcResourceInitNotification = new IpcNotification<VpcResourceInit>('vpcResource/init');

export type VpcDetails = { subnets: SubnetOption[]; securityGroups: Option[]; cidrs: string[] };
export const LoadVpcRequest = new IpcRequest<{ vpcId: string }, VpcDetails>(
  'vpcResource/loadVpc',
  (v): v is { vpcId: string } => isRecord(v) && onlyKeys(v, ['vpcId']) && isText(v.vpcId, 64) && /^vpc-[0-9a-f]{1,32}$/.test(v.vpcId),
);

const CONFIGURATION_TYPES: readonly ConfigurationType[] = ['SINGLE', 'GROUP', 'CHILD', 'ARN'];
const FORM_KEYS: readonly (keyof VpcResourceForm)[] = [
  'gatewayMode', 'gatewayId', 'gatewayName', 'vpcId', 'subnetIds', 'securityGroupIds', 'ipAddressType', 'configurationName',
  'configurationType', 'groupId', 'definitionKind', 'arn', 'ipAddress', 'domainName', 'portRanges', 'protocol', 'shareName',
  'allowExternalPrincipals', 'vpcCidrs',
];

/** Shape only (types, lengths, enums); the rules themselves are validateForm's (src/model/formValidation.ts), run after. */
export function isVpcResourceForm(v: unknown): v is VpcResourceForm {
  if (!isRecord(v) || !onlyKeys(v, FORM_KEYS)) return false;
  return (
    oneOf(['new', 'existing'] as const)(v.gatewayMode) &&
    optText(v.gatewayId, 2048) && optText(v.gatewayName, 256) && optText(v.vpcId, 64) &&
    optTextList(v.subnetIds) && optTextList(v.securityGroupIds) &&
    (v.ipAddressType === undefined || oneOf(['IPV4', 'IPV6', 'DUALSTACK'] as const)(v.ipAddressType)) &&
    isText(v.configurationName, 256) && oneOf(CONFIGURATION_TYPES)(v.configurationType) &&
    optText(v.groupId, 2048) &&
    (v.definitionKind === undefined || oneOf(['arn', 'ip', 'dns'] as const)(v.definitionKind)) &&
    optText(v.arn, 2048) && optText(v.ipAddress, 64) && optText(v.domainName, 255) &&
    optTextList(v.portRanges) && (v.protocol === undefined || v.protocol === 'TCP') &&
    isText(v.shareName, 256) && optBool(v.allowExternalPrincipals) && optTextList(v.vpcCidrs)
  );
}

export const SubmitVpcResourceCommand = new IpcCommand<{ values: VpcResourceForm }>(
  'vpcResource/submit',
  (v): v is { values: VpcResourceForm } => isRecord(v) && onlyKeys(v, ['values']) && isVpcResourceForm(v.values),
);

// ---------------------------------------------------------------------------------------------
// The apply result view

export type { ResultItem, ResultState } from '../model/plan';

export const ResultNotification = new IpcNotification<ResultState>('result/show');
export const CopyCommand = new IpcCommand<{ label: string; value: string }>(
  'result/copy',
  (v): v is { label: string; value: string } => isRecord(v) && onlyKeys(v, ['label', 'value']) && isText(v.label, 200) && isText(v.value, 4096),
);
export const RetryApplyCommand = new IpcCommand<{ planId: string }>(
  'result/retry',
  (v): v is { planId: string } => isRecord(v) && onlyKeys(v, ['planId']) && isText(v.planId, 200) && /^[A-Za-z0-9_.:-]+$/.test(v.planId),
);

// ---------------------------------------------------------------------------------------------
// Inbound validation (host side)

export type Inbound = IpcCommand<never> | IpcRequest<never, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyInbound = IpcCommand<any> | IpcRequest<any, any>;

export type ParsedInbound = { ok: true; type: AnyInbound; id?: string; params: unknown } | { ok: false; reason: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Accepts a raw postMessage payload only if it is one of `accepted` with valid params (and, for
 * a request, a sane id). Everything else is rejected with a reason for the log.
 */
export function parseInbound(raw: unknown, accepted: readonly AnyInbound[]): ParsedInbound {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  if (!onlyKeys(raw, ['id', 'method', 'params'])) return { ok: false, reason: 'unexpected keys' };
  if (typeof raw.method !== 'string' || raw.method.length > 100) return { ok: false, reason: 'no method' };
  const type = accepted.find((t) => t.method === raw.method);
  if (!type) return { ok: false, reason: `unknown method ${raw.method.slice(0, 100)}` };
  if (type.kind === 'request') {
    if (typeof raw.id !== 'string' || !ID.test(raw.id)) return { ok: false, reason: `${type.method}: request without a valid id` };
  } else if (raw.id !== undefined) {
    return { ok: false, reason: `${type.method}: a command carries no id` };
  }
  if (!type.isParams(raw.params)) return { ok: false, reason: `${type.method}: malformed params` };
  return { ok: true, type, id: raw.id as string | undefined, params: raw.params };
}
