// Creation forms on the plan → review → apply spine: openForm() runs one form session in a
// webview panel (handshake, validation, plan id, account, review tabs); nothing is applied from a
// form. How to add one: docs/ARCHITECTURE.md, "Add a flow".
import * as vscode from 'vscode';
import type { AwsLayer, Scope } from '../../aws/api';
import type { BuildContext } from '../../model/builders';
import { withClickhouseEndpoint, type ClickhouseTarget } from '../../model/builders/clickhouseEndpoint';
import type { Plan } from '../../model/plan';
import type { ChService } from '../../model/clickhouse';
import { WebviewHost } from '../panelHost';
import {
  FormCancelCommand, FormClickhouseServicesNotification, FormClickhouseTargetCommand, FormErrorsNotification, FormSubmittedNotification, type FormErrors, type IpcCommand, type IpcNotification,
} from '../protocol';

/** Where the form was opened from: a tree node (duck-typed, so forms don't depend on src/views). */
export type NodeLike = { type?: string; scope?: Scope; resource?: Record<string, unknown> } | undefined;

/** What forms and flow commands use of the host: the plan engine's PlansDeps satisfies it. */
export type FormDeps = {
  aws(): AwsLayer;
  log: { info(m: string): void; warn(m: string): void; error(m: string): void };
  explorer?: { refresh(scope: Scope): void | Promise<void> };
  /** ClickHouse Cloud services the signed-in key sees (with their iamRole); undefined when signed out. */
  clickhouseRoleServices?(): Promise<ChService[] | undefined>;
};

export type FormContext = {
  deps: FormDeps;
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
export async function buildPlan<V>(build: (values: V, ctx: BuildContext) => Plan, values: V, prefix: string, deps: FormDeps, scope: Scope): Promise<Plan> {
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
        // A choice of a service no longer listed is dropped here too (the page drops it from its draft).
        if (chosen && !services.some((t) => serviceKey(t) === serviceKey(chosen!))) chosen = undefined;
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
