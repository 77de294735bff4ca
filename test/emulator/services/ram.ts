// AWS RAM (restJson1): resource shares of VPC Lattice resource configurations with accounts
// such as ClickPipes' 072088201116. Every operation is `POST /<name lowercase>` with a JSON body,
// except DeleteResourceShare (DELETE with query parameters). Timestamps are epoch seconds.
import { ApiError, EmuRequest, RegionState, World } from '../core/types';
import { createRestRouter, RouteContext } from '../core/restRouter';
import { jsonResponse, paginate } from '../core/protocols';
import { withClientToken } from '../core/idempotency';

export const LATTICE_CONFIGURATION_TYPE = 'vpc-lattice:ResourceConfiguration';
const SUPPORTED_RESOURCE_TYPES = [LATTICE_CONFIGURATION_TYPE];
const CONFIG_ARN = /^arn:aws[a-z-]*:vpc-lattice:([a-z0-9-]+):(\d{12}):resourceconfiguration\/(rcfg-[0-9a-z]{17})$/;
const SHARE_ARN = /^arn:aws[a-z-]*:ram:([a-z0-9-]+):(\d{12}):resource-share\/([0-9a-f-]{36})$/;
const ANY_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/;
const ACCOUNT_ID = /^\d{12}$/;
const ORG_PRINCIPAL = /^arn:aws[a-z-]*:organizations::\d{12}:(organization\/o-[a-z0-9]{10,32}|ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32})$/;
const IAM_PRINCIPAL = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user)\/.+$/;
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

const SHARE_STATUSES = ['PENDING', 'ACTIVE', 'FAILED', 'DELETING', 'DELETED'];
const ASSOCIATION_STATUSES = ['ASSOCIATING', 'ASSOCIATED', 'FAILED', 'DISASSOCIATING', 'DISASSOCIATED', 'SUSPENDED', 'SUSPENDING', 'RESTORING'];

const epoch = (world: World) => world.clock.now() / 1000;

const missing = (name: string) => new ApiError('MissingRequiredParameterException', `The request is missing the required parameter ${name}.`, 400);
const invalid = (message: string) => new ApiError('InvalidParameterException', message, 400);
const unknownShare = (arn: string) => new ApiError('UnknownResourceException', `The resource share ${arn} does not exist.`, 400);

export const shareArn = (region: string, account: string, uuid: string) => `arn:aws:ram:${region}:${account}:resource-share/${uuid}`;

function str(body: Record<string, any>, name: string, required = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') { if (required) throw missing(name); return undefined; }
  if (typeof v !== 'string') throw invalid(`${name} must be a string.`);
  return v;
}

function strList(body: Record<string, any>, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalid(`${name} must be a list of strings.`);
  return v;
}

function pageOf<T>(req: EmuRequest, body: Record<string, any>, scope: string, items: T[]): { page: T[]; nextToken?: string } {
  const max = body.maxResults;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 500)) {
    throw new ApiError('InvalidMaxResultsException', `The value for maxResults (${max}) must be between 1 and 500.`, 400);
  }
  return paginate(items, {
    scope: `ram:${scope}:${req.accountId}:${req.region}`, pageSize: max ?? 500, token: str(body, 'nextToken'),
    badToken: () => new ApiError('InvalidNextTokenException', 'The specified value for nextToken is not valid.', 400),
  });
}

/** The account a principal belongs to, when it names one. */
function principalAccount(principal: string): string | undefined {
  if (ACCOUNT_ID.test(principal)) return principal;
  const iam = IAM_PRINCIPAL.exec(principal);
  return iam ? iam[1] : undefined;
}

function checkPrincipal(principal: string, owner: string, allowExternal: boolean): boolean {
  if (!(ACCOUNT_ID.test(principal) || ORG_PRINCIPAL.test(principal) || IAM_PRINCIPAL.test(principal) || SERVICE_PRINCIPAL.test(principal))) {
    if (principal.startsWith('arn:')) throw new ApiError('MalformedArnException', `The format of ARN ${principal} is not valid.`, 400);
    throw invalid(`The principal ${principal} is not an account ID, an organization or OU ARN, an IAM role or user ARN, or a service principal.`);
  }
  const account = principalAccount(principal);
  if (account === owner) throw invalid('You cannot share a resource with your own account.');
  // The emulator has no AWS Organizations: every other account is outside the owner's organization.
  const external = account !== undefined;
  if (external && !allowExternal) {
    throw new ApiError('OperationNotPermittedException',
      `The resource share does not allow external principals; ${principal} is not in your organization. Set allowExternalPrincipals to true.`, 400);
  }
  return external;
}

function checkResource(region: RegionState, req: EmuRequest, arn: string): void {
  if (!ANY_ARN.test(arn)) throw new ApiError('MalformedArnException', `The format of ARN ${arn} is not valid.`, 400);
  const m = CONFIG_ARN.exec(arn);
  if (!m) throw new ApiError('UnknownResourceException', `The resource ${arn} is not of a type the emulator can share (${SUPPORTED_RESOURCE_TYPES.join(', ')}).`, 400);
  const [, r, account, id] = m;
  const config = r === req.region && account === req.accountId ? region.resourceConfigurations.get(id) : undefined;
  if (!config || config.status === 'DELETE_IN_PROGRESS') throw new ApiError('UnknownResourceException', `The resource ${arn} does not exist.`, 400);
  if (config.type === 'CHILD') throw new ApiError('OperationNotPermittedException', `The resource ${arn} is a CHILD resource configuration; share its GROUP instead.`, 400);
}

function ownShare(ctx: RouteContext, arn: string | undefined): Record<string, any> {
  if (!arn) throw missing('resourceShareArn');
  if (!SHARE_ARN.test(arn)) throw new ApiError('MalformedArnException', `The format of ARN ${arn} is not valid.`, 400);
  const share = ctx.world.region(ctx.req.accountId, ctx.req.region).resourceShares.get(arn);
  if (!share) throw unknownShare(arn);
  return share;
}

/** Add ASSOCIATING associations that settle to ASSOCIATED; an entity already associated is returned as is. */
function associate(world: World, region: RegionState, share: Record<string, any>, resources: string[], principals: string[]): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  const add = (entity: string, type: 'PRINCIPAL' | 'RESOURCE', external: boolean) => {
    const existing = region.shareAssociations.find((a) => a.resourceShareArn === share.resourceShareArn && a.associatedEntity === entity &&
      a.associationType === type && a.status !== 'DISASSOCIATED' && a.status !== 'FAILED');
    if (existing) { out.push({ ...existing }); return; }
    const at = epoch(world);
    const assoc: Record<string, any> = {
      resourceShareArn: share.resourceShareArn, resourceShareName: share.name, associatedEntity: entity, associationType: type,
      status: 'ASSOCIATING', creationTime: at, lastUpdatedTime: at, external,
    };
    region.shareAssociations.push(assoc);
    world.schedule(world.timings.shareActivate, `share association ${entity} associated`, () => {
      if (assoc.status === 'ASSOCIATING') { assoc.status = 'ASSOCIATED'; assoc.lastUpdatedTime = epoch(world); }
    });
    out.push({ ...assoc });
  };
  for (const r of resources) add(r, 'RESOURCE', false);
  for (const p of principals) add(p, 'PRINCIPAL', principalAccount(p) !== undefined);
  return out;
}

function disassociate(world: World, region: RegionState, share: Record<string, any>, entities: Array<[string, 'PRINCIPAL' | 'RESOURCE']>): Record<string, any>[] {
  return entities.map(([entity, type]) => {
    const assoc = region.shareAssociations.find((a) => a.resourceShareArn === share.resourceShareArn && a.associatedEntity === entity &&
      a.associationType === type && (a.status === 'ASSOCIATED' || a.status === 'ASSOCIATING'));
    if (!assoc) throw invalid(`${entity} is not associated with the resource share ${share.resourceShareArn}.`);
    assoc.status = 'DISASSOCIATING';
    assoc.lastUpdatedTime = epoch(world);
    world.schedule(world.timings.shareActivate, `share association ${entity} disassociated`, () => {
      assoc.status = 'DISASSOCIATED';
      assoc.lastUpdatedTime = epoch(world);
    });
    return { ...assoc };
  });
}

function shareView(share: Record<string, any>): Record<string, any> {
  const { ...out } = share;
  return out;
}

// ---- operations --------------------------------------------------------------------------------

/** RAM's answer to a client token used again with different parameters. */
const tokenReused = (clientToken: string | undefined) => () =>
  new ApiError('IdempotentParameterMismatchException', `The client token ${clientToken} was already used with different parameters.`, 400);

function createResourceShare(ctx: RouteContext) {
  const { req, world, body } = ctx;
  const name = str(body, 'name', true)!;
  if (name.length > 255) throw invalid('The name must be at most 255 characters.');
  const resources = strList(body, 'resourceArns') ?? [];
  const principals = strList(body, 'principals') ?? [];
  if (body.allowExternalPrincipals !== undefined && typeof body.allowExternalPrincipals !== 'boolean') throw invalid('allowExternalPrincipals must be a boolean.');
  const allowExternal = body.allowExternalPrincipals ?? true;
  const tags = body.tags ?? [];
  if (!Array.isArray(tags) || tags.some((t: any) => !t || typeof t.key !== 'string' || (t.value !== undefined && typeof t.value !== 'string'))) {
    throw invalid('tags must be a list of {key, value}.');
  }
  if (tags.length > 50) throw new ApiError('TagLimitExceededException', 'A resource share can have at most 50 tags.', 400);
  const clientToken = str(body, 'clientToken');
  const { clientToken: _t, ...params } = body;
  return withClientToken(world, req, clientToken, params,
    tokenReused(clientToken),
    () => {
      const region = world.region(req.accountId, req.region);
      for (const r of resources) checkResource(region, req, r);
      for (const p of principals) checkPrincipal(p, req.accountId, allowExternal);
      const at = epoch(world);
      const arn = shareArn(req.region, req.accountId, world.uuid());
      const share: Record<string, any> = {
        resourceShareArn: arn, name, owningAccountId: req.accountId, allowExternalPrincipals: allowExternal,
        status: 'PENDING', tags, creationTime: at, lastUpdatedTime: at, featureSet: 'STANDARD',
      };
      region.resourceShares.set(arn, share);
      world.schedule(world.timings.shareActivate, `share ${arn} active`, () => {
        if (share.status === 'PENDING') { share.status = 'ACTIVE'; share.lastUpdatedTime = epoch(world); }
      });
      associate(world, region, share, resources, principals);
      return jsonResponse(200, { resourceShare: shareView(share), ...(clientToken ? { clientToken } : {}) });
    });
}

/** Shares owned by other accounts in this region in which the caller is an associated principal. */
function sharedWithMe(world: World, req: EmuRequest): Array<{ share: Record<string, any>; region: RegionState }> {
  const out: Array<{ share: Record<string, any>; region: RegionState }> = [];
  for (const account of world.accounts.values()) {
    if (account.id === req.accountId) continue;
    const region = account.regions.get(req.region);
    if (!region) continue;
    for (const share of region.resourceShares.values()) {
      const member = region.shareAssociations.some((a) => a.resourceShareArn === share.resourceShareArn && a.associationType === 'PRINCIPAL' &&
        a.status === 'ASSOCIATED' && principalAccount(a.associatedEntity) === req.accountId);
      if (member) out.push({ share, region });
    }
  }
  return out;
}

function ownerOf(body: Record<string, any>): 'SELF' | 'OTHER-ACCOUNTS' {
  const owner = str(body, 'resourceOwner', true)!;
  if (owner !== 'SELF' && owner !== 'OTHER-ACCOUNTS') throw invalid(`resourceOwner must be SELF or OTHER-ACCOUNTS, not ${owner}.`);
  return owner;
}

function getResourceShares(ctx: RouteContext) {
  const { req, world, body } = ctx;
  const owner = ownerOf(body);
  let shares = owner === 'SELF'
    ? [...world.region(req.accountId, req.region).resourceShares.values()]
    : sharedWithMe(world, req).map((s) => s.share);
  const arns = strList(body, 'resourceShareArns');
  if (arns) shares = shares.filter((s) => arns.includes(s.resourceShareArn));
  const status = str(body, 'resourceShareStatus');
  if (status !== undefined) {
    if (!SHARE_STATUSES.includes(status)) throw invalid(`resourceShareStatus must be one of ${SHARE_STATUSES.join(', ')}.`);
    shares = shares.filter((s) => s.status === status);
  }
  const name = str(body, 'name');
  if (name !== undefined) shares = shares.filter((s) => s.name === name);
  if (Array.isArray(body.tagFilters)) {
    for (const f of body.tagFilters as Array<{ tagKey?: string; tagValues?: string[] }>) {
      shares = shares.filter((s) => (s.tags as any[]).some((t) => t.key === f.tagKey && (!f.tagValues?.length || f.tagValues.includes(t.value))));
    }
  }
  const { page, nextToken } = pageOf(req, body, `shares:${owner}`, shares.map(shareView));
  return { resourceShares: page, ...(nextToken ? { nextToken } : {}) };
}

function getResourceShareAssociations(ctx: RouteContext) {
  const { req, world, body } = ctx;
  const type = str(body, 'associationType', true)!;
  if (!['PRINCIPAL', 'RESOURCE', 'SOURCE'].includes(type)) throw invalid(`associationType must be PRINCIPAL, RESOURCE or SOURCE, not ${type}.`);
  const resourceArn = str(body, 'resourceArn');
  const principal = str(body, 'principal');
  if (type === 'PRINCIPAL' && resourceArn) throw invalid('resourceArn cannot be used when associationType is PRINCIPAL.');
  if (type === 'RESOURCE' && principal) throw invalid('principal cannot be used when associationType is RESOURCE.');
  const region = world.region(req.accountId, req.region);
  let items = region.shareAssociations.filter((a) => a.associationType === type);
  const arns = strList(body, 'resourceShareArns');
  if (arns) {
    for (const arn of arns) if (!region.resourceShares.has(arn)) throw unknownShare(arn);
    items = items.filter((a) => arns.includes(a.resourceShareArn));
  }
  if (resourceArn) items = items.filter((a) => a.associatedEntity === resourceArn);
  if (principal) items = items.filter((a) => a.associatedEntity === principal);
  const status = str(body, 'associationStatus');
  if (status !== undefined) {
    if (!ASSOCIATION_STATUSES.includes(status)) throw invalid(`associationStatus must be one of ${ASSOCIATION_STATUSES.join(', ')}.`);
    items = items.filter((a) => a.status === status);
  }
  const { page, nextToken } = pageOf(req, body, `associations:${type}`, items.map((a) => ({ ...a })));
  return { resourceShareAssociations: page, ...(nextToken ? { nextToken } : {}) };
}

function activeShareFor(ctx: RouteContext): Record<string, any> {
  const share = ownShare(ctx, str(ctx.body, 'resourceShareArn', true));
  if (share.status === 'DELETING' || share.status === 'DELETED') {
    throw new ApiError('InvalidStateTransitionException', `The resource share ${share.resourceShareArn} is ${share.status}.`, 400);
  }
  return share;
}

/**
 * Associate and Disassociate take the same request (resourceArns and/or principals on a live
 * share, idempotent by clientToken) and answer alike; `change` does the one or the other.
 */
function changeAssociations(
  ctx: RouteContext,
  change: (region: RegionState, share: Record<string, any>, resources: string[], principals: string[]) => Record<string, any>[],
) {
  const { req, world, body } = ctx;
  const share = activeShareFor(ctx);
  const resources = strList(body, 'resourceArns') ?? [];
  const principals = strList(body, 'principals') ?? [];
  if (resources.length === 0 && principals.length === 0) throw missing('resourceArns or principals');
  const clientToken = str(body, 'clientToken');
  const { clientToken: _t, ...params } = body;
  return withClientToken(world, req, clientToken, params, tokenReused(clientToken), () => {
    const associations = change(world.region(req.accountId, req.region), share, resources, principals);
    return jsonResponse(200, { resourceShareAssociations: associations, ...(clientToken ? { clientToken } : {}) });
  });
}

function associateResourceShare(ctx: RouteContext) {
  const { req, world } = ctx;
  return changeAssociations(ctx, (region, share, resources, principals) => {
    for (const r of resources) checkResource(region, req, r);
    for (const p of principals) checkPrincipal(p, req.accountId, share.allowExternalPrincipals);
    const associations = associate(world, region, share, resources, principals);
    share.lastUpdatedTime = epoch(world);
    return associations;
  });
}

function disassociateResourceShare(ctx: RouteContext) {
  return changeAssociations(ctx, (region, share, resources, principals) => disassociate(ctx.world, region, share, [
    ...resources.map((r) => [r, 'RESOURCE'] as [string, 'RESOURCE']),
    ...principals.map((p) => [p, 'PRINCIPAL'] as [string, 'PRINCIPAL']),
  ]));
}

function listResources(ctx: RouteContext) {
  const { req, world, body } = ctx;
  const owner = ownerOf(body);
  const type = str(body, 'resourceType');
  if (type !== undefined && !SUPPORTED_RESOURCE_TYPES.includes(type)) {
    throw new ApiError('InvalidResourceTypeException', `The resource type ${type} is not supported.`, 400);
  }
  const scope = str(body, 'resourceRegionScope');
  if (scope !== undefined && !['ALL', 'REGIONAL', 'GLOBAL'].includes(scope)) throw invalid('resourceRegionScope must be ALL, REGIONAL or GLOBAL.');
  const sources = owner === 'SELF'
    ? [...world.region(req.accountId, req.region).resourceShares.values()].map((share) => ({ share, region: world.region(req.accountId, req.region) }))
    : sharedWithMe(world, req);
  const principal = str(body, 'principal');
  const shareArns = strList(body, 'resourceShareArns');
  const resourceArns = strList(body, 'resourceArns');
  const out: Record<string, any>[] = [];
  for (const { share, region } of sources) {
    if (share.status === 'DELETED' || share.status === 'DELETING') continue;
    if (shareArns && !shareArns.includes(share.resourceShareArn)) continue;
    const live = region.shareAssociations.filter((a) => a.resourceShareArn === share.resourceShareArn && (a.status === 'ASSOCIATED' || a.status === 'ASSOCIATING'));
    if (principal && !live.some((a) => a.associationType === 'PRINCIPAL' && a.associatedEntity === principal)) continue;
    for (const a of live.filter((x) => x.associationType === 'RESOURCE')) {
      if (resourceArns && !resourceArns.includes(a.associatedEntity)) continue;
      out.push({
        arn: a.associatedEntity, type: LATTICE_CONFIGURATION_TYPE, resourceShareArn: share.resourceShareArn,
        status: a.status === 'ASSOCIATED' ? 'AVAILABLE' : 'PENDING', creationTime: a.creationTime, lastUpdatedTime: a.lastUpdatedTime,
        resourceRegionScope: 'REGIONAL',
      });
    }
  }
  const { page, nextToken } = pageOf(req, body, `resources:${owner}`, out);
  return { resources: page, ...(nextToken ? { nextToken } : {}) };
}

function deleteResourceShare(ctx: RouteContext) {
  const { req, world } = ctx;
  const arn = req.query.get('resourceShareArn') ?? undefined;
  const clientToken = req.query.get('clientToken') ?? undefined;
  const share = ownShare(ctx, arn);
  return withClientToken(world, req, clientToken, { arn },
    tokenReused(clientToken),
    () => {
      if (share.status === 'DELETING' || share.status === 'DELETED') {
        throw new ApiError('InvalidStateTransitionException', `The resource share ${share.resourceShareArn} is already ${share.status}.`, 400);
      }
      const region = world.region(req.accountId, req.region);
      share.status = 'DELETING';
      share.lastUpdatedTime = epoch(world);
      for (const a of region.shareAssociations) {
        if (a.resourceShareArn === share.resourceShareArn && a.status !== 'DISASSOCIATED') { a.status = 'DISASSOCIATING'; a.lastUpdatedTime = epoch(world); }
      }
      world.schedule(world.timings.delete, `share ${share.resourceShareArn} deleted`, () => {
        share.status = 'DELETED';
        share.lastUpdatedTime = epoch(world);
        for (const a of region.shareAssociations) {
          if (a.resourceShareArn === share.resourceShareArn) { a.status = 'DISASSOCIATED'; a.lastUpdatedTime = epoch(world); }
        }
      });
      return jsonResponse(200, { returnValue: true, ...(clientToken ? { clientToken } : {}) });
    });
}

export const router = createRestRouter([
  { method: 'POST', pattern: '/createresourceshare', operation: 'CreateResourceShare', handle: createResourceShare },
  { method: 'POST', pattern: '/getresourceshares', operation: 'GetResourceShares', handle: getResourceShares },
  { method: 'POST', pattern: '/getresourceshareassociations', operation: 'GetResourceShareAssociations', handle: getResourceShareAssociations },
  { method: 'POST', pattern: '/associateresourceshare', operation: 'AssociateResourceShare', handle: associateResourceShare },
  { method: 'POST', pattern: '/disassociateresourceshare', operation: 'DisassociateResourceShare', handle: disassociateResourceShare },
  { method: 'POST', pattern: '/listresources', operation: 'ListResources', handle: listResources },
  { method: 'DELETE', pattern: '/deleteresourceshare', operation: 'DeleteResourceShare', handle: deleteResourceShare },
], (method, path) => new ApiError('UnknownOperationException', `No RAM operation for ${method} ${path}`, 404));

export const handler = router.handle;
