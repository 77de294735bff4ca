// Refresh: the whole tree from the view title, one node (really its group) from the tree.
// Ids are stable, so VS Code keeps what was expanded.
import { isNode } from '../views/explorer/nodes';
import type { CommandHandler } from './handlerContext';

export const refresh: CommandHandler = (ctx, node) => {
  if (!isNode(node)) {
    ctx.reloadAll();
    return;
  }
  ctx.provider.fire(ctx.model.refresh(node));
};
