// The "ClickHouse Cloud" view: organizations → services → reverse private endpoints → DNS names.
// Errors and the empty state are nodes (with a retry), never popups from getChildren. Services
// whose endpoints are moving (Provisioning, Deleting) are re-read with a 2 s → 30 s backoff;
// polling stops when nothing moves and pauses while the view is hidden.
import * as vscode from 'vscode';
import { log } from '../../log';
import { isRpeAwaitingAcceptance, isRpeInTransition, type ChService, type ReversePrivateEndpoint } from '../../model/clickhouse';
import { ClickHouseApiError } from '../../clickhouse/api';
import type { ClickHouseSession } from '../../clickhouse/session';
import { dnsChildren, treeItem, type ChNode, type MessageNode, type ServiceNode } from './nodes';

const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 30_000;

export class ClickHouseTreeProvider implements vscode.TreeDataProvider<ChNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Service nodes by id, so a poll can refresh exactly the one that moved. */
  private readonly serviceNodes = new Map<string, ServiceNode>();
  /** Last endpoints read per service (commands and tests read them). */
  readonly endpoints = new Map<string, ReversePrivateEndpoint[]>();
  private readonly polls = new Map<string, { delay: number; timer?: ReturnType<typeof setTimeout> }>();
  private visible = true;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly session: ClickHouseSession) {
    this.subscriptions.push(this.changed, session.onDidChange(() => this.refresh()));
  }

  /** Called by the view's visibility event: no polling while nobody can see it. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!visible) for (const p of this.polls.values()) if (p.timer) { clearTimeout(p.timer); p.timer = undefined; }
    if (visible) for (const id of this.polls.keys()) this.armPoll(id);
    // An acceptance usually happens elsewhere (the AWS explorer, the console): re-read on return.
    if (visible) {
      for (const [serviceId, list] of this.endpoints) {
        if (list.some((r) => isRpeAwaitingAcceptance(r.status))) this.refreshService(serviceId);
      }
    }
  }

  refresh(node?: ChNode): void {
    if (!node) {
      this.stopAllPolls();
      this.serviceNodes.clear();
    }
    this.changed.fire(node);
  }

  /** Re-read one service's endpoints (after a create or delete), or everything if unknown. */
  refreshService(serviceId: string): void {
    const node = this.serviceNodes.get(serviceId);
    this.refresh(node);
  }

  getTreeItem(node: ChNode): vscode.TreeItem {
    return treeItem(node);
  }

  getParent(node: ChNode): ChNode | undefined {
    switch (node.kind) {
      case 'dns': return node.parent;
      case 'rpe': return this.serviceNodes.get(node.service.id);
      case 'service': return { kind: 'org', org: node.org };
      default: return undefined;
    }
  }

  async getChildren(node?: ChNode): Promise<ChNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'org': return this.services(node.org);
      case 'service': return this.endpointsOf(node);
      case 'rpe': return dnsChildren(node);
      default: return [];
    }
  }

  private async roots(): Promise<ChNode[]> {
    const api = await this.session.api();
    // Signed out: the viewsWelcome content ("Sign in with an API key") shows for an empty tree.
    if (!api) return [];
    try {
      const orgs = await api.listOrganizations();
      if (orgs.length === 0) return [message('no-orgs', vscode.l10n.t('This API key sees no organizations'), 'info')];
      return orgs.map((org) => ({ kind: 'org', org }));
    } catch (e) {
      return [errorNode('orgs', e)];
    }
  }

  private async services(org: { id: string; name: string }): Promise<ChNode[]> {
    const api = await this.session.api();
    if (!api) return [];
    try {
      const services = await api.listServices(org.id);
      if (services.length === 0) return [message(`no-services:${org.id}`, vscode.l10n.t('No services in this organization'), 'info')];
      return services.map((service) => {
        const node: ServiceNode = { kind: 'service', org, service };
        this.serviceNodes.set(service.id, node);
        return node;
      });
    } catch (e) {
      return [errorNode(`services:${org.id}`, e)];
    }
  }

  private async endpointsOf(node: ServiceNode): Promise<ChNode[]> {
    this.serviceNodes.set(node.service.id, node);
    const api = await this.session.api();
    if (!api) return [];
    if (node.service.provider && node.service.provider !== 'aws') {
      return [message(`not-aws:${node.service.id}`, vscode.l10n.t('Reverse private endpoints on {0} are not shown here', node.service.provider), 'info')];
    }
    let list: ReversePrivateEndpoint[];
    try {
      list = await api.listReversePrivateEndpoints(node.org.id, node.service.id);
    } catch (e) {
      this.stopPoll(node.service.id);
      return [errorNode(`rpes:${node.service.id}`, e, node)];
    }
    this.endpoints.set(node.service.id, list);
    this.schedulePoll(node.service, list);
    if (list.length === 0) {
      return [{
        ...message(`no-rpes:${node.service.id}`, vscode.l10n.t('No reverse private endpoints'), 'info'),
        detail: vscode.l10n.t('Create one…'),
        command: { command: 'clickpipes.clickhouse.createEndpoint', title: vscode.l10n.t('Create'), arguments: [node] },
      }];
    }
    return list.map((rpe) => ({ kind: 'rpe', org: node.org, service: node.service, rpe }));
  }

  // ---- polling ---------------------------------------------------------------------------------

  private schedulePoll(service: ChService, list: ReversePrivateEndpoint[]): void {
    if (!list.some((r) => isRpeInTransition(r.status))) {
      this.stopPoll(service.id);
      return;
    }
    const existing = this.polls.get(service.id);
    // Back off on each poll that still finds something moving: 2 s, 4 s, … 30 s.
    const delay = existing ? Math.min(existing.delay * 2, MAX_POLL_MS) : FIRST_POLL_MS;
    if (existing?.timer) clearTimeout(existing.timer);
    this.polls.set(service.id, { delay });
    this.armPoll(service.id);
  }

  private armPoll(serviceId: string): void {
    const p = this.polls.get(serviceId);
    if (!p || p.timer || !this.visible) return;
    p.timer = setTimeout(() => {
      p.timer = undefined;
      const node = this.serviceNodes.get(serviceId);
      if (node) this.changed.fire(node);
      else this.polls.delete(serviceId);
    }, p.delay);
  }

  private stopPoll(serviceId: string): void {
    const p = this.polls.get(serviceId);
    if (p?.timer) clearTimeout(p.timer);
    this.polls.delete(serviceId);
  }

  private stopAllPolls(): void {
    for (const id of [...this.polls.keys()]) this.stopPoll(id);
  }

  /** For tests and the status bar: services being polled right now. */
  get polling(): string[] {
    return [...this.polls.keys()];
  }

  dispose(): void {
    this.stopAllPolls();
    for (const d of this.subscriptions) d.dispose();
  }
}

function message(id: string, text: string, icon: string, color?: string): MessageNode {
  return { kind: 'message', id, text, icon, color };
}

/** A failed read as a node: what went wrong, and the click that helps (sign in again, or retry). */
export function errorNode(id: string, e: unknown, retryOf?: ChNode): MessageNode {
  const err = e instanceof ClickHouseApiError ? e : undefined;
  const text = err?.message ?? vscode.l10n.t('Could not read ClickHouse Cloud: {0}', String((e as Error)?.message ?? e));
  log.warn(`ClickHouse Cloud view: ${text}`);
  if (err?.kind === 'unauthorized') {
    return {
      kind: 'message', id: `error:${id}`, text, icon: 'key', color: 'charts.red', flags: ['error', 'signIn'],
      command: { command: 'clickpipes.clickhouse.signIn', title: vscode.l10n.t('Sign in') },
    };
  }
  return {
    kind: 'message', id: `error:${id}`, text, detail: vscode.l10n.t('Click to retry'), icon: 'error', color: 'charts.red', flags: ['error', 'retry'],
    command: { command: 'clickpipes.clickhouse.refresh', title: vscode.l10n.t('Retry'), arguments: retryOf ? [retryOf] : [] },
  };
}
