// ClickPipes constants: the account every share/policy/permission names, the regions ClickPipes
// runs in, and the default source ports. One place, so the tree, forms and builders agree.

export const CLICKPIPES_ACCOUNT_ID = '072088201116';
export const CLICKPIPES_PRINCIPAL_ARN = 'arn:aws:iam::072088201116:root';

/** ClickPipes AWS regions (ClickHouse static-ips page, 2026 version). */
export const CLICKPIPES_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-2', 'ca-central-1', 'mx-central-1', 'sa-east-1',
  'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-north-1', 'il-central-1', 'af-south-1',
  'ap-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
];

export type AwsRegion = { code: string; name: string };

/** Commercial (aws partition) regions with their console names, for pickers. */
export const AWS_REGIONS: readonly AwsRegion[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-east-2', name: 'US East (Ohio)' },
  { code: 'us-west-1', name: 'US West (N. California)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'af-south-1', name: 'Africa (Cape Town)' },
  { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
  { code: 'ap-east-2', name: 'Asia Pacific (Taipei)' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
  { code: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
  { code: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)' },
  { code: 'ap-southeast-6', name: 'Asia Pacific (New Zealand)' },
  { code: 'ap-southeast-7', name: 'Asia Pacific (Thailand)' },
  { code: 'ca-central-1', name: 'Canada (Central)' },
  { code: 'ca-west-1', name: 'Canada West (Calgary)' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { code: 'eu-central-2', name: 'Europe (Zurich)' },
  { code: 'eu-west-1', name: 'Europe (Ireland)' },
  { code: 'eu-west-2', name: 'Europe (London)' },
  { code: 'eu-west-3', name: 'Europe (Paris)' },
  { code: 'eu-south-1', name: 'Europe (Milan)' },
  { code: 'eu-south-2', name: 'Europe (Spain)' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)' },
  { code: 'il-central-1', name: 'Israel (Tel Aviv)' },
  { code: 'me-south-1', name: 'Middle East (Bahrain)' },
  { code: 'me-central-1', name: 'Middle East (UAE)' },
  { code: 'mx-central-1', name: 'Mexico (Central)' },
  { code: 'sa-east-1', name: 'South America (São Paulo)' },
];

export function isClickPipesRegion(region: string): boolean {
  return CLICKPIPES_REGIONS.includes(region);
}

export function isAwsRegion(region: string): boolean {
  return AWS_REGIONS.some((r) => r.code === region);
}

export function regionDisplayName(region: string): string {
  return AWS_REGIONS.find((r) => r.code === region)?.name ?? region;
}

/** The RDS engine strings IAM DB auth applies to, grouped by the SQL dialect they speak. */
export type EngineFamily = 'postgres' | 'mysql' | 'mariadb';

export const DB_ENGINES = ['postgres', 'aurora-postgresql', 'mysql', 'aurora-mysql', 'mariadb'] as const;
export type SupportedEngine = (typeof DB_ENGINES)[number];

export function engineFamily(engine: string): EngineFamily | undefined {
  switch (engine) {
    case 'postgres':
    case 'aurora-postgresql':
      return 'postgres';
    case 'mysql':
    case 'aurora-mysql':
      return 'mysql';
    case 'mariadb':
      return 'mariadb';
    default:
      return undefined;
  }
}

export function isAuroraEngine(engine: string): boolean {
  return engine.startsWith('aurora-');
}

export const DEFAULT_PORTS: Readonly<Record<EngineFamily, number>> = { postgres: 5432, mysql: 3306, mariadb: 3306 };

export function defaultPort(engine: string): number | undefined {
  const family = engineFamily(engine);
  return family ? DEFAULT_PORTS[family] : undefined;
}

/** In-VPC MSK bootstrap ports per auth type (multi-VPC uses the MSK-provided bootstrap string). */
export const MSK_PORTS = { tls: 9094, saslScram: 9096, saslIam: 9098 } as const;

/** Minimum Kafka version for MSK multi-VPC private connectivity. */
export const MSK_MULTI_VPC_MIN_KAFKA = '2.7.1';
/** The broker size MSK multi-VPC does not support. */
export const MSK_UNSUPPORTED_INSTANCE_TYPE = 'kafka.t3.small';

export const DEFAULT_DB_USER = 'clickpipes_iam_user';

/** RAM resource type of a Lattice resource configuration. */
export const RAM_RESOURCE_CONFIGURATION_TYPE = 'vpc-lattice:ResourceConfiguration';

export type MskAuthentication = 'SASL_IAM' | 'SASL_SCRAM';
export type ReversePrivateEndpointType = 'VPC_ENDPOINT_SERVICE' | 'VPC_RESOURCE' | 'MSK_MULTI_VPC';
