// "Will ClickPipes be able to use this?" — pure checks over the resource models, shown as a
// warning icon and tooltip lines in the tree and as prerequisites in the guided flows.
import { parseRdsArn } from './arn';
import { freeSlash28Estimate, isAtLeastSlash26 } from './cidr';
import {
  CLICKPIPES_ACCOUNT_ID, CLICKPIPES_PRINCIPAL_ARN, MSK_MULTI_VPC_MIN_KAFKA, MSK_UNSUPPORTED_INSTANCE_TYPE, engineFamily, isClickPipesRegion,
} from './clickpipes';
import { PolicyParseError, clickPipesAllowStatements, missingMskActions, parsePolicy } from './policies';
import { isAwaitingAction } from './status';
import { t } from './text';
import type {
  Database, EndpointService, MskCluster, ResourceConfiguration, ResourceGateway, ResourceShare, Subnet,
} from './resources';

/** 'unknown': a fact the check needs could not be read, so the check cannot pass or fail. */
export type ReadinessLevel = 'ok' | 'unknown' | 'warning' | 'error';
export type Finding = { level: ReadinessLevel; message: string };

const ok = (message: string): Finding => ({ level: 'ok', message });
const warning = (message: string): Finding => ({ level: 'warning', message });
const error = (message: string): Finding => ({ level: 'error', message });

/** The worst level among findings ('ok' when there are none); a known problem outranks an unknown. */
export function worstLevel(findings: readonly Finding[]): ReadinessLevel {
  if (findings.some((f) => f.level === 'error')) return 'error';
  if (findings.some((f) => f.level === 'warning')) return 'warning';
  if (findings.some((f) => f.level === 'unknown')) return 'unknown';
  return 'ok';
}

/** Compares dotted numeric versions ('2.8.2.tiered' reads as 2.8.2); negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => v.split('.').map((p) => parseInt(p, 10)).filter((n) => !Number.isNaN(n));
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * VPC resource and MSK multi-VPC endpoints must be in a ClickPipes region. Endpoint services may
 * be elsewhere when one of their supported (cross-region) regions is a ClickPipes region.
 */
export function regionReadiness(region: string, supportedRegions?: readonly string[]): Finding[] {
  if (isClickPipesRegion(region)) return [ok(t('{0} is a ClickPipes region.', region))];
  if (supportedRegions) {
    const reachable = supportedRegions.filter(isClickPipesRegion);
    if (reachable.length) return [ok(t('{0} is not a ClickPipes region, but the service is offered cross-region to {1}.', region, reachable.join(', ')))];
    return [error(t('{0} is not a ClickPipes region: add a ClickPipes region (e.g. us-east-1) to the service\'s supported regions.', region))];
  }
  return [error(t('{0} is not a ClickPipes region; ClickPipes cannot reach this endpoint type across regions.', region))];
}

const LIVE_ASSOCIATION = new Set(['ASSOCIATED', 'ASSOCIATING']);

/** A share for ClickPipes names account 072088201116 and the configuration, and allows external principals. */
export function shareReadiness(share: ResourceShare, configurationArn?: string): Finding[] {
  const findings: Finding[] = [];
  const principal = share.principals.find((p) => p.id === CLICKPIPES_ACCOUNT_ID || p.id === CLICKPIPES_PRINCIPAL_ARN);
  if (!principal || !LIVE_ASSOCIATION.has(principal.status.toUpperCase())) {
    findings.push(error(principal
      ? t('Not shared with ClickPipes: principal {0} is {1}.', CLICKPIPES_ACCOUNT_ID, principal.status.toLowerCase())
      : t('Not shared with ClickPipes: principal {0} is missing.', CLICKPIPES_ACCOUNT_ID)));
  } else {
    findings.push(ok(t('Shared with ClickPipes ({0}).', CLICKPIPES_ACCOUNT_ID)));
  }
  if (!share.allowExternalPrincipals) findings.push(error(t('External principals are not allowed, so the ClickPipes account cannot accept the share.')));
  const configs = share.resources.filter((r) => r.arn.includes(':resourceconfiguration/'));
  if (configurationArn) {
    const entry = share.resources.find((r) => r.arn === configurationArn);
    if (!entry || !LIVE_ASSOCIATION.has(entry.status.toUpperCase())) findings.push(error(t('The share does not include this resource configuration.')));
  } else if (configs.length === 0) {
    findings.push(error(t('The share contains no resource configuration.')));
  } else if (configs.length > 1) {
    findings.push(warning(t('The share holds several resource configurations; ClickPipes uses one share per reverse private endpoint.')));
  }
  return findings;
}

/** Gateway subnets: ≥ /26 recommended, and each needs a free /28 per reverse private endpoint. */
export function gatewayReadiness(gateway: ResourceGateway, subnets: readonly Subnet[]): Finding[] {
  const findings: Finding[] = [];
  for (const id of gateway.subnetIds) {
    const subnet = subnets.find((s) => s.id === id);
    if (!subnet) continue;
    if (!isAtLeastSlash26(subnet.cidrBlock)) {
      findings.push(warning(t('Subnet {0} ({1}) is smaller than the recommended /26.', id, subnet.cidrBlock)));
    }
    const estimate = freeSlash28Estimate(subnet.cidrBlock, subnet.availableIpAddressCount);
    if (estimate === 'no') {
      findings.push(error(t('Subnet {0} has no free /28 block ({1} free addresses); a reverse private endpoint will fail.', id, subnet.availableIpAddressCount)));
    } else if (estimate === 'maybe') {
      findings.push(warning(t('Subnet {0} may lack a free /28 block: {1} addresses are free but possibly scattered.', id, subnet.availableIpAddressCount)));
    }
  }
  if (findings.length === 0 && gateway.subnetIds.length) findings.push(ok(t('Subnets have room for reverse private endpoints.')));
  return findings;
}

/** True when the target, or any instance of a target Aurora cluster, is publicly accessible. */
function publicTarget(arn: string, databases: readonly Database[]): Database | undefined {
  const target = databases.find((d) => d.arn === arn);
  if (target?.publiclyAccessible) return target;
  const parsed = parseRdsArn(arn);
  if (parsed?.kind === 'cluster') {
    const id = target?.id ?? parsed.id;
    return databases.find((d) => d.kind === 'instance' && d.clusterId === id && d.publiclyAccessible);
  }
  return undefined;
}

export function configurationReadiness(configuration: ResourceConfiguration, databases: readonly Database[] = []): Finding[] {
  const findings: Finding[] = [];
  if (configuration.failureReason) findings.push(error(t('Configuration failed: {0}', configuration.failureReason)));
  const def = configuration.definition;
  if (def?.kind === 'arn') {
    const target = publicTarget(def.arn, databases);
    if (target) {
      findings.push(error(t('Targets {0}, which is publicly accessible: make it private or use IP allow-listing instead.', target.id)));
    }
  }
  if (findings.length === 0) findings.push(ok(t('Configuration can be shared with ClickPipes.')));
  return findings;
}

function mskPolicyFindings(cluster: MskCluster): Finding[] {
  if (cluster.policy === undefined) return [];
  if (cluster.policy === null) return [warning(t('No cluster policy: ClickPipes ({0}) is not allowed to connect.', CLICKPIPES_ACCOUNT_ID))];
  try {
    if (clickPipesAllowStatements(parsePolicy(cluster.policy.document)).length === 0) return [warning(t('The cluster policy does not allow ClickPipes ({0}).', CLICKPIPES_ACCOUNT_ID))];
    // kafka-cluster:* matters only to SASL/IAM clients; a SCRAM-only cluster needs the control actions.
    const missing = missingMskActions(cluster.policy.document, !cluster.multiVpc.iam && cluster.multiVpc.scram ? 'scram' : 'iam');
    if (missing.length) return [warning(t('The cluster policy allows ClickPipes but not {0}.', missing.join(', ')))];
    return [ok(t('The cluster policy allows ClickPipes.'))];
  } catch (e) {
    if (e instanceof PolicyParseError) return [warning(t('The cluster policy could not be read: {0}', e.message))];
    throw e;
  }
}

export function mskReadiness(cluster: MskCluster): Finding[] {
  const findings: Finding[] = [];
  if (cluster.clusterType.toUpperCase() === 'SERVERLESS') {
    return [error(t('Serverless cluster: ClickPipes multi-VPC connectivity needs a provisioned cluster.'))];
  }
  if (cluster.kafkaVersion && compareVersions(cluster.kafkaVersion, MSK_MULTI_VPC_MIN_KAFKA) < 0) {
    findings.push(error(t('Kafka {0} is older than {1}, the minimum for multi-VPC connectivity.', cluster.kafkaVersion, MSK_MULTI_VPC_MIN_KAFKA)));
  }
  if (cluster.instanceType === MSK_UNSUPPORTED_INSTANCE_TYPE) {
    findings.push(error(t('Broker type {0} does not support multi-VPC connectivity.', MSK_UNSUPPORTED_INSTANCE_TYPE)));
  }
  if (!cluster.auth.iam && !cluster.auth.scram && !cluster.auth.tls) {
    findings.push(error(t('Only unauthenticated access is enabled; multi-VPC needs IAM, SASL/SCRAM or TLS authentication.')));
  } else if (!cluster.auth.iam && !cluster.auth.scram) {
    findings.push(error(t('ClickPipes needs SASL/IAM or SASL/SCRAM on the cluster (TLS alone is not enough).')));
  }
  if (!cluster.multiVpc.iam && !cluster.multiVpc.scram) {
    findings.push(warning(t('Multi-VPC connectivity is off for SASL/IAM and SASL/SCRAM.')));
  }
  if (cluster.state.toUpperCase() !== 'ACTIVE') findings.push(warning(t('Cluster is {0}; it must be ACTIVE to change connectivity.', cluster.state)));
  findings.push(...mskPolicyFindings(cluster));
  if (!findings.some((f) => f.level !== 'ok')) findings.unshift(ok(t('Ready for ClickPipes multi-VPC.')));
  return findings;
}

export function endpointServiceReadiness(service: EndpointService, region: string): Finding[] {
  const findings: Finding[] = [];
  const allowed = service.allowedPrincipals.some((p) => p === '*' || p === CLICKPIPES_PRINCIPAL_ARN || p === CLICKPIPES_ACCOUNT_ID);
  findings.push(allowed ? ok(t('ClickPipes is an allowed principal.')) : error(t('ClickPipes ({0}) is not an allowed principal.', CLICKPIPES_PRINCIPAL_ARN)));
  // Real EC2 sends lowerCamel states (`pendingAcceptance`) although the SDK enum says PendingAcceptance.
  const pending = service.connections.filter((c) => isAwaitingAction('endpointConnection', c.state));
  if (pending.length) {
    const list = pending.map((c) => `${c.vpcEndpointId} (${c.owner})`).join(', ');
    findings.push(warning(pending.length > 1
      ? t('{0} endpoint connections pending acceptance: {1}.', pending.length, list)
      : t('1 endpoint connection pending acceptance: {0}.', list)));
  }
  if (!service.acceptanceRequired) findings.push(ok(t('Acceptance is not required: allowed principals connect without approval.')));
  // In a ClickPipes region nothing to say; elsewhere, cross-region support decides.
  if (!isClickPipesRegion(region)) findings.push(...regionReadiness(region, service.supportedRegions.map((r) => r.region)));
  return findings;
}

export type DatabaseParameters = Record<string, string | undefined>;

/** IAM auth state and, for Postgres, what IAM means for CDC. `parameters` are values when known. */
export function databaseReadiness(db: Database, parameters: DatabaseParameters = {}): Finding[] {
  const findings: Finding[] = [];
  findings.push(db.iamAuth ? ok(t('IAM database authentication is on.')) : warning(t('IAM database authentication is off.')));
  if (engineFamily(db.engine) === 'postgres') {
    const iamRepl = parameters['rds.iam_auth_for_replication'];
    const logical = parameters['rds.logical_replication'];
    if (logical === '0') findings.push(warning(t('rds.logical_replication is 0: ClickPipes CDC needs it set to 1.')));
    if (iamRepl === '1') findings.push(ok(t('rds.iam_auth_for_replication = 1: CDC works with IAM authentication.')));
    else {
      findings.push(
        warning(
          t('With IAM authentication, Postgres CDC needs rds.iam_auth_for_replication = 1 (and rds.logical_replication = 1); otherwise ClickPipes can do the initial load only.'),
        ),
      );
    }
  }
  return findings;
}
