// Items for the "Add region" picker: every AWS region not shown yet, ClickPipes regions first and
// marked (ClickPipes runs only there; only endpoint services can serve other regions).
import { AWS_REGIONS, isClickPipesRegion } from '../../model/clickpipes';

export type RegionPickItem = { region: string; label: string; description: string; clickPipes: boolean };

export function regionPickItems(shown: readonly string[]): RegionPickItem[] {
  const items = AWS_REGIONS.filter((r) => !shown.includes(r.code)).map((r) => ({
    region: r.code,
    label: r.code,
    description: isClickPipesRegion(r.code) ? `${r.name} · ClickPipes region` : r.name,
    clickPipes: isClickPipesRegion(r.code),
  }));
  // Stable partition: ClickPipes regions first, each part in the console's order.
  return [...items.filter((i) => i.clickPipes), ...items.filter((i) => !i.clickPipes)];
}

/** The regions after adding one (no duplicates, order of addition kept). */
export function withRegion(current: readonly string[], region: string): string[] {
  return current.includes(region) ? [...current] : [...current, region];
}

/** The regions after removing one; undefined when it is the last (a profile shows at least one). */
export function withoutRegion(current: readonly string[], region: string): string[] | undefined {
  const rest = current.filter((r) => r !== region);
  return rest.length ? rest : undefined;
}
