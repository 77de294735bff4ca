// What a tree row asks the doctor to diagnose: the endpoint it carries, as one or more targets
// (a configuration with an RDS target, by ARN or by a DNS name that looks like an RDS endpoint, is
// also a database for CDC; a share is its configurations;
// an MSK cluster is diagnosed per multi-VPC auth). A ClickHouse Cloud endpoint row names the AWS
// side it points to and the region it lives in. No `vscode`: unit-tested as plain data.
import type { MskAuthentication } from '../model/clickpipes';
import type { DiagnosedResource } from '../model/doctor/types';

export type DoctorTarget =
  | { path: 'vpcResource'; configurationId: string }
  | { path: 'endpointService'; serviceId?: string; serviceName?: string; clickPipesRegion?: string }
  | { path: 'mskMultiVpc'; clusterArn: string; auth: MskAuthentication }
  | { path: 'database'; kind: 'instance' | 'cluster'; id: string }
  /** The database a DNS target names, once reads verify it is one (no report when it is not). */
  | { path: 'database'; endpoint: string };

// Tree nodes of both views arrive untyped (a command's argument): read their fields loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;

const RDS_NAME = /\.rds\.amazonaws\.com(\.cn)?\.?$/i;
const configurationIdOfArn = (arn: string) => /resourceconfiguration\/(rcfg-[0-9a-z]+)$/.exec(arn)?.[1];
const rdsOfArn = (arn: string): DoctorTarget | undefined => {
  const m = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(db|cluster):(.+)$/.exec(arn);
  return m ? { path: 'database', kind: m[1] === 'db' ? 'instance' : 'cluster', id: m[2] } : undefined;
};

/** The region an AWS ARN or an endpoint service name names. */
export function regionOf(value: string | undefined): string | undefined {
  return /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(value ?? '')?.[1]
    ?? /^com\.amazonaws\.vpce\.([a-z]{2}(?:-[a-z]+)+-\d)\./.exec(value ?? '')?.[1];
}

function mskTargets(arn: string, cluster: Any | undefined, auth?: string): DoctorTarget[] {
  if (auth === 'SASL_IAM' || auth === 'SASL_SCRAM') return [{ path: 'mskMultiVpc', clusterArn: arn, auth }];
  const multi = cluster?.multiVpc ?? {};
  const own = cluster?.auth ?? {};
  const auths: MskAuthentication[] = [];
  if (multi.iam || (!multi.scram && own.iam)) auths.push('SASL_IAM');
  if (multi.scram || (!multi.iam && !own.iam && own.scram)) auths.push('SASL_SCRAM');
  return (auths.length ? auths : ['SASL_IAM' as const]).map((a) => ({ path: 'mskMultiVpc' as const, clusterArn: arn, auth: a }));
}

/** Targets of an explorer row (`type` + `resource`/`service`/`shared`) or a ClickHouse endpoint row (`kind: 'rpe'`). */
export function doctorTargets(node: unknown): DoctorTarget[] {
  const n = (node ?? {}) as Any;
  switch (n.type) {
    case 'resourceConfiguration': {
      const c = n.resource as Any;
      // Only a name of RDS's shape: whether it really is a database's endpoint is for the reads to say.
      const db = c.definition?.kind === 'arn' ? rdsOfArn(c.definition.arn)
        : c.definition?.kind === 'dns' && RDS_NAME.test(String(c.definition.domainName)) ? { path: 'database' as const, endpoint: String(c.definition.domainName) } : undefined;
      return [{ path: 'vpcResource', configurationId: c.id }, ...(db ? [db] : [])];
    }
    case 'resourceShare':
      return ((n.resource?.resources ?? []) as Any[]).map((r) => configurationIdOfArn(r.arn)).filter((id): id is string => !!id)
        .map((configurationId) => ({ path: 'vpcResource' as const, configurationId }));
    case 'sharedResource': {
      const id = configurationIdOfArn(n.shared?.arn ?? '');
      return id ? [{ path: 'vpcResource', configurationId: id }] : [];
    }
    case 'endpointService':
      return [{ path: 'endpointService', serviceId: n.resource.id }];
    case 'allowedPrincipal':
    case 'endpointConnection':
      return [{ path: 'endpointService', serviceId: n.service.id }];
    case 'mskCluster':
      return mskTargets(n.resource.arn, n.resource);
    case 'database': {
      const d = n.resource as Any;
      return [d.clusterId ? { path: 'database', kind: 'cluster', id: d.clusterId } : { path: 'database', kind: d.kind, id: d.id }];
    }
  }
  if (n.kind === 'rpe') {
    const rpe = n.rpe as Any;
    if (rpe.type === 'VPC_RESOURCE' && rpe.vpcResourceConfigurationId) return [{ path: 'vpcResource', configurationId: rpe.vpcResourceConfigurationId }];
    if (rpe.type === 'VPC_ENDPOINT_SERVICE' && rpe.vpcEndpointServiceName) {
      // The ClickPipes region is not the service's region: the check reads it from ClickPipes' own connection.
      return [{ path: 'endpointService', serviceName: rpe.vpcEndpointServiceName }];
    }
    if (rpe.type === 'MSK_MULTI_VPC' && rpe.mskClusterArn) return mskTargets(rpe.mskClusterArn, undefined, rpe.mskAuthentication ?? 'SASL_IAM');
  }
  return [];
}

/** The AWS region a ClickHouse endpoint row's AWS side lives in. */
export function rpeRegion(node: unknown): string | undefined {
  const n = (node ?? {}) as Any;
  if (n.kind !== 'rpe') return undefined;
  return regionOf(n.rpe.mskClusterArn) ?? regionOf(n.rpe.vpcEndpointServiceName) ?? regionOf(n.rpe.vpcResourceShareArn) ?? n.service?.region;
}

/**
 * The resource a target diagnoses, as the explorer's rows name it (so the row shows the verdict);
 * none for a DNS name not yet resolved to its database.
 */
export function diagnosedResourceOf(t: DoctorTarget): DiagnosedResource | undefined {
  switch (t.path) {
    case 'vpcResource': return { kind: 'resourceConfiguration', id: t.configurationId };
    case 'endpointService': return { kind: 'endpointService', id: t.serviceId, name: t.serviceName };
    case 'mskMultiVpc': return { kind: 'mskCluster', id: t.clusterArn };
    case 'database': return 'endpoint' in t ? undefined : { kind: 'database', dbKind: t.kind, id: t.id };
  }
}
