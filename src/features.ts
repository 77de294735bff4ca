// Entry of dist/features.js, the second lazily loaded bundle: plan → review → apply, the creation
// forms (webview panels and QuickPicks), the ClickHouse Cloud side, and the explorer's commands
// other than Refresh and Show Logs (copy, delete, links, profiles/regions, IAM policy: they bring
// the IAM permissions table) and its rows' Markdown tooltips. None of it is needed to draw the
// explorer tree, so activation does not parse it: src/featureLoader.ts (in dist/extension.js)
// requires it the first time one of its commands runs, a row's tooltip is hovered, a
// `clickpipes-plan:` tab is read, the ClickHouse Cloud tree is shown or a database node lists its roles.
//
// Module state shared with dist/extension.js comes in through FeatureHost rather than being
// bundled twice: the log (one Output channel; this bundle's copy of src/log.ts forwards to it)
// and the AWS layer (PlansDeps.aws is extension.js's awsLoader: one layer, one client and
// credential cache). src/l10n.ts is in both bundles on purpose: its only state is a cached
// reference to vscode.l10n, the same object for both; src/model is too, so each bundle plugs
// vscode.l10n.t into its own copy's translator (translateModelMessages). Everything else stateful that this bundle
// uses (the ClickHouse session, the plan store, the review CodeLens state) exists only here.
import type * as vscode from 'vscode';
import { translateModelMessages } from './l10n';
import { forwardLogTo, type log } from './log';
import { clickHouseSession } from './clickhouse/currentSession';
import { endpointTargets } from './clickhouse/pickers';
import { clickhouseStepCall } from './clickhouse/stepCall';
import { registerPlans, type PlansDeps } from './commands/plans';
import { iamDbAuthRoleFinder } from './commands/iamDbAuthRoles';
import { signedInServices } from './clickhouse/services';
import type { ChNode } from './views/clickhouse/nodes';
import { registerClickHouse } from './views/clickhouse/register';
import { registerClickHouseCommands } from './commands/clickhouse';
import { registerExplorerActions } from './commands/explorerActions';
import type { CommandContext } from './commands/handlerContext';
import { tooltipOf, type TooltipOf } from './views/explorer/describe';

export interface FeatureHost {
  context: vscode.ExtensionContext;
  /** dist/extension.js's log. */
  log: typeof log;
  /** The AWS layer (lazily loaded by extension.js) and the explorer hooks. */
  plans: PlansDeps;
  /** The ClickHouse Cloud tree view, created at activation; its provider forwards to ours. */
  clickHouseView: vscode.TreeView<ChNode>;
  /** The explorer (model, provider, view) for its copy, delete, link and settings commands. */
  explorer: CommandContext;
}

export interface Features {
  /** What the `clickpipes-plan:` file system registered at activation forwards to. */
  planFileSystem: vscode.FileSystemProvider;
  /** What the ClickHouse Cloud view's provider forwards to. */
  clickHouseTree: vscode.TreeDataProvider<ChNode>;
  /** IAM roles this extension made for a database (the explorer's database node). */
  databaseRoles: ReturnType<typeof iamDbAuthRoleFinder>;
  /** The explorer rows' Markdown tooltips (the provider asks on the first hover). */
  tooltipOf: TooltipOf;
}

/** Registers the real command handlers (the loader has just dropped its stubs) and providers. */
export function activateFeatures(host: FeatureHost): Features {
  forwardLogTo(host.log);
  translateModelMessages();
  const { context } = host;
  context.subscriptions.push(...registerExplorerActions(host.explorer));
  const { provider: clickHouseTree, session } = registerClickHouse(context, host.clickHouseView);
  const plans = registerPlans(context, {
    ...host.plans,
    clickhouse: () => clickhouseStepCall(() => clickHouseSession().api(), (line) => host.log.info(line)),
    clickhouseServices: async () => endpointTargets(await clickHouseSession().api()),
    clickhouseRoleServices: signedInServices,
  });
  registerClickHouseCommands(context, session, clickHouseTree, plans.openReview);
  const planFileSystem = plans.fileSystem;
  const databaseRoles = iamDbAuthRoleFinder(context.globalStorageUri.fsPath, host.plans.aws);
  return { planFileSystem, clickHouseTree, databaseRoles, tooltipOf };
}

export type ActivateFeatures = typeof activateFeatures;
