// The explorer's tree model, pure over AwsLayer (no `vscode`): which children a node has, loaded
// lazily and cached until refresh. The VS Code provider renders these nodes; the benchmark drives
// this same class under plain node. Each region list is fetched once and shared, so a
// configuration shown under its gateway and in its group costs one ListResourceConfigurations.
import { l10n } from '../../l10n';
import type { AwsLayer, Scope } from '../../aws/api';
import type {
  CallerIdentity, Database, EndpointService, MskCluster, Profile, ResourceConfiguration, ResourceGateway, ResourceShare,
  Subnet,
} from '../../model/resources';
import { isTransitional } from '../../model/status';
import { errorNode, failureOf } from './errorNode';
import {
  GROUPS, groupInfo, ids, isResourceNode, type ExplorerNode, type GroupKind, type GroupNode, type MessageNode,
  type ProfileNode, type RegionNode, type ResourceNode,
} from './nodes';
import { arnOf, statusOf } from './nodeValues';
import type { Poller } from './poller';

export type RegionLists = {
  gateways: ResourceGateway[];
  configurations: ResourceConfiguration[];
  shares: ResourceShare[];
  msk: MskCluster[];
  endpointServices: EndpointService[];
  databases: Database[];
};
export type ListName = keyof RegionLists;

const LIST_LOADERS: { [K in ListName]: (aws: AwsLayer, scope: Scope) => Promise<RegionLists[K]> } = {
  gateways: (aws, s) => aws.listResourceGateways(s),
  configurations: (aws, s) => aws.listResourceConfigurations(s),
  shares: (aws, s) => aws.listResourceShares(s),
  msk: (aws, s) => aws.listMskClusters(s),
  endpointServices: (aws, s) => aws.listEndpointServices(s),
  databases: (aws, s) => aws.listDatabases(s),
};

/** The lists a group's subtree reads (gateways show their configurations as children). */
const GROUP_LISTS: Record<GroupKind, ListName[]> = {
  resourceGateways: ['gateways', 'configurations'],
  resourceConfigurations: ['configurations'],
  resourceShares: ['shares'],
  mskClusters: ['msk'],
  endpointServices: ['endpointServices'],
  databases: ['databases'],
};

export interface ExplorerSettings {
  /** Profiles chosen by the user; empty = the default profile. */
  profiles(): string[];
  /** Regions chosen for a profile; undefined = the profile's own region. */
  regions(profile: string): string[] | undefined;
  /** AWS_PROFILE or `default`. */
  defaultProfile(): string;
}

export type ExplorerState = 'noProfiles' | 'ready' | 'error';

export type ExplorerModelOptions = {
  aws: () => AwsLayer;
  settings: ExplorerSettings;
  /** A node changed in place (undefined = the roots): the provider fires onDidChangeTreeData. */
  onDidChange?: (node: ExplorerNode | undefined) => void;
  onState?: (state: ExplorerState) => void;
  /** When given, resources in transition are polled with Get and updated in place. */
  poller?: Poller;
  /** Region used when a profile names none. */
  fallbackRegion?: string;
  /** IAM roles this extension made for a database (src/plans/iamDbAuthRoles.ts: one GetRole per role). */
  databaseRoles?: (scope: Scope, db: Database) => Promise<{ name: string; arn: string; dbUser?: string }[]>;
};

const ROOT = '';

export class ExplorerModel {
  private readonly children = new Map<string, Promise<ExplorerNode[]>>();
  private readonly resolved = new Map<string, ExplorerNode[]>();
  private readonly lists = new Map<string, Promise<unknown[]>>();
  private readonly listValues = new Map<string, unknown[]>();
  private readonly subnetValues = new Map<string, Subnet[]>();
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
      this.subnetValues.clear();
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
          if (this.lists.get(key) === loading) this.listValues.set(key, values);
        },
        // A failed load is not cached: the retry must ask AWS again.
        () => {
          if (this.lists.get(key) === loading) this.lists.delete(key);
        },
      );
    }
    return p;
  }

  /** A region list if it has loaded already (no AWS call): readiness checks read what is known. */
  loadedList<K extends ListName>(scope: Scope, name: K): RegionLists[K] | undefined {
    return this.listValues.get(listKey(scope, name)) as RegionLists[K] | undefined;
  }

  /** Subnets of a VPC if loaded (gateway readiness: /26 and a free /28 per subnet). */
  loadedSubnets(scope: Scope, vpcId: string): Subnet[] | undefined {
    return this.subnetValues.get(`${ids.region(scope)}/${vpcId}`);
  }

  /**
   * Details a list does not carry, loaded when a person hovers a node (resolveTreeItem), never
   * for the whole tree: a configuration's definition and ports (List returns summaries), a
   * gateway's subnets, an MSK cluster's policy, the databases a configuration may target. Resolves true when the node
   * has more to show than before.
   */
  async loadDetails(node: ExplorerNode): Promise<boolean> {
    if (node.type === 'resourceConfiguration') {
      const cfg = node.resource;
      const jobs: Promise<unknown>[] = [];
      let changed = false;
      if (!cfg.definition && cfg.type !== 'GROUP') {
        jobs.push(this.aws.getResourceConfiguration(node.scope, cfg.id).then((fresh) => {
          Object.assign(cfg, fresh);
          changed = true;
        }));
      }
      if (!this.loadedList(node.scope, 'databases')) jobs.push(this.list(node.scope, 'databases').then(() => (changed = true)));
      if (!this.loadedList(node.scope, 'shares')) jobs.push(this.list(node.scope, 'shares').then(() => (changed = true)));
      await Promise.all(jobs);
      return changed;
    }
    if (node.type === 'mskCluster' && node.resource.policy === undefined) {
      // One GetClusterPolicy: readiness then says whether ClickPipes may connect.
      node.resource.policy = await this.aws.getMskClusterPolicy(node.scope, node.resource.arn);
      return true;
    }
    if (node.type === 'resourceGateway' && node.resource.vpcId) {
      const key = `${ids.region(node.scope)}/${node.resource.vpcId}`;
      if (this.subnetValues.has(key)) return false;
      this.subnetValues.set(key, await this.aws.listSubnets(node.scope, node.resource.vpcId));
      return true;
    }
    return false;
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
          const configs = (await this.list(node.scope, 'configurations')).filter((c) => c.resourceGatewayId === gw.id);
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
      this.profilesCache ??= this.aws.listProfiles();
      all = await this.profilesCache;
    } catch (err) {
      this.profilesCache = undefined;
      this.options.onState?.('error');
      return [errorNode(err, undefined, l10n.t('AWS profiles'))];
    }
    if (all.length === 0) {
      this.options.onState?.('noProfiles');
      return [];
    }
    this.options.onState?.('ready');
    const chosen = this.options.settings.profiles();
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
    this.loadIdentity(node);
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
      case 'resourceGateways':
        return (await this.list(scope, 'gateways')).map((r) => ({ ...base(r.arn), type: 'resourceGateway', resource: r }));
      case 'resourceConfigurations':
        return (await this.list(scope, 'configurations')).map((r) => ({ ...base(r.arn), type: 'resourceConfiguration', resource: r }));
      case 'resourceShares':
        return (await this.list(scope, 'shares')).map((r) => ({ ...base(r.arn), type: 'resourceShare', resource: r }));
      case 'mskClusters':
        return (await this.list(scope, 'msk')).map((r) => ({ ...base(r.arn), type: 'mskCluster', resource: r }));
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
  pollTarget(node: ExplorerNode): { key: string; run: () => Promise<boolean> } | undefined {
    if (!isResourceNode(node)) return undefined;
    const get = freshGetter(() => this.aws, node);
    if (get && 'resource' in node) {
      const resource = node.resource as object;
      return {
        key: `${node.scope.profile}|${arnOf(node) ?? node.id}`,
        run: async () => {
          const shown = this.loadedNodes().filter((n) => 'resource' in n && n.resource === resource);
          if (!shown.length) return false; // refreshed away: the reload tracks it again
          let result;
          try {
            result = await get();
          } catch (err) {
            if (/NotFound/i.test(failureOf(err).name)) {
              // Deleted meanwhile: re-list the group it was shown in.
              for (const n of shown) this.options.onDidChange?.(this.refresh(n));
              return false;
            }
            throw err;
          }
          // Mutating the shared object updates the cached list and every node that shows it.
          Object.assign(resource, result.fresh);
          for (const n of shown) this.options.onDidChange?.(n);
          return result.moving;
        },
      };
    }
    let group: ExplorerNode | undefined = node.parent;
    while (group && group.type !== 'group') group = group.parent;
    if (!group) return undefined;
    const g = group;
    return {
      key: g.id,
      run: async () => {
        // No Get for this kind: re-list its group (one call), keep polling while anything in it moves.
        this.refresh(g);
        const kids = await this.getChildren(g);
        this.options.onDidChange?.(g);
        return kids.some(inTransition);
      },
    };
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
    for (const k of [...this.subnetValues.keys()]) if (match(k)) this.subnetValues.delete(k);
  }
}

/** The Get that refreshes one resource, for the kinds that have one (else the group is re-listed). */
function freshGetter(aws: () => AwsLayer, node: ResourceNode): (() => Promise<{ fresh: object; moving: boolean }>) | undefined {
  const s = node.scope;
  switch (node.type) {
    case 'resourceGateway':
      return async () => {
        const fresh = await aws().getResourceGateway(s, node.resource.id);
        return { fresh, moving: isTransitional('resourceGateway', fresh.status) };
      };
    case 'resourceConfiguration':
      return async () => {
        const fresh = await aws().getResourceConfiguration(s, node.resource.id);
        return { fresh, moving: isTransitional('resourceConfiguration', fresh.status) };
      };
    case 'mskCluster':
      return async () => {
        const fresh = await aws().describeMskCluster(s, node.resource.arn);
        return { fresh, moving: isTransitional('mskCluster', fresh.state) };
      };
    default:
      return undefined;
  }
}

/** A node, or the rows it shows as children (share associations, endpoint connections), is moving. */
function inTransition(n: ExplorerNode): boolean {
  const moving = (kind: Parameters<typeof isTransitional>[0], status: string) => isTransitional(kind, status);
  const s = statusOf(n);
  if (s && moving(s.kind, s.status)) return true;
  if (n.type === 'resourceShare') {
    return [...n.resource.principals, ...n.resource.resources].some((a) => moving('resourceShareAssociation', a.status));
  }
  if (n.type === 'endpointService') return n.resource.connections.some((c) => moving('endpointConnection', c.state));
  return false;
}

function listKey(scope: Scope, name: ListName): string {
  return `${scope.profile}/${scope.region}/${name}`;
}

function message(parent: ExplorerNode, text: string): MessageNode {
  return { type: 'message', id: ids.message(parent.id, 'empty'), parent, message: text };
}

function sortKey(n: ExplorerNode): string {
  if ('resource' in n) {
    const r = n.resource as { name?: string; id?: string };
    return r.name || r.id || '';
  }
  return n.id;
}

function sortByLabel<T extends ExplorerNode>(nodes: T[]): T[] {
  return nodes.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}
