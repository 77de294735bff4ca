// ARNs: parse, build, and pull the ids this extension needs out of them.
// arn:<partition>:<service>:<region>:<account>:<resource>, where <resource> is `type/id`,
// `type:id` or a bare id depending on the service.

export type Arn = {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, untouched. */
  resource: string;
  /** `resourcegateway`, `cluster`, `role`… (empty for a bare resource). */
  resourceType: string;
  /** The rest after the type and its separator: `rgw-…`, `my-cluster`, `path/name`, `name/uuid`. */
  resourceId: string;
};

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

export function parseArn(text: string): Arn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITIONS.includes(partition) || !/^[a-z0-9-]+$/.test(service) || resource === '') return undefined;
  const sep = resource.search(/[:/]/);
  const resourceType = sep < 0 ? '' : resource.slice(0, sep);
  const resourceId = sep < 0 ? resource : resource.slice(sep + 1);
  return { partition, service, region, account, resource, resourceType, resourceId };
}

export function buildArn(parts: { partition?: string; service: string; region?: string; account?: string; resource: string }): string {
  return ['arn', parts.partition ?? 'aws', parts.service, parts.region ?? '', parts.account ?? '', parts.resource].join(':');
}

/** The last path segment of the resource: an id (`rgw-…`, `rcfg-…`), a role or cluster name. */
export function resourceIdFromArn(text: string): string | undefined {
  const arn = parseArn(text);
  if (!arn) return undefined;
  const segments = arn.resourceId.split(/[:/]/);
  return segments[segments.length - 1] || undefined;
}

export function regionFromArn(text: string): string | undefined {
  return parseArn(text)?.region || undefined;
}

export function accountFromArn(text: string): string | undefined {
  return parseArn(text)?.account || undefined;
}

export function iamRoleArn(account: string, roleName: string, path = '/'): string {
  return buildArn({ service: 'iam', account, resource: `role${path}${roleName}` });
}

export function roleNameFromArn(text: string): string | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'iam' || arn.resourceType !== 'role') return undefined;
  return resourceIdFromArn(text);
}

/** `arn:aws:rds-db:<region>:<account>:dbuser:<resourceId>/<user>` — what rds-db:connect names. */
export function rdsDbUserArn(region: string, account: string, resourceId: string, dbUser: string, partition = 'aws'): string {
  return buildArn({ partition, service: 'rds-db', region, account, resource: `dbuser:${resourceId}/${dbUser}` });
}

/** MSK cluster ARN parts: `arn:aws:kafka:<r>:<a>:cluster/<name>/<uuid>`. */
export function parseMskClusterArn(text: string): (Arn & { clusterName: string; clusterUuid: string }) | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'kafka' || arn.resourceType !== 'cluster') return undefined;
  const [clusterName, clusterUuid, ...rest] = arn.resourceId.split('/');
  if (!clusterName || !clusterUuid || rest.length) return undefined;
  return { ...arn, clusterName, clusterUuid };
}

/** Topic and group ARNs for every topic/group of a cluster (`topic/<name>/<uuid>/*`). */
export function mskTopicArn(clusterArn: string): string | undefined {
  return mskChildArn(clusterArn, 'topic');
}

export function mskGroupArn(clusterArn: string): string | undefined {
  return mskChildArn(clusterArn, 'group');
}

function mskChildArn(clusterArn: string, type: 'topic' | 'group'): string | undefined {
  const arn = parseMskClusterArn(clusterArn);
  if (!arn) return undefined;
  return buildArn({ ...arn, resource: `${type}/${arn.clusterName}/${arn.clusterUuid}/*` });
}

/** RDS ARN → `{ kind, id }` for `…:db:<id>` and `…:cluster:<id>`. */
export function parseRdsArn(text: string): { kind: 'instance' | 'cluster'; id: string; region: string; account: string } | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'rds') return undefined;
  const kind = arn.resourceType === 'db' ? 'instance' : arn.resourceType === 'cluster' ? 'cluster' : undefined;
  if (!kind || !arn.resourceId) return undefined;
  return { kind, id: arn.resourceId, region: arn.region, account: arn.account };
}
