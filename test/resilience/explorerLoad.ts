// A full load of the explorer's tree model (src/views/explorerModel.ts, the provider's own loading
// code) with no VS Code: every expandable node expanded in parallel like a person opening
// everything, every row described as getTreeItem would, and the profiles' account ids awaited.
// Used by the resilience tests (explorer.test.ts). No mocha here.
import type { AwsLayer } from '../../src/aws/api';
import { contextValueOf } from '../../src/views/explorer/contextValue';
import { describeRow } from '../../src/views/explorer/describe';
import { ExplorerModel } from '../../src/views/explorer/model';
import { isLoadedByFullWalk, type ExplorerNode } from '../../src/views/explorer/nodes';
import { readinessOf } from '../../src/views/explorer/readiness';

export type Tree = { model: ExplorerModel; nodes: ExplorerNode[]; errors: ExplorerNode[]; ids: string[]; accounts: Record<string, string | undefined> };

export async function loadFullTree(
  layer: AwsLayer, profiles: string[], seen?: (where: string, text: unknown) => void, regions: (profile: string) => string[] | undefined = () => undefined,
): Promise<Tree> {
  const profileNodes: ExplorerNode[] = [];
  let settled = 0;
  let allSettled!: () => void;
  const identities = new Promise<void>((r) => (allSettled = r));
  const model = new ExplorerModel({
    aws: () => layer,
    settings: { profiles: () => profiles, regions, defaultProfile: () => profiles[0] },
    onDidChange: (node) => {
      if (node?.type === 'profile' && ++settled === profiles.length) allSettled();
    },
  });
  const nodes: ExplorerNode[] = [];
  const expand = async (node: ExplorerNode | undefined): Promise<void> => {
    const kids = await model.getChildren(node);
    for (const k of kids) {
      const row = describeRow(k, readinessOf(k, model));
      contextValueOf(k);
      seen?.('tree row', row);
      nodes.push(k);
      if (k.type === 'profile') profileNodes.push(k);
    }
    await Promise.all(kids.filter((k) => isLoadedByFullWalk(k.type)).map(expand));
  };
  await expand(undefined);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([identities, new Promise((r) => (timer = setTimeout(r, 60_000)))]);
  clearTimeout(timer);
  const errors = nodes.filter((n) => n.type === 'error');
  for (const e of errors) seen?.('error node', e.type === 'error' ? e.message : '');
  const accounts = Object.fromEntries(profileNodes.map((p) => [p.type === 'profile' ? p.profile : '', p.type === 'profile' ? p.account : undefined]));
  return { model, nodes, errors, ids: nodes.map((n) => n.id).sort(), accounts };
}
