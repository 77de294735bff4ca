// Messages of the VPC endpoint service form (apart from protocol.ts so several people can add
// forms without editing one file). Guards check SHAPE only (types, enums, lengths); the rules are
// validateForm('endpointService', …) in src/model/validation.ts, run on both sides, and the facts
// about load balancers (type, region) always come from the host's own ELBv2 list.
import type { EndpointServiceForm } from '../model/forms';
import { IpcCommand, IpcNotification, isRecord } from './protocol';

/** A load balancer the page lists: only network ones can be chosen, the others say why not. */
export type LoadBalancerOption = {
  arn: string;
  name: string;
  /** e.g. "pg-proxy-nlb (network, internal, active, vpc-…)". */
  label: string;
  type: string;
  state: string;
  /** Why it cannot be chosen (an application or gateway load balancer). */
  disabledReason?: string;
  /** Worth knowing but not blocking: not active yet, already behind another endpoint service. */
  note?: string;
  /** The endpoint service (id) this load balancer already fronts, if any. */
  usedByService?: string;
};

export type RegionChoice = { code: string; name: string };

export type EndpointServiceInit = {
  profile: string;
  region: string;
  /** Set when the service's own region is not one ClickPipes runs in. */
  regionWarning?: string;
  clickpipesPrincipal: string;
  loadBalancers: LoadBalancerOption[];
  /** ClickPipes regions other than the service's own: the cross-region choices. */
  clickpipesRegions: RegionChoice[];
  /** Values implied by where the form was opened from. */
  preset: Partial<EndpointServiceForm>;
  loadError?: string;
};

export const EndpointServiceInitNotification = new IpcNotification<EndpointServiceInit>('endpointService/init');

const FORM_KEYS: readonly (keyof EndpointServiceForm)[] = [
  'mode', 'serviceId', 'networkLoadBalancerArns', 'acceptanceRequired', 'privateDnsName', 'supportedRegions', 'region',
];

const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const optText = (v: unknown, max: number) => v === undefined || text(v, max);
const optList = (v: unknown, maxItems: number, maxLength: number) =>
  v === undefined || (Array.isArray(v) && v.length <= maxItems && v.every((x) => text(x, maxLength)));

/** Shape only; `region` is replaced on the host by the scope the form was opened for. */
export function isEndpointServiceForm(v: unknown): v is EndpointServiceForm {
  if (!isRecord(v) || !Object.keys(v).every((k) => (FORM_KEYS as readonly string[]).includes(k))) return false;
  return (
    (v.mode === 'new' || v.mode === 'existing') &&
    optText(v.serviceId, 64) &&
    optList(v.networkLoadBalancerArns, 20, 2048) &&
    (v.acceptanceRequired === undefined || typeof v.acceptanceRequired === 'boolean') &&
    optText(v.privateDnsName, 255) &&
    optList(v.supportedRegions, 50, 64) &&
    optText(v.region, 64)
  );
}

export const SubmitEndpointServiceCommand = new IpcCommand<{ values: EndpointServiceForm }>(
  'endpointService/submit',
  (v): v is { values: EndpointServiceForm } => isRecord(v) && Object.keys(v).every((k) => k === 'values') && isEndpointServiceForm(v.values),
);
