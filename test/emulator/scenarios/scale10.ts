// The `scale10` scenario, for benchmarks: ten times `scale`, spread the way a large organization
// spreads it: 20 accounts (one profile each), 3 regions per account, 5,000 of each listed kind in
// all (gateways, configurations, shares, MSK clusters, endpoint services: 25,000 resources, plus
// as many DB instances and clusters). Generated, deterministic; each region holds 83 or 84 sets.
import type { EmuWorld } from '../core/world';
import { loadScale } from './scale';

export const SCALE10_REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1'];
export const SCALE10_PER_KIND = 5000;

export type Scale10Profile = { name: string; account: string; accessKeyId: string; secretAccessKey: string; region: string };

/** The 20 profiles (and their accounts and keys): the emulator registers them, the benches write them. */
export function scale10Profiles(): Scale10Profile[] {
  return Array.from({ length: 20 }, (_, p) => {
    const n = String(p + 1).padStart(2, '0');
    return {
      name: `scale-${n}`,
      account: `3000000000${n}`,
      accessKeyId: `AKIAEMULATORSCALE0${n}`,
      secretAccessKey: `emulator-scale-${n}-secret-key-not-a-real-secret`,
      region: SCALE10_REGIONS[0],
    };
  });
}

export function loadScale10(world: EmuWorld): void {
  const profiles = scale10Profiles();
  const slots = profiles.length * SCALE10_REGIONS.length;
  let slot = 0;
  for (const p of profiles) {
    world.accessKeys.set(p.accessKeyId, p.account);
    world.account(p.account);
    for (const region of SCALE10_REGIONS) {
      // 5,000 = 60 × 83 + 20: the first 20 regions get one more.
      const count = Math.floor(SCALE10_PER_KIND / slots) + (slot < SCALE10_PER_KIND % slots ? 1 : 0);
      loadScale(world, count, p.account, region);
      slot++;
    }
  }
}
