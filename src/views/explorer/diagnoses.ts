// The doctor's verdicts, as the rows show them: the doctor (in the features bundle) hands its
// diagnoses over through the explorer hooks (src/plans/hooks.ts), never by importing the view.
// Kept per profile · region and resource until that scope is refreshed (an applied fix refreshes
// it), so a row shows the latest diagnosis, not a stale one. Pure: no `vscode`.
import type { Scope } from '../../aws/api';
import type { DiagnosedResource, Diagnosis, Report } from '../../model/doctor/types';
import { ids, type ExplorerNode } from './nodes';

function keysOfResource(r: DiagnosedResource): string[] {
  switch (r.kind) {
    case 'resourceConfiguration':
    case 'mskCluster': return [`${r.kind}:${r.id}`];
    case 'endpointService': return [r.id && `endpointService:${r.id}`, r.name && `endpointService:${r.name}`].filter((k): k is string => !!k);
    case 'database': return [`database:${r.dbKind}:${r.id}`];
  }
}

/** The keys a row answers to (a member instance of an Aurora cluster shows its cluster's diagnosis). */
function keysOfNode(node: ExplorerNode): string[] {
  switch (node.type) {
    case 'resourceConfiguration': return [`resourceConfiguration:${node.resource.id}`];
    case 'mskCluster': return [`mskCluster:${node.resource.arn}`];
    case 'endpointService': return [`endpointService:${node.resource.id}`, `endpointService:${node.resource.name}`];
    case 'database': {
      const d = node.resource;
      return [d.kind === 'cluster' ? `database:cluster:${d.id}` : d.clusterId ? `database:cluster:${d.clusterId}` : `database:instance:${d.id}`];
    }
    default: return [];
  }
}

export class DiagnosisStore {
  /** `${profile}/${region}` → resource key → the reports of its latest diagnosis. */
  private readonly byScope = new Map<string, Map<string, Report[]>>();

  /** Records one run of the doctor; a resource diagnosed again replaces its earlier reports. */
  record(scope: Scope, diagnoses: readonly Diagnosis[]): void {
    const scopeKey = ids.region(scope);
    const map = this.byScope.get(scopeKey) ?? new Map<string, Report[]>();
    const fresh = new Map<string, Report[]>();
    for (const d of diagnoses) {
      for (const k of keysOfResource(d.resource)) fresh.set(k, [...(fresh.get(k) ?? []), d.report]);
    }
    for (const [k, reports] of fresh) map.set(k, reports);
    this.byScope.set(scopeKey, map);
  }

  /** The reports shown on this row, or undefined when it was not diagnosed. */
  of(node: ExplorerNode): Report[] | undefined {
    if (!('scope' in node)) return undefined;
    const map = this.byScope.get(ids.region(node.scope));
    if (!map) return undefined;
    for (const k of keysOfNode(node)) {
      const reports = map.get(k);
      if (reports) return reports;
    }
    return undefined;
  }

  /** Forget a scope's diagnoses (undefined: all of them). */
  clear(scope?: Scope): void {
    if (scope) this.byScope.delete(ids.region(scope));
    else this.byScope.clear();
  }
}
