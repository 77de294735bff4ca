// RAM resource shares owned by the account, with their principals and shared resources.
// Three paginated calls in parallel: the shares, and ALL principal and ALL resource associations
// (GetResourceShareAssociations without resourceShareArns returns those of every share we own),
// grouped by share here. Fewer requests than one association call per share, and no wait
// for the share list before asking for associations.
import { paginateGetResourceShareAssociations, paginateGetResourceShares } from '@aws-sdk/client-ram';
import type { ResourceShareAssociation } from '@aws-sdk/client-ram';
import type { Scope } from './api';
import type { ResourceShare } from '../model/resources';
import { allPages, AwsContext, compact } from './awsContext';

/** RAM's maximum page size. */
const PAGE = 500;

function associations(ctx: AwsContext, scope: Scope, associationType: 'PRINCIPAL' | 'RESOURCE'): Promise<ResourceShareAssociation[]> {
  return ctx.run(scope, 'ram', 'GetResourceShareAssociations', (client) =>
    allPages(paginateGetResourceShareAssociations({ client }, { associationType, maxResults: PAGE }), (p) => p.resourceShareAssociations));
}

/** Share ARN → its associations, in the order RAM returned them. */
function byShare(list: ResourceShareAssociation[]): Map<string, ResourceShareAssociation[]> {
  const map = new Map<string, ResourceShareAssociation[]>();
  for (const a of list) {
    if (!a.resourceShareArn) continue;
    const bucket = map.get(a.resourceShareArn) ?? [];
    bucket.push(a);
    map.set(a.resourceShareArn, bucket);
  }
  return map;
}

export async function listResourceShares(ctx: AwsContext, scope: Scope): Promise<ResourceShare[]> {
  const [shares, principals, resources] = await Promise.all([
    ctx.run(scope, 'ram', 'GetResourceShares', (client) =>
      allPages(paginateGetResourceShares({ client }, { resourceOwner: 'SELF', maxResults: PAGE }), (p) => p.resourceShares)),
    associations(ctx, scope, 'PRINCIPAL'),
    associations(ctx, scope, 'RESOURCE'),
  ]);
  const principalsOf = byShare(principals);
  const resourcesOf = byShare(resources);
  return shares.map((s) => compact({
    arn: s.resourceShareArn ?? '',
    name: s.name ?? '',
    status: s.status ?? 'UNKNOWN',
    owningAccountId: s.owningAccountId,
    allowExternalPrincipals: s.allowExternalPrincipals ?? false,
    principals: (principalsOf.get(s.resourceShareArn ?? '') ?? []).map((a) => ({ id: a.associatedEntity ?? '', status: a.status ?? 'UNKNOWN' })),
    resources: (resourcesOf.get(s.resourceShareArn ?? '') ?? []).map((a) => ({ arn: a.associatedEntity ?? '', status: a.status ?? 'UNKNOWN' })),
  }));
}
