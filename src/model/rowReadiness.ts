// The verdict of an explorer row, decided from what was loaded together with its list (never from
// what a hover loads later), so a row's icon cannot change when a person points at it. Each fact a
// check needs comes in as loaded, failed (its error) or absent; a check that cannot be decided says
// so with an 'unknown' finding and the reason, and never passes by default.
import {
  configurationReadiness, gatewayReadiness, mskReadiness, regionReadiness, shareReadiness, worstLevel, type Finding,
} from './readiness';
import { t } from './text';
import type { Database, MskCluster, ResourceConfiguration, ResourceGateway, ResourceShare, Subnet } from './resources';

/** A fact loaded with a list: its value, or the error that kept it from loading. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

const unknown = (message: string): Finding => ({ level: 'unknown', message });
const regionProblems = (region: string) => regionReadiness(region).filter((f) => f.level !== 'ok');

/** Subnet sizes need the gateway's subnets (DescribeSubnets, loaded with the gateway list). */
export function gatewayVerdict(gateway: ResourceGateway, region: string, subnets: Loaded<Subnet[]> | undefined): Finding[] {
  const findings: Finding[] = [];
  if (!subnets) findings.push(unknown(t('Subnets not read: free addresses are unknown.')));
  else if (!subnets.ok) findings.push(unknown(t('Subnets could not be read ({0}): free addresses are unknown.', subnets.error)));
  else {
    const missing = gateway.subnetIds.filter((id) => !subnets.value.some((s) => s.id === id));
    findings.push(...gatewayReadiness(gateway, subnets.value));
    if (missing.length) findings.push(unknown(t('Subnet {0} was not found in the gateway VPC.', missing.join(', '))));
  }
  return [...findings, ...regionProblems(region)];
}

export type ConfigurationFacts = {
  shares?: Loaded<ResourceShare[]>;
  databases?: Loaded<Database[]>;
};

/**
 * ListResourceConfigurations has no definition: an ARN configuration's target (and whether it is
 * public) is unknown until one GetResourceConfiguration. The target matters only when some
 * database in the region is publicly accessible (otherwise no target can be public).
 */
function targetUndecided(configuration: ResourceConfiguration, databases: readonly Database[]): boolean {
  return configuration.type === 'ARN' && !configuration.definition && databases.some((d) => d.publiclyAccessible);
}

/** One Get is worth it only when the target may decide the icon: not when the row shows an error anyway. */
export function configurationNeedsTarget(configuration: ResourceConfiguration, region: string, facts: ConfigurationFacts): boolean {
  if (!facts.databases?.ok || !targetUndecided(configuration, facts.databases.value)) return false;
  return worstLevel(configurationVerdict(configuration, region, facts)) !== 'error';
}

export function configurationVerdict(configuration: ResourceConfiguration, region: string, facts: ConfigurationFacts): Finding[] {
  const findings: Finding[] = [];
  const { shares, databases } = facts;
  if (configuration.type === 'ARN' && (!databases || !databases.ok)) {
    findings.push(...configurationReadiness({ ...configuration, definition: undefined }).filter((f) => f.level !== 'ok'));
    findings.push(unknown(databases
      ? t('Databases could not be read ({0}): whether the target is public is unknown.', databases.error)
      : t('Databases not read: whether the target is public is unknown.')));
  } else if (databases?.ok && targetUndecided(configuration, databases.value)) {
    findings.push(...configurationReadiness(configuration).filter((f) => f.level !== 'ok'));
    findings.push(unknown(t('Target not read: whether it is publicly accessible is unknown.')));
  } else {
    findings.push(...configurationReadiness(configuration, databases?.ok ? databases.value : []));
  }
  if (!shares) findings.push(unknown(t('Resource shares not read: whether ClickPipes can use it is unknown.')));
  else if (!shares.ok) findings.push(unknown(t('Resource shares could not be read ({0}): whether ClickPipes can use it is unknown.', shares.error)));
  else {
    const holder = shares.value.find((s) => s.resources.some((r) => r.arn === configuration.arn));
    if (holder) findings.push(...shareReadiness(holder, configuration.arn).map((f) => ({ ...f, message: t('Share {0}: {1}', holder.name, f.message) })));
    else findings.push({ level: 'warning', message: t('No resource share holds this configuration: ClickPipes cannot use it yet.') });
  }
  return [...findings, ...regionProblems(region)];
}

/**
 * The cluster policy (one GetClusterPolicy each) decides the icon only when everything else about
 * the cluster is ready (multi-VPC on, version, brokers, auth, ACTIVE, region): otherwise the row
 * already shows a problem the policy cannot change.
 */
export function mskNeedsPolicy(cluster: MskCluster, region: string): boolean {
  if (cluster.policy !== undefined) return false;
  return worstLevel([...mskReadiness(cluster), ...regionProblems(region)]) === 'ok';
}

export function mskVerdict(cluster: MskCluster, region: string, policyError?: string): Finding[] {
  const findings = mskReadiness(cluster);
  if (cluster.policy === undefined && cluster.clusterType.toUpperCase() !== 'SERVERLESS') {
    // Without the policy, "ready" would be a guess: drop it and say what is missing.
    const rest = findings.filter((f) => f.level !== 'ok');
    rest.push(unknown(policyError
      ? t('The cluster policy could not be read ({0}): whether ClickPipes may connect is unknown.', policyError)
      : t('Cluster policy not read: it is read once multi-VPC connectivity is on.')));
    return [...rest, ...regionProblems(region)];
  }
  return [...findings, ...regionProblems(region)];
}
