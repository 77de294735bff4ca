// Which profiles the explorer shows and which regions each one lists. Settings change → the
// configuration listener in extension.ts reloads the roots.
import * as vscode from 'vscode';
import type { ExplorerNode, ProfileNode, RegionNode } from '../views/explorer/nodes';
import { profileOf } from '../views/explorer/nodes';
import { regionPickItems, withRegion, withoutRegion } from '../views/explorer/regionPicker';
import { explorerSettings } from '../views/explorer/settings';
import { isNode } from './copy';
import type { CommandContext, CommandHandler } from './handlerContext';

export const selectProfiles: CommandHandler = async (ctx) => {
  let profiles;
  try {
    profiles = await ctx.aws().listProfiles();
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read AWS profiles: {0}', (err as Error).message));
    return;
  }
  if (!profiles.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No AWS profiles found in your AWS config or credentials file.'));
    return;
  }
  const shown = new Set((await ctx.model.getChildren()).filter((n) => n.type === 'profile').map((n) => (n as ProfileNode).profile));
  const picked = await vscode.window.showQuickPick(
    profiles.map((p) => ({ label: p.name, description: [p.kind, p.region].filter(Boolean).join(' · '), picked: shown.has(p.name) })),
    { canPickMany: true, placeHolder: vscode.l10n.t('Profiles to show in the ClickPipes explorer (none: AWS_PROFILE or default)') },
  );
  if (!picked) return;
  // None picked = back to the default (AWS_PROFILE, else `default`).
  await explorerSettings.setProfiles(picked.map((p) => p.label));
};

async function profileNode(ctx: CommandContext, node: unknown): Promise<ProfileNode | undefined> {
  const fromTree = isNode(node) ? profileOf(node) : undefined;
  if (fromTree) return fromTree;
  const roots = (await ctx.model.getChildren()).filter((n): n is ProfileNode => n.type === 'profile' && !!n.info);
  if (roots.length === 1) return roots[0];
  const picked = await vscode.window.showQuickPick(roots.map((p) => ({ label: p.profile, description: p.account, node: p })), {
    placeHolder: vscode.l10n.t('Profile'),
  });
  return picked?.node;
}

export const addRegion: CommandHandler = async (ctx, node, region?: unknown) => {
  const profile = await profileNode(ctx, node);
  if (!profile) return;
  const current = ctx.model.regionsOf(profile);
  let chosen = typeof region === 'string' ? region : undefined;
  if (!chosen) {
    const items = regionPickItems(current);
    const qp: (vscode.QuickPickItem & { region?: string })[] = [];
    let section: boolean | undefined;
    for (const i of items) {
      if (section !== i.clickPipes) {
        qp.push({ label: i.clickPipes ? vscode.l10n.t('ClickPipes regions') : vscode.l10n.t('Other AWS regions'), kind: vscode.QuickPickItemKind.Separator });
        section = i.clickPipes;
      }
      qp.push({ label: i.label, description: i.description, region: i.region, iconPath: i.clickPipes ? new vscode.ThemeIcon('check') : undefined });
    }
    const picked = await vscode.window.showQuickPick(qp, { placeHolder: vscode.l10n.t('Add a region to {0}', profile.profile), matchOnDescription: true });
    chosen = picked?.region;
  }
  if (!chosen) return;
  await explorerSettings.setRegions(profile.profile, withRegion(current, chosen));
};

export const removeRegion: CommandHandler = async (ctx, node) => {
  let target: RegionNode | undefined = isNode(node) && node.type === 'region' ? node : undefined;
  if (!target) {
    const regions: RegionNode[] = [];
    for (const p of (await ctx.model.getChildren()).filter((n) => n.type === 'profile')) {
      regions.push(...(await ctx.model.getChildren(p)).filter((n): n is RegionNode => n.type === 'region'));
    }
    const picked = await vscode.window.showQuickPick(
      regions.map((r) => ({ label: r.scope.region, description: r.scope.profile, node: r })),
      { placeHolder: vscode.l10n.t('Region to remove from the explorer') },
    );
    target = picked?.node;
  }
  if (!target) return;
  const profile = profileOf(target as ExplorerNode);
  if (!profile) return;
  const next = withoutRegion(ctx.model.regionsOf(profile), target.scope.region);
  if (!next) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} shows at least one region: add another before removing {1}.', profile.profile, target.scope.region));
    return;
  }
  await explorerSettings.setRegions(profile.profile, next);
};
