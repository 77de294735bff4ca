// Readiness lines for a node, from the pure checks in src/model/readiness over what the explorer
// has already loaded (never an extra AWS call just to draw an icon).
import type { ReadinessLine } from './describe';
import type { ExplorerModel } from './explorerModel';
import type { ExplorerNode } from './nodes';

export function readinessOf(node: ExplorerNode, model: Pick<ExplorerModel, 'loadedList'>): ReadinessLine[] {
  void node;
  void model;
  return [];
}
