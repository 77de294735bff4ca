// Diagnose ClickPipes Connectivity: on any row that carries an endpoint, read what each hop needs
// (read-only calls), check it with the pure checks in src/model/doctor, and open the report as a
// read-only markdown document. Each failing hop with a fix has a link (and a CodeLens) that builds
// the fix plan and opens the normal review; nothing changes until that plan is applied.
import * as vscode from 'vscode';
import type { AwsLayer, Scope } from '../aws/api';
import { buildFixPlan } from '../model/builders/doctorFixes';
import { commandLink, commandLinkArgs } from '../model/commandLink';
import { checkDatabase } from '../model/doctor/database';
import { checkEndpointService } from '../model/doctor/endpointService';
import { checkMskMultiVpc } from '../model/doctor/mskMultiVpc';
import { mskSecretChoices, mskSecretHowTo } from '../model/mskSecrets';
import { renderReports } from '../model/doctor/report';
import type { DiagnosedResource, Diagnosis, FixRequest, Hop, Report } from '../model/doctor/types';
import { checkVpcResource } from '../model/doctor/vpcResource';
import type { Plan } from '../model/plan';
import { buildPlan } from '../webviews/forms';
import type { PlansDeps } from '../plans/hooks';
import { diagnosedResourceOf, doctorTargets, rpeRegion, type DoctorTarget } from './doctorTargets';
import { registerCommandTable } from './register';
import type { CommandId } from './ids';

export const DOCTOR_SCHEME = 'clickpipes-doctor';
export const DOCTOR_COMMAND = 'clickpipes.diagnoseConnectivity';
export const REVIEW_FIX_COMMAND = 'clickpipes.doctor.reviewFix';

export type DoctorDeps = PlansDeps & { openReview(plan: Plan): Promise<unknown> };
type Handler = (deps: DoctorDeps, ...args: unknown[]) => Promise<unknown>;

type Stored = { scope: Scope; reports: Report[]; fixes: Map<string, FixRequest>; text: string };
const reports = new Map<string, Stored>();
const changed = new vscode.EventEmitter<vscode.Uri>();
let counter = 0;

/** A report with the resource it turned out to be about (a database target resolves to the database diagnosed). */
export type Diagnosed = { report: Report; resource?: DiagnosedResource };

/**
 * Reads and checks one target; never throws (a failed read is an unknown fact). `undefined` only for a
 * DNS name that reads show is no RDS endpoint of the region: it has no database to report on.
 */
export async function diagnoseTarget(aws: AwsLayer, scope: Scope, t: DoctorTarget): Promise<Diagnosed | undefined> {
  if (t.path !== 'database') return { report: await diagnoseEndpoint(aws, scope, t), resource: diagnosedResourceOf(t) };
  const facts = 'endpoint' in t ? await aws.doctor.databaseAtEndpoint(scope, t.endpoint) : await aws.doctor.database(scope, t.kind, t.id);
  if (!facts) return undefined;
  // An Aurora member (by ARN or by its instance endpoint) is diagnosed as its cluster: report and row are the cluster's.
  const db = facts.database.ok ? facts.database.value : undefined;
  const resource: DiagnosedResource | undefined = db ? { kind: 'database', dbKind: db.kind, id: db.id } : diagnosedResourceOf(t);
  const subject = db?.id ?? ('endpoint' in t ? t.endpoint : t.id);
  return { report: { profile: scope.profile, region: scope.region, path: 'database', subject, hops: checkDatabase(facts) }, resource };
}

async function diagnoseEndpoint(aws: AwsLayer, scope: Scope, t: Exclude<DoctorTarget, { path: 'database' }>): Promise<Report> {
  const base = { profile: scope.profile, region: scope.region };
  switch (t.path) {
    case 'vpcResource':
      return { ...base, path: t.path, subject: t.configurationId, hops: checkVpcResource(await aws.doctor.vpcResource(scope, t.configurationId)) };
    case 'endpointService':
      return {
        ...base, path: t.path, subject: t.serviceId ?? t.serviceName ?? '',
        hops: checkEndpointService(await aws.doctor.endpointService(scope, { id: t.serviceId, name: t.serviceName }, { clickPipesRegion: t.clickPipesRegion })),
      };
    case 'mskMultiVpc':
      return { ...base, path: t.path, subject: `${t.clusterArn.split('/')[1] ?? t.clusterArn} (${t.auth})`, hops: checkMskMultiVpc(await aws.doctor.mskMultiVpc(scope, t.clusterArn, t.auth)) };
  }
}

async function scopeFor(deps: DoctorDeps, node: unknown): Promise<Scope | undefined> {
  const own = (node as { scope?: Scope } | undefined)?.scope;
  if (own?.profile && own.region) return own;
  const region = rpeRegion(node);
  const shown = (deps.explorer?.scopes?.() ?? []).filter((s) => !region || s.region === region);
  if (shown.length === 1) return shown[0];
  const profiles = shown.length ? shown.map((s) => s.profile) : (await deps.aws().listProfiles()).map((p) => p.name);
  const profile = await vscode.window.showQuickPick(profiles, { placeHolder: vscode.l10n.t('AWS profile that owns the AWS side ({0})', region ?? '?') });
  if (!profile) return undefined;
  const r = region ?? await vscode.window.showInputBox({ prompt: vscode.l10n.t('AWS region'), value: 'us-east-1' });
  return r ? { profile, region: r } : undefined;
}

/** From the palette: ask what to diagnose (kind, then its id or ARN). */
async function askTarget(): Promise<DoctorTarget[]> {
  const kinds = [
    { label: vscode.l10n.t('Resource configuration ID (rcfg-…)'), make: (v: string): DoctorTarget => ({ path: 'vpcResource', configurationId: v }) },
    { label: vscode.l10n.t('Endpoint service ID (vpce-svc-…)'), make: (v: string): DoctorTarget => ({ path: 'endpointService', serviceId: v }) },
    { label: vscode.l10n.t('MSK cluster ARN (SASL/IAM)'), make: (v: string): DoctorTarget => ({ path: 'mskMultiVpc', clusterArn: v, auth: 'SASL_IAM' }) },
    { label: vscode.l10n.t('MSK cluster ARN (SASL/SCRAM)'), make: (v: string): DoctorTarget => ({ path: 'mskMultiVpc', clusterArn: v, auth: 'SASL_SCRAM' }) },
    { label: vscode.l10n.t('DB instance identifier'), make: (v: string): DoctorTarget => ({ path: 'database', kind: 'instance', id: v }) },
    { label: vscode.l10n.t('DB cluster identifier'), make: (v: string): DoctorTarget => ({ path: 'database', kind: 'cluster', id: v }) },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { placeHolder: vscode.l10n.t('What to diagnose') });
  if (!kind) return [];
  const value = await vscode.window.showInputBox({ prompt: kind.label, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a value.')) });
  return value ? [kind.make(value.trim())] : [];
}

const fixLink = (id: string) => (report: Report, hop: Hop) => (hop.fix
  ? commandLink(REVIEW_FIX_COMMAND, [{ report: id, fix: `${report.path}/${report.subject}/${hop.id}` }])
  : undefined);

const diagnose: Handler = async (deps, node) => {
  const targets = node ? doctorTargets(node) : await askTarget();
  if (!targets.length) {
    if (node) void vscode.window.showInformationMessage(vscode.l10n.t('This row carries no endpoint to diagnose.'));
    return undefined;
  }
  const scope = await scopeFor(deps, node);
  if (!scope) return undefined;
  const diagnosed = (await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Diagnosing ClickPipes connectivity…') },
    () => Promise.all(targets.map((t) => diagnoseTarget(deps.aws(), scope, t))),
  )).filter((d): d is Diagnosed => !!d);
  const found = diagnosed.map((d) => d.report);
  // The explorer's rows of these resources show the verdict (through its hooks: no view import here).
  deps.explorer?.diagnosed?.(scope, diagnosed.filter((d) => d.resource).map((d): Diagnosis => ({ resource: d.resource!, report: d.report })));
  const id = `report-${++counter}`;
  const fixes = new Map<string, FixRequest>();
  for (const r of found) for (const h of r.hops) if (h.fix) fixes.set(`${r.path}/${r.subject}/${h.id}`, h.fix);
  const text = renderReports(found, fixLink(id), new Date().toISOString());
  reports.set(id, { scope, reports: found, fixes, text });
  const uri = vscode.Uri.from({ scheme: DOCTOR_SCHEME, path: `/${id}/connectivity-report.md` });
  changed.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { preview: false });
  return found;
};

const reviewFix: Handler = async (deps, arg) => {
  const { report, fix } = (arg ?? {}) as { report?: string; fix?: string };
  const stored = report ? reports.get(report) : undefined;
  const request = fix ? stored?.fixes.get(fix) : undefined;
  if (!stored || !request) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This report is no longer open: diagnose again to get its fixes.'));
    return undefined;
  }
  const chosen = await withSecretChoice(deps, stored.scope, request);
  if (!chosen) return undefined;
  const plan = await buildPlan(buildFixPlan, chosen, 'doctor', deps, stored.scope);
  await deps.openReview(plan);
  return plan;
};

/** The SASL/SCRAM secret fix: the user picks one of the account's usable AmazonMSK_ secrets first. */
async function withSecretChoice(deps: DoctorDeps, scope: Scope, request: FixRequest): Promise<FixRequest | undefined> {
  if (request.kind !== 'mskScramSecret' || request.secretArn) return request;
  const choices = mskSecretChoices(await deps.aws().listMskSecrets(scope));
  const usable = choices.filter((c) => c.usable);
  if (!usable.length) {
    const unusable = choices.map((c) => `${c.name} (${c.reason ?? ''})`).join('; ');
    void vscode.window.showWarningMessage(
      [vscode.l10n.t('No secret in {0} can be associated with {1}.', scope.region, request.clusterName), unusable, mskSecretHowTo()].filter(Boolean).join(' '),
    );
    return undefined;
  }
  const skipped = choices.length - usable.length;
  const pick = await vscode.window.showQuickPick(usable.map((c) => ({ label: c.name, description: c.kmsKeyId ?? '', detail: c.arn, arn: c.arn })), {
    placeHolder: skipped
      ? vscode.l10n.t('SASL/SCRAM secret to associate with {0} ({1} other AmazonMSK_ secrets cannot be used: default KMS key)', request.clusterName, skipped)
      : vscode.l10n.t('SASL/SCRAM secret to associate with {0}', request.clusterName),
  });
  return pick ? { ...request, secretArn: pick.arn } : undefined;
}

export const DOCTOR_COMMANDS: readonly { id: CommandId; handler: Handler }[] = [
  { id: DOCTOR_COMMAND, handler: diagnose },
  { id: REVIEW_FIX_COMMAND, handler: reviewFix },
];

/** One CodeLens per fix link in a report, so the fix is one click away in the editor too. */
class FixLenses implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    let title = '';
    for (let i = 0; i < doc.lineCount; i++) {
      const line = doc.lineAt(i).text;
      const hop = /^- ❌ \*\*(.+?)\*\*/.exec(line);
      if (hop) title = hop[1].replace(/\\(.)/g, '$1');
      const args = commandLinkArgs(line, REVIEW_FIX_COMMAND);
      if (!args) continue;
      lenses.push(new vscode.CodeLens(doc.lineAt(i).range, { title: vscode.l10n.t('$(tools) Review the fix plan: {0}', title), command: REVIEW_FIX_COMMAND, arguments: args }));
    }
    return lenses;
  }
}

/** Registers the commands, the report documents and their CodeLenses (registerPlans calls it with its review opener). */
export function registerDoctor(deps: DoctorDeps): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(DOCTOR_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => reports.get(uri.path.split('/')[1])?.text
        ?? vscode.l10n.t('This report is from an earlier session: run Diagnose ClickPipes Connectivity again.'),
    }),
    vscode.languages.registerCodeLensProvider({ scheme: DOCTOR_SCHEME }, new FixLenses()),
    ...registerCommandTable(DOCTOR_COMMANDS.map(({ id, handler }) => ({ id, handler: (...args: unknown[]) => handler(deps, ...args) }))),
  ];
}
