// What the rows' verdicts need beyond their own list, loaded with that list and before its rows are
// drawn (so a hover never changes an icon), in as few calls as the APIs allow:
//   gateways        → the subnets of all their VPCs: one DescribeSubnets per 200 VPCs
//   configurations  → the shares (3 RAM lists), the databases when a configuration targets an ARN,
//                     and one Get for an ARN configuration only when its target decides the icon
//   MSK clusters    → one GetClusterPolicy only for a cluster whose icon the policy decides
// Each load is kept per region list key, so refreshing a list drops what was loaded with it.
import type { AwsLayer, Scope } from '../../aws/api';
import { failureOf } from '../../aws/errorKinds';
import { configurationNeedsTarget, mskNeedsPolicy, type Loaded } from '../../model/rowReadiness';
import type { Subnet } from '../../model/resources';
import { listKey, type ListName, type RegionLists } from './regionLists';

export type VerdictHost = {
  aws(): AwsLayer;
  list<K extends ListName>(scope: Scope, name: K): Promise<RegionLists[K]>;
  listFact<K extends ListName>(scope: Scope, name: K): Loaded<RegionLists[K]> | undefined;
};

const errorText = (err: unknown) => failureOf(err).message;

export class VerdictLoads {
  /** listKey → the load that goes with that list. */
  private readonly loads = new Map<string, Promise<void>>();
  /** `${gateways list key}|${vpcId}` → its subnets, or why they could not be read. */
  private readonly subnets = new Map<string, Loaded<Subnet[]>>();
  /** `${msk list key}|${arn}` → why that cluster's policy could not be read. */
  private readonly policyErrors = new Map<string, string>();

  constructor(private readonly host: VerdictHost) {}

  /** Resolves once what the rows of this list need is loaded (failures are kept as facts, never thrown). */
  forList(scope: Scope, name: ListName): Promise<void> {
    const key = listKey(scope, name);
    let p = this.loads.get(key);
    if (!p) {
      const loading = this.load(scope, name);
      p = loading.catch(() => {
        // The list itself failed: its group shows the error; nothing to keep.
        if (this.loads.get(key) === p) this.loads.delete(key);
      });
      this.loads.set(key, p);
    }
    return p;
  }

  subnetsOf(scope: Scope, vpcId: string): Loaded<Subnet[]> | undefined {
    return this.subnets.get(`${listKey(scope, 'gateways')}|${vpcId}`);
  }

  policyErrorOf(scope: Scope, arn: string): string | undefined {
    return this.policyErrors.get(`${listKey(scope, 'msk')}|${arn}`);
  }

  /** Drops the loads (and facts) that went with the list keys `match` accepts. */
  drop(match: (key: string) => boolean): void {
    for (const k of [...this.loads.keys()]) if (match(k)) this.loads.delete(k);
    for (const facts of [this.subnets, this.policyErrors] as Map<string, unknown>[]) {
      for (const k of [...facts.keys()]) if (match(k.split('|')[0])) facts.delete(k);
    }
  }

  private async load(scope: Scope, name: ListName): Promise<void> {
    if (name === 'gateways') await this.loadSubnets(scope);
    else if (name === 'configurations') await this.loadConfigurationFacts(scope);
    else if (name === 'msk') await this.loadPolicies(scope);
  }

  private async loadSubnets(scope: Scope): Promise<void> {
    const gateways = await this.host.list(scope, 'gateways');
    const vpcIds = [...new Set(gateways.map((g) => g.vpcId).filter((v): v is string => !!v))];
    if (!vpcIds.length) return;
    const put = (vpcId: string, fact: Loaded<Subnet[]>) => this.subnets.set(`${listKey(scope, 'gateways')}|${vpcId}`, fact);
    try {
      const all = await this.host.aws().listSubnetsOfVpcs(scope, vpcIds);
      for (const v of vpcIds) put(v, { ok: true, value: all.filter((s) => s.vpcId === v) });
    } catch (err) {
      for (const v of vpcIds) put(v, { ok: false, error: errorText(err) });
    }
  }

  private async loadConfigurationFacts(scope: Scope): Promise<void> {
    const configurations = await this.host.list(scope, 'configurations');
    const settle = (n: ListName) => this.host.list(scope, n).then(() => undefined, () => undefined);
    await Promise.all([
      settle('shares'),
      configurations.some((c) => c.type === 'ARN') ? settle('databases') : undefined,
    ]);
    const databases = this.host.listFact(scope, 'databases');
    const shares = this.host.listFact(scope, 'shares');
    if (!databases?.ok) return;
    const region = scope.region;
    const needed = configurations.filter((c) => configurationNeedsTarget(c, region, { databases, shares }));
    if (!needed.length) return;
    try {
      const fresh = await this.host.aws().getResourceConfigurations(scope, needed.map((c) => c.id));
      // The list's objects are shared by every row that shows them: fill them in place.
      for (const f of fresh) {
        const c = needed.find((x) => x.id === f.id);
        if (c) Object.assign(c, f);
      }
    } catch {
      // The rows say the target was not read (an unknown verdict), as without the Get.
    }
  }

  private async loadPolicies(scope: Scope): Promise<void> {
    const clusters = await this.host.list(scope, 'msk');
    const needed = clusters.filter((c) => mskNeedsPolicy(c, scope.region));
    if (!needed.length) return;
    let policies: Awaited<ReturnType<AwsLayer['getMskClusterPolicies']>>;
    try {
      policies = await this.host.aws().getMskClusterPolicies(scope, needed.map((c) => c.arn));
    } catch (err) {
      for (const c of needed) this.policyErrors.set(`${listKey(scope, 'msk')}|${c.arn}`, errorText(err));
      return;
    }
    for (const c of needed) {
      const p = policies[c.arn];
      if (p && 'error' in p) this.policyErrors.set(`${listKey(scope, 'msk')}|${c.arn}`, p.error);
      else if (p !== undefined) c.policy = p;
    }
  }
}
