// Which ClickPipes region serves a ClickHouse Cloud service on AWS: data from ClickHouse's
// "ClickPipes static IPs" page, not a rule of ours. A service's region is not its ClickPipes
// region: older services in newer ClickPipes regions, and services in regions ClickPipes does
// not run in, are served from us-east-2 or eu-central-1.
// Source: https://clickhouse.com/docs/integrations/clickpipes/networking/static-ips
// (clickhouse-docs docs/integrations/data-ingestion/clickpipes/networking/static-ips.md, read 2026-12-06).

export const CLICKPIPES_REGIONS_SOURCE = {
  url: 'https://clickhouse.com/docs/integrations/clickpipes/networking/static-ips',
  asOf: '2026-12-06',
} as const;

/** A service in `serviceRegion` created on or after `from` is served by ClickPipes in that region; before, by `before`. */
type RegionRule = { serviceRegion: string; from?: string; before?: string };

const RULES: readonly RegionRule[] = [
  { serviceRegion: 'us-east-1' },
  { serviceRegion: 'eu-central-1' },
  { serviceRegion: 'us-east-2' },
  { serviceRegion: 'eu-west-1', from: '2026-01-20', before: 'eu-central-1' },
  { serviceRegion: 'ap-south-1', from: '2025-06-25', before: 'us-east-2' },
  { serviceRegion: 'ap-northeast-2', from: '2025-11-14', before: 'us-east-2' },
  { serviceRegion: 'af-south-1', from: '2026-04-15', before: 'us-east-2' },
  { serviceRegion: 'ap-east-1', from: '2026-04-15', before: 'us-east-2' },
  // Listed in the page's Japanese and Korean copies (same page, read 2026-12-06); the English copy read then stopped at ap-east-1.
  { serviceRegion: 'ap-east-2', from: '2026-08-04', before: 'us-east-2' },
  { serviceRegion: 'ap-northeast-1', from: '2026-04-15', before: 'us-east-2' },
  { serviceRegion: 'ap-southeast-1', from: '2026-03-18', before: 'us-east-2' },
  { serviceRegion: 'ap-southeast-2', from: '2025-06-25', before: 'us-east-2' },
  { serviceRegion: 'ap-southeast-3', from: '2026-03-06', before: 'us-east-2' },
  { serviceRegion: 'ca-central-1', from: '2026-04-15', before: 'us-east-2' },
  { serviceRegion: 'eu-north-1', from: '2026-04-15', before: 'eu-central-1' },
  { serviceRegion: 'eu-west-2', from: '2026-04-15', before: 'eu-central-1' },
  { serviceRegion: 'il-central-1', from: '2026-04-15', before: 'us-east-2' },
  { serviceRegion: 'mx-central-1', from: '2026-05-19', before: 'us-east-2' },
  { serviceRegion: 'sa-east-1', from: '2026-04-15', before: 'us-east-2' },
  { serviceRegion: 'us-west-2', from: '2025-06-24', before: 'us-east-2' },
];

/**
 * The ClickPipes region(s) serving an AWS service, per the page above. One region when the page
 * settles it; two when it depends on a creation date we do not know.
 */
export function clickPipesRegionsFor(serviceRegion: string, createdAt?: string): string[] {
  const rule = RULES.find((r) => r.serviceRegion === serviceRegion);
  // "eu-central-1: for all EU regions not explicitly listed"; "us-east-2: for all other regions".
  if (!rule) return [serviceRegion.startsWith('eu-') ? 'eu-central-1' : 'us-east-2'];
  if (!rule.from || !rule.before) return [serviceRegion];
  const day = createdAt && /^\d{4}-\d{2}-\d{2}/.test(createdAt) ? createdAt.slice(0, 10) : undefined;
  if (!day) return [serviceRegion, rule.before];
  return [day >= rule.from ? serviceRegion : rule.before];
}
