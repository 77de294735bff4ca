// The VPC endpoint service form, host side: the load balancers to pick (ELBv2; only network ones
// can front an endpoint service, the others are listed disabled with the reason), the ClickPipes
// regions for cross-region access, the host-side validation (the page's validators again, plus
// the checks that need the ELBv2 list) and the pure plan builder (src/model/builders). Shared by the webview and the QuickPick.
import { l10n } from '../../l10n';
import type { Scope } from '../../aws/api';
import { buildEndpointServicePlan } from '../../model/builders';
import { CLICKPIPES_PRINCIPAL_ARN, CLICKPIPES_REGIONS, isClickPipesRegion, regionDisplayName } from '../../model/clickpipes';
import type { EndpointServiceForm } from '../../model/forms';
import type { Plan } from '../../model/plan';
import type { EndpointService, LoadBalancer } from '../../model/resources';
import { validateForm, type FormErrors } from '../../model/formValidation';
import { describeAwsError } from '../../aws/errors';
import {
  EndpointServiceInitNotification, SubmitEndpointServiceCommand, type EndpointServiceInit, type LoadBalancerOption, type RegionChoice,
} from '../endpointServiceProtocol';
import type { FormContext, FormDefinition, FormSession, NodeLike } from './index';

/**
 * "A Network Load Balancer can be associated with a single endpoint service" (PrivateLink guide,
 * "Create an endpoint service", Considerations): one already behind a service cannot front a new
 * one; ClickPipes can be allowed on that service instead.
 */
function inUseReason(lb: LoadBalancer, serviceId: string): string {
  return l10n.t('{0} already fronts endpoint service {1}, and AWS associates a Network Load Balancer with a single endpoint service: right-click {1} → Allow ClickPipes on Endpoint Service… instead.', lb.name, serviceId);
}

/** Why a load balancer that is not a network one cannot front the service (whole sentences, for translators). */
function notNetworkReason(lb: LoadBalancer): string {
  if (lb.type === 'application') return l10n.t('{0} is an Application Load Balancer: a VPC endpoint service for ClickPipes needs a Network Load Balancer.', lb.name);
  if (lb.type === 'gateway') return l10n.t('{0} is a Gateway Load Balancer: a VPC endpoint service for ClickPipes needs a Network Load Balancer.', lb.name);
  return l10n.t('{0} is a {1} load balancer: a VPC endpoint service for ClickPipes needs a Network Load Balancer.', lb.name, lb.type);
}

/**
 * Every load balancer, network ones first. Endpoint services for ClickPipes sit on Network Load
 * Balancers; showing the others disabled tells the user why their ALB is not offered.
 */
export function loadBalancerOptions(lbs: readonly LoadBalancer[], services: readonly EndpointService[] = []): LoadBalancerOption[] {
  const usedBy = new Map<string, string>();
  for (const s of services) for (const arn of s.networkLoadBalancerArns) usedBy.set(arn, s.id);
  return lbs
    .map((lb): LoadBalancerOption => {
      const network = lb.type === 'network';
      const notes: string[] = [];
      if (network && lb.state !== 'active') notes.push(l10n.t('state {0}: the service becomes usable once the load balancer is active', lb.state));
      const used = usedBy.get(lb.arn);
      return {
        arn: lb.arn,
        name: lb.name,
        label: `${lb.name} (${lb.type}, ${lb.scheme || l10n.t('scheme unknown')}, ${lb.state}${lb.vpcId ? `, ${lb.vpcId}` : ''})`,
        type: lb.type,
        state: lb.state,
        disabledReason: !network ? notNetworkReason(lb) : used ? inUseReason(lb, used) : undefined,
        note: notes.length ? notes.join('; ') : undefined,
        usedByService: used,
      };
    })
    .sort((a, b) => Number(!!a.disabledReason) - Number(!!b.disabledReason) || a.name.localeCompare(b.name));
}


/** ClickPipes regions other than the service's own (its own region is always supported). */
export function clickpipesRegionChoices(ownRegion: string): RegionChoice[] {
  return CLICKPIPES_REGIONS.filter((r) => r !== ownRegion).map((code) => ({ code, name: regionDisplayName(code) }));
}

export function endpointServiceRegionWarning(region: string): string | undefined {
  return isClickPipesRegion(region)
    ? undefined
    : l10n.t('{0} ({1}) is not a ClickPipes region: choose at least one ClickPipes region under "Supported regions" so ClickPipes can connect across regions.', region, regionDisplayName(region));
}

/** ClickPipes can reach the service: it runs in the service's region, or in a supported one. */
export function clickPipesCanReach(region: string, supportedRegions: readonly string[] | undefined): boolean {
  return isClickPipesRegion(region) || (supportedRegions ?? []).some(isClickPipesRegion);
}

/** Values implied by the node the form was opened from (a load balancer from a picker). */
export function endpointServicePreset(node: NodeLike, options: readonly LoadBalancerOption[]): { preset: Partial<EndpointServiceForm>; note?: string } {
  const arn = node?.resource?.arn;
  if (typeof arn !== 'string' || !arn.includes(':loadbalancer/')) return { preset: {} };
  const option = options.find((o) => o.arn === arn);
  if (!option) return { preset: {}, note: l10n.t('Load balancer {0} is not in this region for this profile.', arn) };
  if (option.disabledReason) return { preset: {}, note: option.disabledReason };
  return { preset: { networkLoadBalancerArns: [arn] } };
}

/**
 * The errors of the whole form: the page's validators (with the scope's region, whatever the page
 * said) plus what needs the ELBv2 list: each chosen ARN must be a network load balancer we saw.
 */
export function checkEndpointService(values: EndpointServiceForm, scope: Scope, options: readonly LoadBalancerOption[] | undefined): { values: EndpointServiceForm; errors: FormErrors } {
  const filled: EndpointServiceForm = { ...values, region: scope.region };
  const errors = validateForm('endpointService', filled);
  if (values.mode !== 'existing' && !errors.networkLoadBalancerArns && options) {
    for (const arn of values.networkLoadBalancerArns ?? []) {
      const option = options.find((o) => o.arn === arn);
      if (!option) {
        errors.networkLoadBalancerArns = l10n.t('Network Load Balancers: {0} is not in {1} for profile {2} (refresh the list?).', arn, scope.region, scope.profile);
        break;
      }
      if (option.disabledReason) {
        errors.networkLoadBalancerArns = option.disabledReason;
        break;
      }
    }
  }
  return { values: filled, errors };
}

export type EndpointServiceSession = FormSession<EndpointServiceForm, EndpointServiceInit>;

export function startEndpointServiceSession(ctx: FormContext): EndpointServiceSession {
  const { scope } = ctx;
  // undefined until (and unless) ELBv2 answered: then the host cannot second-guess the ARNs.
  let options: LoadBalancerOption[] | undefined;
  return {
    async loadInit(): Promise<EndpointServiceInit> {
      const aws = ctx.deps.aws();
      const problems: string[] = [];
      const [lbs, services] = await Promise.all([
        aws.listLoadBalancers(scope).catch((err: unknown) => {
          problems.push(l10n.t('Load balancers: {0}', describeAwsError(err, { service: 'elbv2', operation: 'DescribeLoadBalancers' }).text));
          return undefined;
        }),
        // Only to say which NLBs already front a service; the form works without it.
        aws.listEndpointServices(scope).catch(() => [] as EndpointService[]),
      ]);
      options = lbs ? loadBalancerOptions(lbs, services) : undefined;
      const { preset, note } = endpointServicePreset(ctx.node, options ?? []);
      if (note) problems.unshift(note);
      return {
        profile: scope.profile,
        region: scope.region,
        regionWarning: endpointServiceRegionWarning(scope.region),
        clickpipesPrincipal: CLICKPIPES_PRINCIPAL_ARN,
        loadBalancers: options ?? [],
        clickpipesRegions: clickpipesRegionChoices(scope.region),
        preset: { mode: 'new', acceptanceRequired: true, ...preset },
        loadError: problems.length ? problems.join(' ') : undefined,
      };
    },
    validate(values) {
      return checkEndpointService(values, scope, options).errors;
    },
    build(values, buildCtx): Plan {
      return buildEndpointServicePlan(checkEndpointService(values, scope, options).values, buildCtx);
    },
  };
}

export const endpointServiceForm: FormDefinition<EndpointServiceForm, EndpointServiceInit> = {
  viewType: 'clickpipes.form.endpointService',
  title: l10n.t('ClickPipes: VPC endpoint service'),
  app: 'endpointService',
  planPrefix: 'vpcesvc',
  offersClickhouseEndpoint: true,
  initNotification: EndpointServiceInitNotification,
  submitCommand: SubmitEndpointServiceCommand,
  start: startEndpointServiceSession,
};
