// ClickHouse Cloud side, pure: the reverse-private-endpoint (RPE) shapes of the OpenAPI, field
// validation, the create body built from a finished AWS plan, what each status means, and the
// address a ClickPipe connects to (DNS name + the source's port). No `vscode`, no network.
import { CLICKPIPES_PRINCIPAL_ARN, type MskAuthentication, type ReversePrivateEndpointType } from './clickpipes';
import { CLICKPIPES_REGIONS_SOURCE, clickPipesRegionsFor } from './clickpipesRegions';
import type { Plan } from './plan';
import { isAwaitingAction, isTransitional, statusIcon, type StatusIcon } from './status';
import { t } from './text';

export type { MskAuthentication, ReversePrivateEndpointType } from './clickpipes';

export const RPE_TYPES: readonly ReversePrivateEndpointType[] = ['VPC_RESOURCE', 'MSK_MULTI_VPC', 'VPC_ENDPOINT_SERVICE'];
export const MSK_AUTHENTICATIONS: readonly MskAuthentication[] = ['SASL_IAM', 'SASL_SCRAM'];
export const RPE_STATUSES = [
  'Unknown', 'Provisioning', 'Deleting', 'Ready', 'Failed', 'PendingAcceptance', 'Rejected', 'Expired',
] as const;
export type RpeStatus = (typeof RPE_STATUSES)[number];
export const MAX_DESCRIPTION_LENGTH = 255;

/** OpenAPI Organization (the fields this extension reads). */
export type ChOrganization = { id: string; name: string; createdAt?: string };

/** OpenAPI Service (the fields this extension reads). */
export type ChService = { id: string; name: string; provider: string; region: string; state?: string; iamRole?: string; createdAt?: string };

/** OpenAPI ClickPipeReversePrivateEndpoint. */
export type ReversePrivateEndpoint = {
  id: string;
  serviceId: string;
  description: string;
  type: ReversePrivateEndpointType | string;
  status: RpeStatus | string;
  endpointId?: string;
  dnsNames: string[];
  privateDnsNames: string[];
  vpcEndpointServiceName?: string;
  vpcResourceConfigurationId?: string;
  vpcResourceShareArn?: string;
  mskClusterArn?: string;
  mskAuthentication?: MskAuthentication | string;
};

export type CreateRpeBody = {
  description: string;
  type: ReversePrivateEndpointType;
  vpcEndpointServiceName?: string;
  vpcResourceConfigurationId?: string;
  vpcResourceShareArn?: string;
  mskClusterArn?: string;
  mskAuthentication?: MskAuthentication;
};

// ---- field validation (each returns an error message, or undefined when valid) ---------------
// Shared by the input boxes (validateInput), the reviewed JSON document and the emulator.

const RCFG_ID = /^rcfg-[0-9a-z]{8,32}$/;
const RAM_SHARE_ARN = /^arn:aws[\w-]*:ram:([a-z0-9-]+):(\d{12}):resource-share\/[\w-]+$/;
const MSK_CLUSTER_ARN = /^arn:aws[\w-]*:kafka:([a-z0-9-]+):(\d{12}):cluster\/[\w-]+\/[\w-]+$/;
const ENDPOINT_SERVICE_NAME = /^com\.amazonaws\.vpce\.([a-z0-9-]+)\.vpce-svc-[0-9a-z]{8,17}$/;

export function validateDescription(value: string | undefined): string | undefined {
  if (!value || !value.trim()) return t('A description is required.');
  if (value.length > MAX_DESCRIPTION_LENGTH) return t('The description is {0} characters; the limit is {1}.', value.length, MAX_DESCRIPTION_LENGTH);
  return undefined;
}

export function validateResourceConfigurationId(value: string | undefined): string | undefined {
  if (!value) return t('The resource configuration ID is required (rcfg-…).');
  return RCFG_ID.test(value) ? undefined : t('"{0}" is not a resource configuration ID (rcfg- followed by 17 characters).', value);
}

export function validateResourceShareArn(value: string | undefined): string | undefined {
  if (!value) return t('The resource share ARN is required (arn:aws:ram:<region>:<account>:resource-share/…).');
  return RAM_SHARE_ARN.test(value) ? undefined : t('"{0}" is not a RAM resource share ARN.', value);
}

export function validateMskClusterArn(value: string | undefined): string | undefined {
  if (!value) return t('The MSK cluster ARN is required (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>).');
  return MSK_CLUSTER_ARN.test(value) ? undefined : t('"{0}" is not an MSK cluster ARN.', value);
}

export function validateMskAuthentication(value: string | undefined): string | undefined {
  return MSK_AUTHENTICATIONS.includes(value as MskAuthentication) ? undefined : t('The MSK authentication must be SASL_IAM or SASL_SCRAM.');
}

export function validateEndpointServiceName(value: string | undefined): string | undefined {
  if (!value) return t('The endpoint service name is required (com.amazonaws.vpce.<region>.vpce-svc-…).');
  return ENDPOINT_SERVICE_NAME.test(value) ? undefined : t('"{0}" is not a VPC endpoint service name (com.amazonaws.vpce.<region>.vpce-svc-…).', value);
}

/** Every problem with a create body, keyed by field; empty when the body can be sent. */
export function validateCreateBody(body: Partial<Record<keyof CreateRpeBody, unknown>>): Record<string, string> {
  const errors: Record<string, string> = {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const put = (field: string, message: string | undefined) => { if (message) errors[field] = message; };
  put('description', validateDescription(str(body.description)));
  switch (body.type) {
    case 'VPC_RESOURCE':
      put('vpcResourceConfigurationId', validateResourceConfigurationId(str(body.vpcResourceConfigurationId)));
      put('vpcResourceShareArn', validateResourceShareArn(str(body.vpcResourceShareArn)));
      break;
    case 'MSK_MULTI_VPC':
      put('mskClusterArn', validateMskClusterArn(str(body.mskClusterArn)));
      put('mskAuthentication', validateMskAuthentication(str(body.mskAuthentication)));
      break;
    case 'VPC_ENDPOINT_SERVICE':
      put('vpcEndpointServiceName', validateEndpointServiceName(str(body.vpcEndpointServiceName)));
      break;
    default:
      errors.type = t('The type must be one of {0}.', RPE_TYPES.join(', '));
  }
  return errors;
}

/** Only the fields that belong to the type, so a reviewed document never sends stray ones. */
export function buildCreateBody(input: CreateRpeBody): CreateRpeBody {
  const base = { description: input.description.trim(), type: input.type };
  switch (input.type) {
    case 'VPC_RESOURCE':
      return { ...base, vpcResourceConfigurationId: input.vpcResourceConfigurationId, vpcResourceShareArn: input.vpcResourceShareArn };
    case 'MSK_MULTI_VPC':
      return { ...base, mskClusterArn: input.mskClusterArn, mskAuthentication: input.mskAuthentication };
    case 'VPC_ENDPOINT_SERVICE':
      return { ...base, vpcEndpointServiceName: input.vpcEndpointServiceName };
  }
}

/** Parse a reviewed JSON document into a body, or the reasons it cannot be sent. */
export function parseCreateBody(text: string): { body: CreateRpeBody } | { errors: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { errors: [t('The document is not valid JSON: {0}', (e as Error).message)] };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { errors: [t('The document must be a JSON object.')] };
  const errors = validateCreateBody(parsed as Record<string, unknown>);
  if (Object.keys(errors).length) return { errors: Object.entries(errors).map(([f, m]) => `${f}: ${m}`) };
  return { body: buildCreateBody(parsed as CreateRpeBody) };
}

// ---- from a finished AWS plan -------------------------------------------------------------------

/**
 * The endpoint a plan leads to, or undefined: not for other kinds, not for a teardown (it removes
 * access) and not when the plan already creates the endpoint itself.
 */
export function rpeTypeForPlan(plan: Pick<Plan, 'kind'> & Partial<Pick<Plan, 'meta' | 'steps'>>): ReversePrivateEndpointType | undefined {
  if (plan.meta?.teardown === 'true' || plan.steps?.some((s) => s.service === 'clickhouse')) return undefined;
  switch (plan.kind) {
    case 'vpcResource': return 'VPC_RESOURCE';
    case 'mskMultiVpc': return 'MSK_MULTI_VPC';
    case 'endpointService': return 'VPC_ENDPOINT_SERVICE';
    default: return undefined;
  }
}

/**
 * The values a plan produced, recognised by their shape rather than by the label a builder gave
 * them ("Resource configuration ID", "rcfg id"…), so a relabelled result still works.
 */
export function valuesFromResults(results: Record<string, string>): Partial<CreateRpeBody> {
  const out: Partial<CreateRpeBody> = {};
  for (const [label, raw] of Object.entries(results)) {
    const value = String(raw ?? '').trim();
    if (RCFG_ID.test(value)) out.vpcResourceConfigurationId ??= value;
    else if (RAM_SHARE_ARN.test(value)) out.vpcResourceShareArn ??= value;
    else if (MSK_CLUSTER_ARN.test(value)) out.mskClusterArn ??= value;
    else if (ENDPOINT_SERVICE_NAME.test(value)) out.vpcEndpointServiceName ??= value;
    else if (MSK_AUTHENTICATIONS.includes(value as MskAuthentication)) out.mskAuthentication ??= value as MskAuthentication;
    else if (/auth/i.test(label) && /iam/i.test(value)) out.mskAuthentication ??= 'SASL_IAM';
    else if (/auth/i.test(label) && /scram/i.test(value)) out.mskAuthentication ??= 'SASL_SCRAM';
  }
  return out;
}

export function defaultDescription(type: ReversePrivateEndpointType, title: string): string {
  const text = `ClickPipes ${type} — ${title}`.replace(/\s+/g, ' ').trim();
  return text.length > MAX_DESCRIPTION_LENGTH ? text.slice(0, MAX_DESCRIPTION_LENGTH) : text;
}

/**
 * The create body for a finished plan, from its resolved results (outputs substituted). Returns
 * the problems instead when the plan is not an endpoint plan or lacks a value.
 */
export function bodyFromPlan(
  plan: Pick<Plan, 'kind' | 'title'> & Partial<Pick<Plan, 'meta' | 'steps'>>,
  resolvedResults: Record<string, string>,
  /** What the user chose where the plan is silent (e.g. the MSK auth type). */
  overrides: Partial<CreateRpeBody> = {},
): { body: CreateRpeBody } | { errors: string[] } {
  const type = rpeTypeForPlan(plan);
  if (!type) return { errors: [t('A {0} plan does not lead to a new reverse private endpoint.', plan.kind)] };
  const values = valuesFromResults(resolvedResults);
  const candidate = { description: defaultDescription(type, plan.title), ...values, ...overrides, type };
  const errors = validateCreateBody(candidate);
  if (Object.keys(errors).length) return { errors: Object.values(errors) };
  return { body: buildCreateBody(candidate as CreateRpeBody) };
}

/** The AWS region of the endpoint the body points at (from the ARN or service name). */
export function endpointRegion(body: Partial<CreateRpeBody>): string | undefined {
  const m =
    (body.vpcResourceShareArn && RAM_SHARE_ARN.exec(body.vpcResourceShareArn)) ||
    (body.mskClusterArn && MSK_CLUSTER_ARN.exec(body.mskClusterArn)) ||
    (body.vpcEndpointServiceName && ENDPOINT_SERVICE_NAME.exec(body.vpcEndpointServiceName));
  return m ? m[1] : undefined;
}

/** Only a VPC endpoint service can be reached across regions (with SupportedRegions). */
export function isSameRegionOnly(type: ReversePrivateEndpointType | string): boolean {
  return type === 'VPC_RESOURCE' || type === 'MSK_MULTI_VPC';
}

/**
 * How the endpoint's AWS region relates to the ClickPipes region that serves the service, per
 * ClickHouse's static-IPs page (see clickpipesRegions.ts): 'yes' it is that region, 'maybe' it is
 * one of two (the service's creation date decides), 'no' it is not.
 */
export function servesRegion(service: Pick<ChService, 'region' | 'createdAt'>, awsRegion: string): 'yes' | 'maybe' | 'no' {
  const regions = clickPipesRegionsFor(service.region, service.createdAt);
  if (!regions.includes(awsRegion)) return 'no';
  return regions.length === 1 ? 'yes' : 'maybe';
}

/**
 * A note when the endpoint's region may not be where ClickPipes runs for the service. The
 * ClickPipes region comes from ClickHouse's docs, dated; nothing here promises a failure.
 */
export function regionWarning(
  type: ReversePrivateEndpointType,
  awsRegion: string | undefined,
  service: Pick<ChService, 'name' | 'region' | 'provider' | 'createdAt'>,
): string | undefined {
  if (service.provider && service.provider.toLowerCase() !== 'aws') {
    return t('The service "{0}" runs on {1}; AWS reverse private endpoints need an AWS service.', service.name, service.provider);
  }
  if (!awsRegion) return undefined;
  const served = servesRegion(service, awsRegion);
  if (served === 'yes') return undefined;
  const regions = clickPipesRegionsFor(service.region, service.createdAt).join(t(' or '));
  const docs = t('Per ClickHouse docs as of {0} ({1}), ClickPipes for the service "{2}" ({3}) runs in {4}.',
    CLICKPIPES_REGIONS_SOURCE.asOf, CLICKPIPES_REGIONS_SOURCE.url, service.name, service.region, regions);
  if (served === 'maybe') return `${docs} ${t('Which one depends on when the service was created; the endpoint is in {0}.', awsRegion)}`;
  if (isSameRegionOnly(type)) {
    return `${docs} ${t('The endpoint is in {0}, and ClickHouse docs say {1} endpoints are same-region only (no cross-region connections).', awsRegion, type)}`;
  }
  return `${docs} ${t('The endpoint service is in {0}: cross-region works only when {1} is in its supported regions.', awsRegion, regions)}`;
}

// ---- status ---------------------------------------------------------------------------------------

/** Worth polling: ClickHouse is moving it (Provisioning, Deleting). */
export function isRpeInTransition(status: string | undefined): boolean {
  return isTransitional('reversePrivateEndpoint', status);
}

/** Waits on a person: the endpoint service owner must accept the connection. */
export function isRpeAwaitingAcceptance(status: string | undefined): boolean {
  return isAwaitingAction('reversePrivateEndpoint', status);
}

export function rpeStatusIcon(status: string | undefined): StatusIcon {
  return statusIcon('reversePrivateEndpoint', status);
}

/** What a status means for the user and what to do next (shown in tooltips and notifications). */
export function explainRpeStatus(status: string | undefined, type?: string): string {
  switch (status) {
    case 'Ready':
      return t('Ready: the ClickPipe can connect to the DNS name (append the source port).');
    case 'Provisioning':
      return t('Provisioning: ClickHouse Cloud is creating the endpoint; this usually takes a few minutes.');
    case 'Deleting':
      return t('Deleting: ClickHouse Cloud is removing the endpoint.');
    case 'PendingAcceptance':
      return t(
        'Pending acceptance: the VPC endpoint service requires acceptance. Accept the pending connection from the ClickPipes account on the endpoint service (AcceptVpcEndpointConnections), or allow {0} and turn acceptance off. Unaccepted endpoints are cleaned up after 1 day.',
        CLICKPIPES_PRINCIPAL_ARN);
    case 'Failed':
      return type === 'VPC_RESOURCE'
        ? t('Failed: ClickHouse Cloud could not create the endpoint (check the RAM share names 072088201116, the resource configuration is ACTIVE, and each gateway subnet has a free /28). Failed endpoints are cleaned up after 7 days; delete it and create a new one.')
        : type === 'MSK_MULTI_VPC'
          ? t('Failed: ClickHouse Cloud could not create the endpoint (check multi-VPC connectivity is on for this auth type and the cluster policy allows 072088201116). Failed endpoints are cleaned up after 7 days; delete it and create a new one.')
          : t('Failed: ClickHouse Cloud could not create the endpoint (check the endpoint service allows arn:aws:iam::072088201116:root and is Available). Failed endpoints are cleaned up after 7 days; delete it and create a new one.');
    case 'Rejected':
      return t('Rejected: the endpoint service owner rejected the connection. Delete this endpoint and create a new one after allowing the ClickPipes account. Cleaned up after 1 day.');
    case 'Expired':
      return t('Expired: the connection request was not accepted in time. Delete it and create a new one.');
    default:
      return t('Status {0}: ClickHouse Cloud has not reported a known status yet.', status ?? 'Unknown');
  }
}

// ---- connection address -----------------------------------------------------------------------------

export type SourceKind = 'postgres' | 'mysql' | 'mariadb' | 'kafka';
export const SOURCE_PORTS: Readonly<Record<Exclude<SourceKind, 'kafka'>, number>> = { postgres: 5432, mysql: 3306, mariadb: 3306 };
/** First port of MSK multi-VPC broker connections (one per broker from here) [UNCONFIRMED in AWS docs]. */
export const MSK_MULTI_VPC_FIRST_PORT = 14001;

/** The source is known for MSK only; database endpoints need the user (or the plan) to say. */
export function knownSource(rpe: Pick<ReversePrivateEndpoint, 'type'>): SourceKind | undefined {
  return rpe.type === 'MSK_MULTI_VPC' ? 'kafka' : undefined;
}

export function hostWithPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * What a ClickPipe connects to. Databases: the first DNS name + the source port (the API returns
 * names without a port). Kafka: the multi-VPC bootstrap string, one broker per DNS name with its
 * own port from 14001 — unless MSK's own bootstrap string is known (GetBootstrapBrokers), which wins.
 */
export function connectionAddress(
  rpe: Pick<ReversePrivateEndpoint, 'dnsNames' | 'privateDnsNames'>,
  source: SourceKind | number,
  mskBootstrap?: string,
): string | undefined {
  if (source === 'kafka') {
    if (mskBootstrap) return mskBootstrap;
    const brokers = rpe.dnsNames.length ? rpe.dnsNames : rpe.privateDnsNames;
    return brokers.length ? brokers.map((h, i) => hostWithPort(h, MSK_MULTI_VPC_FIRST_PORT + i)).join(',') : undefined;
  }
  const host = rpe.privateDnsNames[0] ?? rpe.dnsNames[0];
  if (!host) return undefined;
  const port = typeof source === 'number' ? source : SOURCE_PORTS[source];
  return hostWithPort(host, port);
}

export function isValidPort(value: string): boolean {
  const n = Number(value);
  return /^\d+$/.test(value) && n >= 1 && n <= 65535;
}

/** A one-line description of an RPE for the tree: the type in words plus the endpoint id. */
export function rpeTypeLabel(type: string): string {
  switch (type) {
    case 'VPC_RESOURCE': return t('VPC resource');
    case 'MSK_MULTI_VPC': return t('MSK multi-VPC');
    case 'VPC_ENDPOINT_SERVICE': return t('VPC endpoint service');
    case 'GCP_PSC_SERVICE_ATTACHMENT': return 'GCP PSC';
    default: return type;
  }
}

/** Normalise an API object (missing arrays are common in beta APIs) into the model. */
export function toReversePrivateEndpoint(raw: Record<string, any>): ReversePrivateEndpoint {
  return {
    id: String(raw.id ?? ''),
    serviceId: String(raw.serviceId ?? ''),
    description: String(raw.description ?? ''),
    type: String(raw.type ?? ''),
    status: String(raw.status ?? 'Unknown'),
    endpointId: raw.endpointId ?? undefined,
    dnsNames: Array.isArray(raw.dnsNames) ? raw.dnsNames.map(String) : [],
    privateDnsNames: Array.isArray(raw.privateDnsNames) ? raw.privateDnsNames.map(String) : [],
    vpcEndpointServiceName: raw.vpcEndpointServiceName ?? undefined,
    vpcResourceConfigurationId: raw.vpcResourceConfigurationId ?? undefined,
    vpcResourceShareArn: raw.vpcResourceShareArn ?? undefined,
    mskClusterArn: raw.mskClusterArn ?? undefined,
    mskAuthentication: raw.mskAuthentication ?? undefined,
  };
}

/** Substitute `${steps.<id>.<name>}` in plan result templates; unresolved ones are left out. */
export function resolveResultTemplates(
  results: Record<string, string>,
  outputs: Record<string, Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [label, template] of Object.entries(results ?? {})) {
    let missing = false;
    const value = String(template).replace(/\$\{steps\.([^.}]+)\.([^}]+)\}/g, (_, step: string, name: string) => {
      const v = outputs?.[step]?.[name];
      if (v === undefined) missing = true;
      return v ?? '';
    });
    if (!missing) out[label] = value;
  }
  return out;
}
