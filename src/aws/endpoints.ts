// The endpoint a profile configures for a service, by the SDK's own rules
// (AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > `[services x]` section > profile endpoint_url,
// all off when ignore_configured_endpoint_urls / AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true).
//
// Why this exists: the SDK's own lookup (@smithy/core endpoints, getEndpointFromConfig) calls
// loadConfig WITHOUT the client's `profile`, so it only ever reads AWS_PROFILE / `default`.
// A client for any other profile would silently go to real AWS. We resolve with the profile
// here and hand the result to the client as `endpoint` (and turn the SDK's lookup off), using
// the same loader, selectors and precedence; nothing here knows about the emulator.
import { booleanSelector, loadConfig, SelectorType } from '@smithy/core/config';

/** SDK serviceId per client (dist-cjs `serviceId ?? "…"`); env/config keys derive from it. */
export const SERVICE_IDS = {
  'vpc-lattice': 'VPC Lattice', ram: 'RAM', kafka: 'Kafka', ec2: 'EC2', iam: 'IAM', sts: 'STS', rds: 'RDS',
  elbv2: 'Elastic Load Balancing v2', secretsmanager: 'Secrets Manager', sso: 'SSO',
} as const;

type Section = Record<string, string | undefined>;

function endpointSelectors(serviceId: string) {
  const upper = serviceId.split(' ').map((w) => w.toUpperCase()).join('_');
  const lower = serviceId.split(' ').map((w) => w.toLowerCase()).join('_');
  return {
    environmentVariableSelector: (env: Record<string, string | undefined>) =>
      env[`AWS_ENDPOINT_URL_${upper}`] || env.AWS_ENDPOINT_URL || undefined,
    configFileSelector: (profile: Section, config?: Record<string, Section>) => {
      if (profile.services) {
        const section = config?.[`services.${profile.services}`];
        const url = section?.[`${lower}.endpoint_url`];
        if (url) return url;
      }
      return profile.endpoint_url || undefined;
    },
    default: undefined as string | undefined,
  };
}

const ignoreSelectors = {
  environmentVariableSelector: (env: Record<string, string | undefined>) =>
    booleanSelector(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', SelectorType.ENV),
  configFileSelector: (profile: Section) => booleanSelector(profile, 'ignore_configured_endpoint_urls', SelectorType.CONFIG),
  default: false,
};

/**
 * `fresh` re-reads the config files; otherwise the SDK's in-process copy of them is used (the
 * client cache reads them fresh once per generation, then reuses that read for its other clients).
 */
export async function configuredEndpoint(profile: string | undefined, serviceId: string, fresh = true): Promise<string | undefined> {
  const init = { profile, ignoreCache: fresh };
  if (await loadConfig(ignoreSelectors, init)()) return undefined;
  return loadConfig(endpointSelectors(serviceId), init)();
}
