// Creation forms on the plan → review → apply spine.
//
// How to add a form (MSK multi-VPC, endpoint service, IAM DB auth…) in four small pieces:
//   1. src/webviews/protocol.ts — an init notification (`<form>/init`) with the data the page
//      needs, and a submit command (`<form>/submit`) whose guard checks the SHAPE of the values
//      (types, enums, lengths; the rules stay in src/model/validation.ts). Extra lookups are
//      IpcRequests (see LoadVpcRequest).
//   2. src/webviews/app/<form>.ts — the page (copy vpcResource.ts: _client.ts gives send/request/
//      onNotification/ready, drafts via loadDraft/saveDraft; validate with validateForm(kind, …)).
//      esbuild picks it up as dist/webviews/<form>.js automatically.
//   3. src/webviews/forms/<form>.ts — a FormDefinition: loadInit (AWS reads through deps.aws()),
//      register (extra request handlers), validate (validateForm again + host-only checks),
//      build (H4's builder). openForm() does the rest: panel, handshake, validation, plan id,
//      account, review tabs. Nothing is applied from a form.
//   4. src/plans/index.ts — register the command (palette + tree node) next to the VPC one, and
//      add the command + `view/item/context` menu (matching H6's contextValue flags) to package.json.
//   5. Optional, for keyboard users: a QuickPick flow with runSteps() and a Prompter (copy
//      vpcResourceQuick.ts; it reuses the same session, so reads, checks and builder are shared).
// Apply, journal/resume, progress, the result view with copy buttons and the explorer refresh
// come from src/plans for free: the plan's `results` decide what the result view shows.
// Testing a form: unit-test the session's pure helpers; in the extension host drive the panel with
// host.receive(message) and read host.sent (test/suite/plans.test.ts); script the QuickPick with a
// Prompter (test/suite/plansQuickPick.test.ts); click it in test/ui (vpcResource.ui.test.mjs).
import * as vscode from 'vscode';
import type { Scope } from '../../aws/api';
import type { BuildContext } from '../../model/builders';
import { withClickhouseEndpoint, type ClickhouseTarget } from '../../model/builders/clickhouseEndpoint';
import type { Plan } from '../../model/plan';
import type { PlansDeps } from '../../plans/hooks';
import { WebviewHost } from '../panelHost';
import {
  FormCancelCommand, FormClickhouseServicesNotification, FormClickhouseTargetCommand, FormErrorsNotification, FormSubmittedNotification, type FormErrors, type IpcCommand, type IpcNotification,
} from '../protocol';

/** Where the form was opened from: a tree node (duck-typed, so forms don't depend on src/views). */
export type NodeLike = { type?: string; scope?: Scope; resource?: Record<string, unknown> } | undefined;

export type FormContext = {
  deps: PlansDeps;
  extensionUri: vscode.Uri;
  scope: Scope;
  node: NodeLike;
  /** Opens the review tabs for a built plan (src/plans/review.ts). */
  review(plan: Plan): Promise<vscode.Uri>;
  /** The ClickHouse Cloud services an endpoint may be created in; [] when signed out. */
  clickhouseServices?(): Promise<ClickhouseTarget[]>;
};

export type FormSession<Values, Init> = {
  loadInit(): Promise<Init>;
  register?(host: WebviewHost): void;
  /** Host-side validation of submitted values: field → message. */
  validate(values: Values): FormErrors;
  /** Checks that need AWS reads (a role name already taken…); run only after validate() passed. */
  checkRemote?(values: Values): Promise<FormErrors>;
  build(values: Values, ctx: BuildContext): Plan;
};

export type FormDefinition<Values, Init> = {
  viewType: string;
  title: string;
  /** Bundle name: src/webviews/app/<app>.ts. */
  app: string;
  /** Plan id prefix, e.g. `vpcres`. */
  planPrefix: string;
  initNotification: IpcNotification<Init>;
  submitCommand: IpcCommand<{ values: Values }>;
  /** The plan leads to a reverse private endpoint: offer to create it in the same plan. */
  offersClickhouseEndpoint?: boolean;
  start(ctx: FormContext): FormSession<Values, Init>;
};

/** Sortable, unique enough, and safe as a file name and a client-token seed. */
export function newPlanId(prefix: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  return `${prefix}-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Builds the plan with the account filled from STS (best effort: the apply checks it again). */
export async function buildPlan<V>(build: (values: V, ctx: BuildContext) => Plan, values: V, prefix: string, deps: PlansDeps, scope: Scope): Promise<Plan> {
  let accountId: string | undefined;
  try {
    accountId = (await deps.aws().callerIdentity(scope.profile)).account;
  } catch {
    accountId = undefined;
  }
  return build(values, { planId: newPlanId(prefix), createdAt: new Date().toISOString(), profile: scope.profile, region: scope.region, accountId });
}

const serviceKey = (t: ClickhouseTarget) => `${t.organizationId}/${t.serviceId}`;
const serviceLabel = (t: ClickhouseTarget) => `${t.serviceName ?? t.serviceId} (${t.serviceRegion ?? '?'}) — ${t.organizationName ?? t.organizationId}`;

export function openForm<V, I>(def: FormDefinition<V, I>, ctx: FormContext): WebviewHost {
  const existing = WebviewHost.open.get(def.viewType);
  existing?.dispose(); // One form of a kind at a time: opening again starts from the new node.
  const host = new WebviewHost({ extensionUri: ctx.extensionUri, viewType: def.viewType, title: def.title, app: def.app, log: ctx.deps.log });
  const session = def.start(ctx);
  let init: Promise<I> | undefined;
  // "Also create the ClickPipes endpoint in service …": the services, same region first; the choice.
  let services: ClickhouseTarget[] = [];
  let chosen: ClickhouseTarget | undefined;
  host.onReady(() => {
    init ??= session.loadInit();
    void init.then((data) => host.notify(def.initNotification, data));
    if (def.offersClickhouseEndpoint && ctx.clickhouseServices) {
      void ctx.clickhouseServices().then((list) => {
        services = [...list].sort((a, b) => Number(b.serviceRegion === ctx.scope.region) - Number(a.serviceRegion === ctx.scope.region));
        if (services.length) host.notify(FormClickhouseServicesNotification, { services: services.map((t) => ({ value: serviceKey(t), label: serviceLabel(t) })) });
      }, (err: Error) => ctx.deps.log.warn(`ClickHouse Cloud services for the form: ${err.message}`));
    }
  });
  host.on(FormClickhouseTargetCommand, ({ service }) => {
    chosen = services.find((t) => serviceKey(t) === service);
  });
  session.register?.(host);
  host.on(FormCancelCommand, () => host.dispose());
  let submitting = false;
  host.on(def.submitCommand, async ({ values }) => {
    // A double click sends two submits: build one plan, not two.
    if (submitting) return;
    submitting = true;
    try {
      await submit(values);
    } finally {
      submitting = false;
    }
  });
  const submit = async (values: V): Promise<void> => {
    let errors = session.validate(values);
    if (Object.keys(errors).length === 0 && session.checkRemote) errors = await session.checkRemote(values);
    if (Object.keys(errors).length > 0) {
      host.notify(FormErrorsNotification, { errors });
      return;
    }
    const built = await buildPlan(session.build, values, def.planPrefix, ctx.deps, ctx.scope);
    const plan = chosen ? withClickhouseEndpoint(built, chosen) : built;
    const uri = await ctx.review(plan);
    host.notify(FormSubmittedNotification, { planTitle: plan.title, planUri: uri.toString() });
  };
  return host;
}
