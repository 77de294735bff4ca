// The explorer's settings: which profiles are shown (clickpipes.profiles) and which regions each
// one shows (clickpipes.regions, profile → regions). Written to user settings: they follow the
// person's AWS files, not a workspace.
import * as vscode from 'vscode';
import type { ExplorerSettings } from './model';

const SECTION = 'clickpipes';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

export const explorerSettings: ExplorerSettings & {
  setProfiles(names: string[]): Thenable<void>;
  setRegions(profile: string, regions: string[]): Thenable<void>;
  affects(e: vscode.ConfigurationChangeEvent): boolean;
} = {
  profiles: () => (config().get<string[]>('profiles') ?? []).filter((p) => typeof p === 'string' && p.trim()).map((p) => p.trim()),
  regions: (profile) => {
    const all = config().get<Record<string, string[]>>('regions') ?? {};
    const list = all[profile];
    return Array.isArray(list) ? list.filter((r) => typeof r === 'string' && r) : undefined;
  },
  defaultProfile: () => process.env.AWS_PROFILE || process.env.AWS_DEFAULT_PROFILE || 'default',
  setProfiles: (names) => config().update('profiles', names, vscode.ConfigurationTarget.Global),
  setRegions: (profile, regions) => {
    const all = { ...(config().get<Record<string, string[]>>('regions') ?? {}) };
    all[profile] = regions;
    return config().update('regions', all, vscode.ConfigurationTarget.Global);
  },
  affects: (e) => e.affectsConfiguration(`${SECTION}.profiles`) || e.affectsConfiguration(`${SECTION}.regions`),
};
