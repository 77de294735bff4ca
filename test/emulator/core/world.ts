// The emulator's in-memory world: accounts → regions → records, a controllable clock, a seeded
// id generator (so a scenario and a test produce the same ids on every run) and pending state
// transitions that are applied lazily, never by background timers.
import type { AccountState, Clock, RegionState, Transition, TransitionLogEntry, World } from './types';

/** The World plus what the server and the control API need to rewind it. */
export interface EmuWorld extends World {
  /** Clear every record, fault, log entry and clock offset, and reseed the id generator. */
  reset(seed?: number): void;
  /** Run every transition whose time has come, oldest first. */
  applyDueTransitions(): void;
  seed: number;
}

export const DEFAULT_TIMINGS = { create: 3000, update: 3000, delete: 2000, shareActivate: 2000 };
const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

export function emptyRegionState(): RegionState {
  return {
    vpcs: new Map(), subnets: new Map(), securityGroups: new Map(), networkInterfaces: new Map(), loadBalancers: new Map(),
    endpointServices: new Map(), servicePermissions: new Map(), endpointConnections: new Map(),
    resourceGateways: new Map(), resourceConfigurations: new Map(), resourceEndpointAssociations: new Map(),
    resourceShares: new Map(), shareAssociations: [],
    mskClusters: new Map(), mskPolicies: new Map(), mskVpcConnections: new Map(), mskOperations: new Map(),
    dbInstances: new Map(), dbClusters: new Map(), dbClusterEndpoints: new Map(),
    listeners: new Map(), targetGroups: new Map(), targetHealth: new Map(),
    dbParameterGroups: new Map(), dbClusterParameterGroups: new Map(), mskConfigurations: new Map(), mskScramSecrets: new Map(),
    secrets: new Map(),
  };
}

function emptyAccount(id: string): AccountState {
  return {
    id,
    regions: new Map(),
    iam: { roles: new Map(), rolePolicies: new Map(), managedPolicies: new Map(), attachedPolicies: new Map() },
  };
}

/** mulberry32: tiny, fast and good enough for ids; the point is determinism, not quality (the same seed gives the same numbers). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createWorld(seed = 1): EmuWorld {
  let random = seededRandom(seed);
  let offset = 0;
  // Transitions run inside advance(), and advance() is also called from apply(); guard re-entry.
  let applying = false;

  const world: EmuWorld = {
    seed,
    clock: undefined as unknown as Clock,
    accounts: new Map(),
    accessKeys: new Map(),
    sessions: new Map(),
    transitions: [],
    transitionLog: [],
    faults: [],
    log: [],
    idempotency: new Map(),
    timings: { ...DEFAULT_TIMINGS },
    clickhouse: { apiKeys: new Map(), organizations: new Map(), services: new Map(), reversePrivateEndpoints: new Map() },

    account(id: string): AccountState {
      let acct = world.accounts.get(id);
      if (!acct) world.accounts.set(id, (acct = emptyAccount(id)));
      return acct;
    },
    region(accountId: string, region: string): RegionState {
      const acct = world.account(accountId);
      let state = acct.regions.get(region);
      if (!state) acct.regions.set(region, (state = emptyRegionState()));
      return state;
    },
    schedule(delayMs: number, label: string, apply: () => void): void {
      const now = world.clock.now();
      const entry: TransitionLogEntry = { label, scheduledAt: now, dueAt: now + Math.max(0, delayMs), appliedAt: null };
      world.transitionLog.push(entry);
      const t: Transition = { at: entry.dueAt, label, apply: () => { entry.appliedAt = world.clock.now(); apply(); } };
      world.transitions.push(t);
    },
    id(prefix: string, length: number, alphabet = LOWER_ALNUM): string {
      let out = prefix;
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
      return out;
    },
    uuid(): string {
      const hex = world.id('', 32, '0123456789abcdef').split('');
      hex[12] = '4';
      hex[16] = '89ab'[parseInt(hex[16], 16) & 3];
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    applyDueTransitions(): void {
      if (applying) return;
      applying = true;
      try {
        // A transition may schedule another (DELETE_IN_PROGRESS → gone); loop until nothing is due.
        for (;;) {
          const now = world.clock.now();
          const due = world.transitions.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
          if (due.length === 0) break;
          world.transitions = world.transitions.filter((t) => !due.includes(t));
          for (const t of due) t.apply();
        }
      } finally {
        applying = false;
      }
    },
    reset(newSeed = world.seed): void {
      world.seed = newSeed;
      random = seededRandom(newSeed);
      offset = 0;
      world.accounts.clear();
      world.accessKeys.clear();
      world.sessions.clear();
      world.transitions = [];
      world.transitionLog = [];
      world.faults.length = 0;
      world.log.length = 0;
      world.idempotency.clear();
      Object.assign(world.timings, DEFAULT_TIMINGS);
      for (const m of Object.values(world.clickhouse)) m.clear();
    },
  };

  world.clock = {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += Math.max(0, ms);
      world.applyDueTransitions();
    },
  };
  return world;
}
