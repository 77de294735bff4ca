// *Copy Required IAM Policy…*: pick the explorer's read-only policy and the write actions of the
// flows you will run; the policy, built from src/model/iamPermissions.ts, goes to the clipboard.
import * as vscode from 'vscode';
import { actionsFor, flowLabel, policyFor, POLICY_FLOWS, type PolicyFlow } from '../model/iamPermissions';
import type { CommandHandler } from './handlerContext';
import { copyQuietly } from './copy';

type FlowItem = vscode.QuickPickItem & { flow: PolicyFlow };

const isFlowList = (x: unknown): x is PolicyFlow[] =>
  Array.isArray(x) && x.length > 0 && x.every((f) => (POLICY_FLOWS as readonly unknown[]).includes(f));

/** From the palette: a QuickPick. With a list of flows as its second argument (tests, links): no question. */
export const copyRequiredIamPolicy: CommandHandler = async (_ctx, _node, flowsArg?: unknown) => {
  if (isFlowList(flowsArg)) {
    const policy = policyFor(flowsArg);
    await copyQuietly(vscode.l10n.t('IAM policy'), policy);
    return policy;
  }
  const items: FlowItem[] = POLICY_FLOWS.map((flow) => ({
    flow,
    label: flowLabel(flow),
    description: vscode.l10n.t('{0} actions', actionsFor(flow).length),
    picked: flow === 'explorer',
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Copy Required IAM Policy'),
    placeHolder: vscode.l10n.t('The explorer needs the read-only policy; add the flows you will run'),
  });
  if (!picked?.length) return undefined;
  const policy = policyFor(picked.map((i) => i.flow));
  await copyQuietly(vscode.l10n.t('IAM policy'), policy);
  return policy;
};

export const IAM_POLICY_COMMANDS = [
  { id: 'clickpipes.copyRequiredIamPolicy', handler: copyRequiredIamPolicy },
] as const;
