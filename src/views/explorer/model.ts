// The explorer's tree model, pure over AwsLayer (no `vscode`): which children a node has, loaded
// lazily and cached until refresh. The VS Code provider renders these nodes; the benchmark drives
// this same class under plain node. Each region list is fetched once and shared, so a
// configuration shown under its gateway and in its group costs one ListResourceConfigurations.
import { l10n } from '../../l10n';
import type { AwsLayer, Scope } from '../../aws/api';
import type { CallerIdentity, Profile, Subnet } from '../../model/resources';
import type { Loaded } from '../../model/rowReadiness';
import { isTransitional } from '../../model/status';
import { failureOf } from '../../aws/errorKinds';
import { errorNode } from './errorNode';
import { pollTargetOf, type PollTarget } from './liveStatus';
import { GROUP_LISTS, LIST_LOADERS, listKey, type ListName, type RegionLists } from './regionLists';
import {
  GROUPS, groupInfo, ids, isResourceNode, message, sortByLabel, type ExplorerNode, type GroupNode,
  type ProfileNode, type RegionNode, type ResourceNode,
} from './nodes';
import { statusOf } from './nodeValues';
import type { ExplorerModelOptions } from './modelOptions';
import { VerdictLoads } from './verdictLoads';

export type { ExplorerModelOptions, ExplorerSettings, ExplorerState } from './modelOptions';

const ROOT = '';

export class ExplorerModel {
  private readonly children = new Map<string, Promise<ExplorerNode[]>>();
  private readonly resolved = new Map<string, ExplorerNode[]>();
  private readonly lists = new Map<string, Promise<unknown[]>>();
  private readonly listValues = new Map<string, unknown[]>();
  private readonly listErrors = new Map<string, string>();
  private readonly verdicts = new VerdictLoads({
    aws: () => this.aws,
    list: (scope, name) => this.list(scope, name),
    listFact: (scope, name) => this.listFact(scope, name),
  });
  private readonly identities = new Map<string, Promise<CallerIdentity>>();
  private readonly accounts = new Map<string, string>();
  private profilesCache: Promise<Profile[]> | undefined;

  constructor(private readonly options: ExplorerModelOptions) {}

  private get aws(): AwsLayer {
    return this.options.aws();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const key = node?.id ?? ROOT;
    let p = this.children.get(key);
    if (!p) {
      const promise = this.load(node).then((kids) => {
        if (this.children.get(key) === promise) {
          this.resolved.set(key, kids);
          this.trackTransitional(kids);
        }
        return kids;
      });
      p = promise;
      this.children.set(key, p);
    }
    return p;
  }

  /** Children already loaded (no AWS call), for lookups by tests and commands. */
  loadedChildren(node?: ExplorerNode): ExplorerNode[] | undefined {
    return this.resolved.get(node?.id ?? ROOT);
  }

  /** Every node loaded so far, depth first. */
  loadedNodes(): ExplorerNode[] {
    const out: ExplorerNode[] = [];
    const walk = (key: string) => {
      for (const n of this.resolved.get(key) ?? []) {
        out.push(n);
        walk(n.id);
      }
    };
    walk(ROOT);
    return out;
  }

  /**
   * Drops what `node`'s subtree loaded so the next getChildren fetches again. Returns the node
   * the view must re-render: a resource refreshes with its group (its status lives in the list).
   */
  refresh(node?: ExplorerNode): ExplorerNode | undefined {
    if (!node) {
      this.children.clear();
      this.resolved.clear();
      this.lists.clear();
      this.listValues.clear();
      this.listErrors.clear();
      this.verdicts.drop(() => true);
      this.identities.clear();
      this.accounts.clear();
      this.profilesCache = undefined;
      this.options.poller?.keys().forEach((k) => this.options.poller?.untrack(k));
      return undefined;
    }
    if (node.type === 'error') return this.refresh(node.retry ?? node.parent);
    if (node.type === 'message' || isResourceNode(node)) {
      let group: ExplorerNode | undefined = node.parent;
      while (group && group.type !== 'group') group = group.parent;
      return this.refresh(group ?? node.parent);
    }
    this.dropSubtree(node.id);
    if (node.type === 'profile') {
      this.identities.delete(node.profile);
      this.accounts.delete(node.profile);
      node.account = undefined;
      node.identityError = undefined;
      this.dropLists((k) => k.startsWith(`${node.profile}/`));
    } else if (node.type === 'region') {
      this.dropLists((k) => k.startsWith(`${ids.region(node.scope)}/`));
    } else if (node.type === 'group') {
      const names = GROUP_LISTS[node.group];
      this.dropLists((k) => names.some((n) => k === listKey(node.scope, n)));
    }
    return node;
  }

  /** A region list, loaded once and shared by every node (and by commands such as ClickPipes values). */
  list<K extends ListName>(scope: Scope, name: K): Promise<RegionLists[K]> {
    const key = listKey(scope, name);
    let p = this.lists.get(key) as Promise<RegionLists[K]> | undefined;
    if (!p) {
      const loading = LIST_LOADERS[name](this.aws, scope);
      p = loading;
      this.lists.set(key, loading);
      loading.then(
        (values) => {
          if (this.lists.get(key) !== loading) return;
          this.listValues.set(key, values);
          this.listErrors.delete(key);
        },
        // A failed load is not cached: the retry must ask AWS again. Its error is kept as a fact
        // for the rows that needed the list (their verdict says why it is unknown).
        (err: unknown) => {
          if (this.lists.get(key) !== loading) return;
          this.lists.delete(key);
          this.listErrors.set(key, failureOf(err).message);
        },
      );
    }
    return p;
  }

  /** A region list as a verdict reads it: loaded, failed (why) or not asked for yet (undefined). */
  listFact<K extends ListName>(scope: Scope, name: K): Loaded<RegionLists[K]> | undefined {
    const key = listKey(scope, name);
    const value = this.listValues.get(key) as RegionLists[K] | undefined;
    if (value) return { ok: true, value };
    const error = this.listErrors.get(key);
    return error === undefined ? undefined : { ok: false, error };
  }

  /** Subnets of a VPC, as loaded with the gateway list (gateway readiness: /26, a free /28). */
  loadedSubnets(scope: Scope, vpcId: string): Loaded<Subnet[]> | undefined {
    return this.verdicts.subnetsOf(scope, vpcId);
  }

  /**
   * For a tooltip only: a configuration's definition and ports (List returns summaries), read on
   * hover into a copy. The row's own object is not touched, so its icon and description stay as drawn.
   */
  async tooltipNode(node: ExplorerNode): Promise<ExplorerNode> {
    if (node.type !== 'resourceConfiguration' || node.resource.definition || node.resource.type === 'GROUP') return node;
    return { ...node, resource: await this.aws.getResourceConfiguration(node.scope, node.resource.id) };
  }

  /** Why an MSK cluster's policy could not be read with the list, if it could not. */
  policyErrorOf(scope: Scope, arn: string): string | undefined {
    return this.verdicts.policyErrorOf(scope, arn);
  }

  /** The account id of a profile, when STS has answered. */
  accountOf(profile: string): string | undefined {
    return this.accounts.get(profile);
  }

  // ---- loading -------------------------------------------------------------------------------

  private async load(node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
    if (!node) return this.loadRoots();
    switch (node.type) {
      case 'profile': return this.loadRegions(node);
      case 'region':
        return GROUPS.map((g): GroupNode => ({ type: 'group', id: ids.group(node.scope, g.kind), parent: node, scope: node.scope, group: g.kind }));
      case 'group': return this.loadGroup(node);
      case 'resourceGateway': {
        const gw = node.resource;
        try {
          const all = await this.list(node.scope, 'configurations');
          await this.verdicts.forList(node.scope, 'configurations');
          const configs = all.filter((c) => c.resourceGatewayId === gw.id);
          if (!configs.length) return [message(node, l10n.t('No resource configurations on {0}', gw.name || gw.id))];
          return sortByLabel(configs.map((c) => ({
            type: 'resourceConfiguration' as const, id: ids.resource(node.scope, c.arn, node.id), parent: node, scope: node.scope, resource: c,
          })));
        } catch (err) {
          return [errorNode(err, node, l10n.t('resource configurations of {0}', gw.name || gw.id), node.scope.profile)];
        }
      }
      case 'resourceShare': {
        const share = node.resource;
        const kids: ExplorerNode[] = [
          ...share.principals.map((p) => ({
            type: 'sharePrincipal' as const, id: ids.resource(node.scope, `principal:${p.id}`, node.id), parent: node, scope: node.scope, share, principal: p,
          })),
          ...share.resources.map((r) => ({
            type: 'sharedResource' as const, id: ids.resource(node.scope, r.arn, node.id), parent: node, scope: node.scope, share, shared: r,
          })),
        ];
        return kids.length ? kids : [message(node, l10n.t('No principals or resources in this share'))];
      }
      case 'endpointService': {
        const svc = node.resource;
        const kids: ExplorerNode[] = [
          ...svc.allowedPrincipals.map((p) => ({
            type: 'allowedPrincipal' as const, id: ids.resource(node.scope, `principal:${p}`, node.id), parent: node, scope: node.scope, service: svc, principal: p,
          })),
          ...svc.connections.map((c) => ({
            type: 'endpointConnection' as const, id: ids.resource(node.scope, c.vpcEndpointId, node.id), parent: node, scope: node.scope, service: svc, connection: c,
          })),
        ];
        return kids.length ? kids : [message(node, l10n.t('No allowed principals or endpoint connections'))];
      }
      case 'database': {
        const db = node.resource;
        if (!this.options.databaseRoles) return [message(node, l10n.t('No IAM roles made here'))];
        try {
          const roles = await this.options.databaseRoles(node.scope, db);
          if (!roles.length) return [message(node, l10n.t('No IAM DB auth roles made by ClickPipes PrivateLink for {0}', db.id))];
          return sortByLabel(roles.map((role) => ({
            type: 'iamRole' as const, id: ids.resource(node.scope, role.arn, node.id), parent: node, scope: node.scope, database: db, role,
          })));
        } catch (err) {
          return [errorNode(err, node, l10n.t('IAM roles of {0}', db.id), node.scope.profile)];
        }
      }
      default:
        return [];
    }
  }

  private async loadRoots(): Promise<ExplorerNode[]> {
    let all: Profile[];
    try {
      this.profilesCache ??= this.options.listProfiles ? this.options.listProfiles() : this.aws.listProfiles();
      all = await this.profilesCache;
    } catch (err) {
      this.profilesCache = undefined;
      this.options.onState?.('error');
      return [errorNode(err, undefined, l10n.t('AWS profiles'))];
    }
    const chosen = this.options.settings.profiles();
    // The Default credentials entry is always listed; alone and unchosen, the welcome view explains.
    if (all.every((p) => p.kind === 'defaultChain') && !chosen.length) {
      this.options.onState?.('noProfiles');
      return [];
    }
    this.options.onState?.('ready');
    const names = chosen.length ? chosen : [this.options.settings.defaultProfile()];
    return [...new Set(names)].map((name): ProfileNode => ({
      type: 'profile',
      id: ids.profile(name),
      profile: name,
      info: all.find((p) => p.name === name),
      account: this.accounts.get(name),
    }));
  }

  /** Regions to show under a profile: the chosen ones, else the profile's own region. */
  regionsOf(node: ProfileNode): string[] {
    const chosen = this.options.settings.regions(node.profile);
    if (chosen?.length) return chosen;
    return [node.info?.region ?? this.options.fallbackRegion ?? 'us-east-1'];
  }

  private loadRegions(node: ProfileNode): ExplorerNode[] {
    if (!node.info) {
      return [{
        ...message(node, l10n.t('Profile "{0}" is not in your AWS config or credentials file: click to choose profiles', node.profile)),
        action: { command: 'clickpipes.selectProfiles', title: l10n.t('Select AWS Profiles') },
      }];
    }
    // The account id arrives in the background: regions (and their lists) never wait on STS.
    const defer = this.options.defer ?? ((work: () => void) => work());
    defer(() => this.loadIdentity(node));
    return this.regionsOf(node).map((region): RegionNode => ({
      type: 'region', id: ids.region({ profile: node.profile, region }), parent: node, scope: { profile: node.profile, region },
    }));
  }

  private loadIdentity(node: ProfileNode): void {
    if (this.accounts.has(node.profile)) {
      node.account = this.accounts.get(node.profile);
      return;
    }
    let p = this.identities.get(node.profile);
    if (p) return;
    p = this.aws.callerIdentity(node.profile);
    this.identities.set(node.profile, p);
    p.then(
      (id) => {
        if (this.identities.get(node.profile) !== p) return;
        this.accounts.set(node.profile, id.account);
        node.account = id.account;
        node.identityError = undefined;
        this.options.onDidChange?.(node);
      },
      (err: unknown) => {
        if (this.identities.get(node.profile) !== p) return;
        this.identities.delete(node.profile); // retried on the next refresh/expand
        const { name, message } = failureOf(err);
        node.identityError = { name, message };
        this.options.onDidChange?.(node);
      },
    );
  }

  private async loadGroup(node: GroupNode): Promise<ExplorerNode[]> {
    const { scope, group } = node;
    const what = l10n.t('{0} in {1}', groupInfo(group).plural, scope.region);
    try {
      const kids = await this.groupChildren(node);
      return kids.length ? sortByLabel(kids) : [message(node, l10n.t('No {0}', what))];
    } catch (err) {
      return [errorNode(err, node, what, scope.profile)];
    }
  }

  private async groupChildren(node: GroupNode): Promise<ResourceNode[]> {
    const { scope } = node;
    const base = (idPart: string) => ({ id: ids.resource(scope, idPart), parent: node as ExplorerNode, scope });
    switch (node.group) {
      // Each verdict's facts load with the list, before its rows are drawn (verdictLoads.ts).
      case 'resourceGateways': {
        const list = await this.list(scope, 'gateways');
        await this.verdicts.forList(scope, 'gateways');
        return list.map((r) => ({ ...base(r.arn), type: 'resourceGateway', resource: r }));
      }
      case 'resourceConfigurations': {
        const list = await this.list(scope, 'configurations');
        await this.verdicts.forList(scope, 'configurations');
        return list.map((r) => ({ ...base(r.arn), type: 'resourceConfiguration', resource: r }));
      }
      case 'resourceShares':
        return (await this.list(scope, 'shares')).map((r) => ({ ...base(r.arn), type: 'resourceShare', resource: r }));
      case 'mskClusters': {
        const list = await this.list(scope, 'msk');
        await this.verdicts.forList(scope, 'msk');
        return list.map((r) => ({ ...base(r.arn), type: 'mskCluster', resource: r }));
      }
      case 'endpointServices':
        return (await this.list(scope, 'endpointServices')).map((r) => ({ ...base(r.id), type: 'endpointService', resource: r }));
      case 'databases':
        return (await this.list(scope, 'databases')).map((r) => ({ ...base(r.arn), type: 'database', resource: r }));
    }
  }

  // ---- live status ---------------------------------------------------------------------------

  private trackTransitional(kids: ExplorerNode[]): void {
    const poller = this.options.poller;
    if (!poller) return;
    for (const n of kids) {
      const s = statusOf(n);
      if (!s || !isTransitional(s.kind, s.status)) continue;
      const target = this.pollTarget(n);
      if (target) poller.track(target.key, target.run);
    }
  }

  /**
   * How to poll a node in transition: Get for the kinds that have one (updates the resource in
   * place, every node showing it re-renders); otherwise re-list its group once per poll.
   */
  pollTarget(node: ExplorerNode): PollTarget | undefined {
    return pollTargetOf(this, this.options, node);
  }

  // ---- cache bookkeeping ---------------------------------------------------------------------

  private dropSubtree(id: string): void {
    const kids = this.resolved.get(id);
    this.children.delete(id);
    this.resolved.delete(id);
    for (const k of kids ?? []) this.dropSubtree(k.id);
  }

  private dropLists(match: (key: string) => boolean): void {
    for (const k of [...this.lists.keys()]) if (match(k)) this.lists.delete(k);
    for (const k of [...this.listValues.keys()]) if (match(k)) this.listValues.delete(k);
    for (const k of [...this.listErrors.keys()]) if (match(k)) this.listErrors.delete(k);
    // Configuration verdicts read the shares and databases: reloading those reloads theirs.
    this.verdicts.drop((k) => match(k) || (k.endsWith('/configurations') && (match(k.replace(/configurations$/, 'shares')) || match(k.replace(/configurations$/, 'databases')))));
  }
}

