// The ClickHouse Cloud view's nodes are plain data; treeItem() renders one. Ids are stable (the
// API ids), so a refresh keeps what is expanded. contextValue = kind + capability flags, which
// the menus in package.json match with `viewItem =~ /\bflag\b/`.
import * as vscode from 'vscode';
import {
  explainRpeStatus, isRpeInTransition, rpeStatusIcon, rpeTypeLabel,
  type ChOrganization, type ChService, type ReversePrivateEndpoint,
} from '../../model/clickhouse';

export type OrgNode = { kind: 'org'; org: ChOrganization };
export type ServiceNode = { kind: 'service'; org: ChOrganization; service: ChService };
export type RpeNode = { kind: 'rpe'; org: ChOrganization; service: ChService; rpe: ReversePrivateEndpoint };
export type DnsNode = { kind: 'dns'; parent: RpeNode; name: string; private: boolean };
export type MessageNode = {
  kind: 'message';
  id: string;
  text: string;
  detail?: string;
  icon: string;
  color?: string;
  /** Run on click: retry, sign in. */
  command?: vscode.Command;
  flags?: string[];
};
export type ChNode = OrgNode | ServiceNode | RpeNode | DnsNode | MessageNode;

export function nodeId(node: ChNode): string {
  switch (node.kind) {
    case 'org': return `ch:org:${node.org.id}`;
    case 'service': return `ch:svc:${node.service.id}`;
    case 'rpe': return `ch:rpe:${node.rpe.id}`;
    case 'dns': return `ch:dns:${node.parent.rpe.id}:${node.private ? 'private' : 'public'}:${node.name}`;
    case 'message': return `ch:msg:${node.id}`;
  }
}

/** The address-bearing names of an endpoint: private DNS names first (what a source uses when set). */
export function dnsChildren(parent: RpeNode): DnsNode[] {
  return [
    ...parent.rpe.privateDnsNames.map((name) => ({ kind: 'dns' as const, parent, name, private: true })),
    ...parent.rpe.dnsNames.map((name) => ({ kind: 'dns' as const, parent, name, private: false })),
  ];
}

function themeIcon(icon: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

function rpeTooltip(rpe: ReversePrivateEndpoint, service: ChService): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMd(rpe.description || rpe.id)}**\n\n`);
  md.appendMarkdown(`${rpeTypeLabel(rpe.type)} · status **${rpe.status}** · service ${escapeMd(service.name)} (${service.region})\n\n`);
  md.appendMarkdown(`${escapeMd(explainRpeStatus(rpe.status, rpe.type))}\n\n`);
  const rows: [string, string | undefined][] = [
    ['Id', rpe.id], [vscode.l10n.t('Endpoint id'), rpe.endpointId],
    [vscode.l10n.t('Resource configuration'), rpe.vpcResourceConfigurationId], [vscode.l10n.t('Resource share'), rpe.vpcResourceShareArn],
    ['MSK cluster', rpe.mskClusterArn], ['MSK authentication', rpe.mskAuthentication],
    [vscode.l10n.t('Endpoint service'), rpe.vpcEndpointServiceName],
  ];
  for (const [k, v] of rows) if (v) md.appendMarkdown(`- ${k}: \`${v}\`\n`);
  for (const n of rpe.dnsNames) md.appendMarkdown(`- DNS name: \`${n}\`\n`);
  for (const n of rpe.privateDnsNames) md.appendMarkdown(`- Private DNS name: \`${n}\`\n`);
  return md;
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function treeItem(node: ChNode): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  let item: vscode.TreeItem;
  switch (node.kind) {
    case 'org':
      item = new vscode.TreeItem(node.org.name, C.Expanded);
      item.iconPath = new vscode.ThemeIcon('organization');
      item.tooltip = vscode.l10n.t('Organization {0}', node.org.id);
      item.contextValue = 'chOrganization';
      break;
    case 'service':
      item = new vscode.TreeItem(node.service.name, C.Collapsed);
      item.description = `${node.service.region} · ${node.service.provider}`;
      item.iconPath = new vscode.ThemeIcon('database');
      item.tooltip = `${vscode.l10n.t('Service {0}', node.service.id)}\n${node.service.provider} ${node.service.region}${node.service.state ? ` · ${node.service.state}` : ''}`;
      item.contextValue = `chService;${node.service.provider === 'aws' ? 'aws;canCreateEndpoint' : node.service.provider}`;
      break;
    case 'rpe': {
      const { rpe } = node;
      const hasDns = rpe.dnsNames.length + rpe.privateDnsNames.length > 0;
      item = new vscode.TreeItem(rpe.description || rpe.id, hasDns ? C.Collapsed : C.None);
      item.description = [rpeTypeLabel(rpe.type), rpe.status, rpe.endpointId].filter(Boolean).join(' · ');
      const icon = rpeStatusIcon(rpe.status);
      item.iconPath = themeIcon(icon.icon, icon.color);
      item.tooltip = rpeTooltip(rpe, node.service);
      const flags = ['chEndpoint', `status-${rpe.status}`];
      if (hasDns) flags.push('hasDns');
      if (rpe.status !== 'Deleting') flags.push('deletable');
      if (rpe.status === 'PendingAcceptance') flags.push('pendingAcceptance');
      if (isRpeInTransition(rpe.status)) flags.push('transitional');
      item.contextValue = flags.join(';');
      break;
    }
    case 'dns':
      item = new vscode.TreeItem(node.name, C.None);
      item.description = node.private ? vscode.l10n.t('private DNS name') : vscode.l10n.t('DNS name');
      item.iconPath = new vscode.ThemeIcon(node.private ? 'lock' : 'globe');
      item.tooltip = `${node.name}\n${vscode.l10n.t('The API returns names without a port: "Copy connection address" appends the source\'s port.')}`;
      item.contextValue = 'chDnsName;hasDns';
      break;
    case 'message':
      item = new vscode.TreeItem(node.text, C.None);
      item.description = node.detail;
      item.tooltip = node.detail ? `${node.text}\n${node.detail}` : node.text;
      item.iconPath = themeIcon(node.icon, node.color);
      item.command = node.command;
      item.contextValue = ['chMessage', ...(node.flags ?? [])].join(';');
      break;
  }
  item.id = nodeId(node);
  item.accessibilityInformation = { label: accessibilityLabel(node, item) };
  return item;
}

/** Screen readers hear the kind, the name and the row's description (status, type, endpoint). */
function accessibilityLabel(node: ChNode, item: vscode.TreeItem): string {
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  const description = typeof item.description === 'string' ? item.description.replace(/ · /g, ', ') : '';
  const kind = node.kind === 'org' ? vscode.l10n.t('ClickHouse Cloud organization')
    : node.kind === 'service' ? vscode.l10n.t('ClickHouse Cloud service')
      : node.kind === 'rpe' ? vscode.l10n.t('Reverse private endpoint')
        : node.kind === 'message' && node.icon === 'error' ? vscode.l10n.t('Error') : '';
  return [kind, label, description].filter(Boolean).join(', ');
}
