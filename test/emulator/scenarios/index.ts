// The scenario loader: the only place that knows which scenarios exist and where their data is.
import type { EmuWorld } from '../core/world';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCOUNT, OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT } from './accounts';
import { demoData, loadData } from './demo';
import { loadScale } from './scale';
import { seedClickhouse } from '../services/clickhouse';

export type ScenarioName = 'empty' | 'demo' | 'scale';
export const SCENARIOS: ScenarioName[] = ['empty', 'demo', 'scale'];

/** Both accounts exist (with their keys) in every scenario, so any profile can sign in. */
function registerAccounts(world: EmuWorld): void {
  world.accessKeys.set(DEMO_ACCESS_KEY_ID, DEMO_ACCOUNT);
  world.accessKeys.set(OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT);
  world.account(DEMO_ACCOUNT);
  world.account(OTHER_ACCOUNT);
}

export function loadScenario(world: EmuWorld, name: string): void {
  registerAccounts(world);
  switch (name) {
    case 'empty':
      return;
    case 'demo':
      loadData(world, demoData);
      if (demoData.clickhouse) seedClickhouse(world);
      return;
    case 'scale':
      loadScale(world);
      seedClickhouse(world);
      return;
    default:
      throw new Error(`unknown scenario '${name}' (known: ${SCENARIOS.join(', ')})`);
  }
}
