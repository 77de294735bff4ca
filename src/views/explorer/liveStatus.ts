// Live status of the explorer's rows: which resources are in transition, and how the poller
// refreshes one (a Get for the kinds that have one, else a re-list of its group).
import type { AwsLayer } from '../../aws/api';
import { classifyAwsError, failureOf } from '../../aws/errorKinds';
import { isTransitional } from '../../model/status';
import { isResourceNode, type ExplorerNode, type ResourceNode } from './nodes';
import { arnOf, statusOf } from './nodeValues';

export type PollTarget = { key: string; run: () => Promise<boolean> };

/** What polling needs of the explorer model. */
export type PolledModel = {
  loadedNodes(): ExplorerNode[];
  refresh(node?: ExplorerNode): ExplorerNode | undefined;
  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
};

export function pollTargetOf(
  model: PolledModel,
  options: { aws: () => AwsLayer; onDidChange?: (node: ExplorerNode | undefined) => void },
  node: ExplorerNode,
): PollTarget | undefined {
  if (!isResourceNode(node)) return undefined;
  const get = freshGetter(options.aws, node);
  if (get && 'resource' in node) {
    const resource = node.resource as object;
    return {
      key: `${node.scope.profile}|${arnOf(node) ?? node.id}`,
      run: async () => {
        const shown = model.loadedNodes().filter((n) => 'resource' in n && n.resource === resource);
        if (!shown.length) return false; // refreshed away: the reload tracks it again
        let result;
        try {
          result = await get();
        } catch (err) {
          if (classifyAwsError(failureOf(err).name) === 'notFound') {
            // Deleted meanwhile: re-list the group it was shown in.
            // Refresh first: `onDidChange?.(refresh(n))` would skip the refresh when no one listens.
            for (const n of shown) {
              const changed = model.refresh(n);
              options.onDidChange?.(changed);
            }
            return false;
          }
          throw err;
        }
        // Mutating the shared object updates the cached list and every node that shows it.
        Object.assign(resource, result.fresh);
        for (const n of shown) options.onDidChange?.(n);
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
      model.refresh(g);
      const kids = await model.getChildren(g);
      options.onDidChange?.(g);
      return kids.some(inTransition);
    },
  };
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
export function inTransition(n: ExplorerNode): boolean {
  const moving = (kind: Parameters<typeof isTransitional>[0], status: string) => isTransitional(kind, status);
  const s = statusOf(n);
  if (s && moving(s.kind, s.status)) return true;
  if (n.type === 'resourceShare') {
    return [...n.resource.principals, ...n.resource.resources].some((a) => moving('resourceShareAssociation', a.status));
  }
  if (n.type === 'endpointService') return n.resource.connections.some((c) => moving('endpointConnection', c.state));
  return false;
}
