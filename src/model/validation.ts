// Field validators with the AWS APIs' own rules. Each returns the error message (naming the
// field and the rule) or undefined when the value is valid. Bundled into the webview too, so
// this module and what it imports stay free of node built-ins. Whole forms: formValidation.ts.
import { vpcContainsIp, isIpv4, isIpv6 } from './cidr';
import { AWS_REGIONS, engineFamily } from './clickpipes';
import type { MskAuth } from './resources';
import { t } from './text';

export type Validator = (value: string) => string | undefined;

const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function required(label: string, value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? t('{0} is required.', label) : undefined;
}

/** Lattice names: 3–40, lowercase letters/digits/hyphens, no reserved prefix, hyphen rules. */
function latticeName(label: string, reservedPrefix: string, value: string): string | undefined {
  const missing = required(label, value);
  if (missing) return missing;
  if (value.length < 3 || value.length > 40) return t('{0} must be 3 to 40 characters (got {1}).', label, value.length);
  if (!/^[a-z0-9-]+$/.test(value)) return t('{0} may contain only lowercase letters, digits and hyphens.', label);
  if (value.startsWith(reservedPrefix)) return t('{0} must not start with "{1}".', label, reservedPrefix);
  if (value.startsWith('-') || value.endsWith('-')) return t('{0} must not start or end with a hyphen.', label);
  if (value.includes('--')) return t('{0} must not contain two hyphens in a row.', label);
  return undefined;
}

export const validateGatewayName: Validator = (v) => latticeName(t('Resource gateway name'), 'rgw-', v);
export const validateConfigurationName: Validator = (v) => latticeName(t('Resource configuration name'), 'rcfg-', v);

function awsId(label: string, prefix: string, value: string): string | undefined {
  const missing = required(label, value);
  if (missing) return missing;
  if (!new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value)) {
    return t('{0} must be "{1}-" followed by 8 or 17 lowercase hex characters (got "{2}").', label, prefix, value);
  }
  return undefined;
}

export const validateVpcId: Validator = (v) => awsId(t('VPC ID'), 'vpc', v);
export const validateSubnetId: Validator = (v) => awsId(t('Subnet ID'), 'subnet', v);
export const validateSecurityGroupId: Validator = (v) => awsId(t('Security group ID'), 'sg', v);

/** A list of `min`..`max` values, each checked by `item`. */
export function validateList(label: string, values: readonly string[] | undefined, item: Validator, min: number, max: number): string | undefined {
  const items = values ?? [];
  if (items.length < min) return min === 1 ? t('{0}: choose at least one.', label) : t('{0}: choose at least {1}.', label, min);
  if (items.length > max) return t('{0}: at most {1} allowed (got {2}).', label, max, items.length);
  for (const value of items) {
    const error = item(value);
    if (error) return error;
  }
  const dup = items.find((v, i) => items.indexOf(v) !== i);
  return dup ? t('{0}: "{1}" is listed twice.', label, dup) : undefined;
}

export const validateSubnetIds = (v: readonly string[] | undefined) => validateList(t('Subnets'), v, validateSubnetId, 1, 20);
export const validateSecurityGroupIds = (v: readonly string[] | undefined) => validateList(t('Security groups'), v, validateSecurityGroupId, 0, 5);

export const validateResourceGatewayId: Validator = (v) =>
  required(t('Resource gateway ID'), v) ??
  (/^rgw-[0-9a-z]{17}$/.test(v) ? undefined : t('Resource gateway ID must be "rgw-" followed by 17 lowercase letters or digits (got "{0}").', v));

export const validateResourceConfigurationId: Validator = (v) =>
  required(t('Resource configuration ID'), v) ??
  (/^rcfg-[0-9a-z]{17}$/.test(v) ? undefined : t('Resource configuration ID must be "rcfg-" followed by 17 lowercase letters or digits (got "{0}").', v));

/** `5432` or `1-65535`, each port 1–65535, from ≤ to (CreateResourceConfiguration portRanges). */
export const validatePortRange: Validator = (v) => {
  const missing = required(t('Port range'), v);
  if (missing) return missing;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(v);
  if (!m) return t('Port range "{0}" must be a port (5432) or a range (1-65535).', v);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || from > 65535 || to < 1 || to > 65535) return t('Port range "{0}": ports must be between 1 and 65535.', v);
  if (from > to) return t('Port range "{0}": the first port must not be greater than the last.', v);
  return undefined;
};

export const validatePortRanges = (v: readonly string[] | undefined) => validateList(t('Port ranges'), v, validatePortRange, 1, 100);

/**
 * IPv4 or IPv6, in the VPC when its CIDRs (IPv4 and IPv6 blocks, from DescribeVpcs) are known.
 * Sources: botocore vpc-lattice model, CreateResourceConfiguration.resourceConfigurationDefinition,
 * and the CloudFormation reference, AWS::VpcLattice::ResourceConfiguration
 * ResourceConfigurationDefinition: "IP address - For IPv4 and IPv6, only IP addresses in the VPC are
 * supported." (No AWS page found allowing private IPv4 ranges outside the VPC.) A VPC without an
 * IPv6 block holds no IPv6 address.
 */
export function validateIpAddress(value: string, vpcCidrs?: readonly string[]): string | undefined {
  const missing = required(t('IP address'), value);
  if (missing) return missing;
  if (!isIpv4(value) && !isIpv6(value)) return t('IP address "{0}" is not a valid IPv4 or IPv6 address.', value);
  if (vpcCidrs && vpcCidrs.length > 0 && !vpcContainsIp(vpcCidrs, value)) {
    return t('IP address {0} is not in the VPC ({1}).', value, vpcCidrs.join(', '));
  }
  return undefined;
}

const PRIVATE_SUFFIXES = ['.local', '.localhost', '.internal', '.localdomain', '.lan', '.home.arpa'];

function domainName(label: string, value: string, publicOnly: boolean): string | undefined {
  const missing = required(label, value);
  if (missing) return missing;
  const name = value.toLowerCase();
  if (name.length < 3 || name.length > 255) return t('{0} must be 3 to 255 characters.', label);
  if (isIpv4(name) || isIpv6(name)) return t('{0} must be a domain name, not an IP address.', label);
  const labels = name.split('.');
  if (labels.length < 2) return t('{0} must have at least two labels (e.g. db.example.com).', label);
  for (const part of labels) {
    if (part === '') return t('{0} must not have empty labels (check for ".." or a trailing dot).', label);
    if (part.length > 63) return t('{0}: each label must be at most 63 characters.', label);
    if (!/^[a-z0-9-]+$/.test(part)) return t('{0} may contain only letters, digits, hyphens and dots.', label);
    if (part.startsWith('-') || part.endsWith('-')) return t('{0}: labels must not start or end with a hyphen.', label);
  }
  if (!/^[a-z]{2,63}$/.test(labels[labels.length - 1])) return t('{0} must end in an alphabetic top-level domain.', label);
  if (publicOnly && (name === 'localhost' || PRIVATE_SUFFIXES.some((s) => name.endsWith(s)))) {
    return t('{0} must be publicly resolvable (not {1}).', label, PRIVATE_SUFFIXES.find((s) => name.endsWith(s)) ?? name);
  }
  return undefined;
}

/** dnsResource.domainName: 3–255 and publicly resolvable. */
export const validateDnsName: Validator = (v) => domainName(t('Domain name'), v, true);

/** Endpoint service private DNS name (verified later by a TXT record). */
export const validatePrivateDnsName: Validator = (v) => domainName(t('Private DNS name'), v, false);

export const validateAccountId: Validator = (v) =>
  required(t('Account ID'), v) ?? (/^\d{12}$/.test(v) ? undefined : t('Account ID must be 12 digits (got "{0}").', v));

export const validateRegion: Validator = (v) => {
  const missing = required(t('Region'), v);
  if (missing) return missing;
  if (!REGION_SHAPE.test(v)) return t('Region must be an AWS region code such as us-east-1 (got "{0}").', v);
  if (!AWS_REGIONS.some((r) => r.code === v)) return t('Region "{0}" is not an AWS commercial region.', v);
  return undefined;
};

const ARN_HEAD = (service: string) => `^arn:aws:${service}:([a-z0-9-]+):(\\d{12}):`;

/** Region and account inside an ARN, checked with the same words as the standalone fields. */
function arnScope(label: string, value: string, service: string): string | undefined {
  const m = new RegExp(ARN_HEAD(service)).exec(value);
  if (!m) return undefined;
  if (!REGION_SHAPE.test(m[1])) return t('{0}: "{1}" is not an AWS region code.', label, m[1]);
  return undefined;
}

const RDS_ID = '[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){0,62}';

export const validateRdsArn: Validator = (v) => {
  const label = t('RDS ARN');
  const missing = required(label, v);
  if (missing) return missing;
  if (!v.startsWith('arn:aws:rds:')) return t('{0} must start with "arn:aws:rds:".', label);
  if (!new RegExp(`${ARN_HEAD('rds')}(cluster|db):${RDS_ID}$`).test(v) || v.endsWith('-')) {
    return t('{0} must look like arn:aws:rds:<region>:<12-digit account>:cluster:<name> or …:db:<name>.', label);
  }
  return arnScope(label, v, 'rds');
};

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export const validateIamRoleArn = (v: string, label = t('IAM role ARN')): string | undefined => {
  const missing = required(label, v);
  if (missing) return missing;
  const m = /^arn:aws:iam::(\d{12}):role(\/(?:[\x21-\x7E]+\/)?)?([^/]*)$/.exec(v);
  if (!m || !m[2]) return t('{0} must look like arn:aws:iam::<12-digit account>:role/<name>.', label);
  if (!ROLE_NAME.test(m[3])) return t('{0}: the role name must be 1 to 64 letters, digits or +=,.@_- characters.', label);
  return undefined;
};

export const validateMskClusterArn: Validator = (v) => {
  const label = t('MSK cluster ARN');
  const missing = required(label, v);
  if (missing) return missing;
  if (!new RegExp(`${ARN_HEAD('kafka')}cluster/[A-Za-z0-9-]{1,64}/[A-Za-z0-9-]+$`).test(v)) {
    return t('{0} must look like arn:aws:kafka:<region>:<12-digit account>:cluster/<name>/<uuid>.', label);
  }
  return arnScope(label, v, 'kafka');
};

export const validateNlbArn = (v: string, region?: string): string | undefined => {
  const label = t('Network Load Balancer ARN');
  const missing = required(label, v);
  if (missing) return missing;
  if (/^arn:aws:elasticloadbalancing:[^:]*:\d{12}:loadbalancer\/(app|gwy)\//.test(v)) {
    return t('{0}: endpoint services need a Network Load Balancer (loadbalancer/net/…), not an application or gateway load balancer.', label);
  }
  const m = new RegExp(`${ARN_HEAD('elasticloadbalancing')}loadbalancer/net/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}$`).exec(v);
  if (!m) return t('{0} must look like arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/net/<name>/<16 hex>.', label);
  if (region && m[1] !== region) return t('{0}: the load balancer is in {1}, not in the service\'s region {2}.', label, m[1], region);
  return undefined;
};

export const validateResourceShareArn: Validator = (v) =>
  required(t('Resource share ARN'), v) ??
  (new RegExp(`${ARN_HEAD('ram')}resource-share/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).test(v)
    ? undefined
    : t('Resource share ARN must look like arn:aws:ram:<region>:<12-digit account>:resource-share/<uuid>.'));

export const validateEndpointServiceName: Validator = (v) =>
  required(t('Endpoint service name'), v) ??
  (/^com\.amazonaws\.vpce\.[a-z]{2}(-[a-z]+)+-\d{1,2}\.vpce-svc-[0-9a-f]{17}$/.test(v)
    ? undefined
    : t('Endpoint service name must look like com.amazonaws.vpce.<region>.vpce-svc-<17 hex characters>.'));

export const validateEndpointServiceId: Validator = (v) =>
  required(t('Endpoint service ID'), v) ??
  (/^vpce-svc-[0-9a-f]{17}$/.test(v) ? undefined : t('Endpoint service ID must be "vpce-svc-" followed by 17 hex characters (got "{0}").', v));

/** RAM share names: the API documents no pattern; keep to printable text of sane length. */
export const validateResourceShareName: Validator = (v) => {
  const missing = required(t('Resource share name'), v);
  if (missing) return missing;
  if (v.length > 255) return t('Resource share name must be at most 255 characters.');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(v)) return t('Resource share name must not contain control characters.');
  if (v !== v.trim()) return t('Resource share name must not start or end with spaces.');
  return undefined;
};

export const validateRoleName: Validator = (v) => {
  const missing = required(t('IAM role name'), v);
  if (missing) return missing;
  if (v.length > 64) return t('IAM role name must be at most 64 characters (got {0}).', v.length);
  if (!ROLE_NAME.test(v)) return t('IAM role name may contain only letters, digits and +=,.@_- characters.');
  return undefined;
};

const PG_RESERVED = ['postgres', 'public', 'rdsadmin', 'rds_superuser', 'rds_iam', 'rds_replication', 'rds_password'];
const MYSQL_RESERVED = ['root', 'rdsadmin', 'rdsrepladmin', 'mysql.sys', 'mysql.session', 'mysql.infoschema'];

/**
 * DB user names we can write into SQL without quoting surprises and into an rds-db ARN exactly.
 * Postgres folds unquoted names to lowercase, so uppercase would not match the IAM policy.
 */
export function validateDbUser(value: string, engine: string): string | undefined {
  const label = t('Database user name');
  const missing = required(label, value);
  if (missing) return missing;
  const family = engineFamily(engine);
  if (!family) return t('{0}: engine "{1}" is not supported (postgres, aurora-postgresql, mysql, aurora-mysql, mariadb).', label, engine);
  if (family === 'postgres') {
    if (value.length > 63) return t('{0} must be at most 63 characters for PostgreSQL.', label);
    if (!/^[a-z_][a-z0-9_$]*$/.test(value)) {
      return t('{0} must start with a lowercase letter or underscore and contain only lowercase letters, digits, _ and $ (PostgreSQL folds unquoted names to lowercase).', label);
    }
    if (value.startsWith('pg_')) return t('{0} must not start with "pg_" (reserved by PostgreSQL).', label);
    if (PG_RESERVED.includes(value)) return t('{0} "{1}" is reserved on RDS PostgreSQL.', label, value);
    return undefined;
  }
  const max = family === 'mariadb' ? 80 : 32;
  if (value.length > max) return t('{0} must be at most {1} characters for {2}.', label, max, family === 'mariadb' ? 'MariaDB' : 'MySQL');
  if (!/^[A-Za-z0-9_$]+$/.test(value)) return t('{0} may contain only letters, digits, _ and $.', label);
  if (MYSQL_RESERVED.includes(value.toLowerCase())) return t('{0} "{1}" is reserved on RDS {2}.', label, value, family === 'mariadb' ? 'MariaDB' : 'MySQL');
  return undefined;
}

/** Which multi-VPC auth types to enable: at least one ClickPipes can use, each enabled on the cluster. */
export function validateMskAuthSelection(selection: { iam: boolean; scram: boolean; tls?: boolean }, clusterAuth?: MskAuth): string | undefined {
  if (!selection.iam && !selection.scram) return t('Authentication: choose SASL/IAM or SASL/SCRAM (ClickPipes connects with one of them).');
  if (clusterAuth) {
    if (selection.iam && !clusterAuth.iam) return t('Authentication: SASL/IAM is not enabled on the cluster; enable it on the cluster first.');
    if (selection.scram && !clusterAuth.scram) return t('Authentication: SASL/SCRAM is not enabled on the cluster; enable it on the cluster first.');
    if (selection.tls && !clusterAuth.tls) return t('Authentication: TLS is not enabled on the cluster; enable it on the cluster first.');
  }
  return undefined;
}

export const validateDescription: Validator = (v) =>
  required(t('Description'), v) ?? (v.length > 255 ? t('Description must be at most 255 characters (got {0}).', v.length) : undefined);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const validateOrganizationId: Validator = (v) =>
  required(t('Organization ID'), v) ?? (UUID.test(v) ? undefined : t('Organization ID must be a UUID (ClickHouse Cloud → Organization → Details).'));
export const validateServiceId: Validator = (v) =>
  required(t('Service ID'), v) ?? (UUID.test(v) ? undefined : t('Service ID must be a UUID (ClickHouse Cloud → service → Settings).'));

export const validateSupportedRegions = (v: readonly string[] | undefined, ownRegion?: string): string | undefined => {
  const error = validateList(t('Supported regions'), v, validateRegion, 0, 50);
  if (error) return error;
  if (ownRegion && (v ?? []).includes(ownRegion)) return t('Supported regions: {0} is the service\'s own region; list only other regions.', ownRegion);
  return undefined;
};
