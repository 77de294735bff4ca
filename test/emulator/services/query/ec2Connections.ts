// Who may connect to an endpoint service (permissions) and the connections consumers made:
// describe, accept (PendingAcceptance → Pending → Available on the clock) and reject.
import { createHash } from 'node:crypto';
import { filtersParam, listParam, optionalParam, requireParam } from '../../core/protocols';
import { ApiError, EmuRequest, World } from '../../core/types';
import { dryRunGate, QueryOperation } from './dispatch';
import { badEc2Token } from './ec2Network';
import { findService } from './ec2EndpointServices';
import { checkFilterNames, clampedIntParam, matchesFilters, page } from './params';

type Rec = Record<string, any>;

const IAM_NAME = "[\\w+=,.@/-]+";
const PRINCIPAL_TYPES: Array<[RegExp, string]> = [
  [/^\*$/, 'All'],
  [/^arn:aws[a-z-]*:iam::\d{12}:root$/, 'Account'],
  [new RegExp(`^arn:aws[a-z-]*:iam::\\d{12}:user/${IAM_NAME}$`), 'User'],
  [new RegExp(`^arn:aws[a-z-]*:iam::\\d{12}:role/${IAM_NAME}$`), 'Role'],
  [/^arn:aws[a-z-]*:organizations::\d{12}:(organization\/o-[a-z0-9]{10,32}|ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/, 'OrganizationUnit'],
  [/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/, 'Service'],
];

/** The PrincipalType AWS reports for a principal, or undefined when it is not a valid principal. */
export function principalType(principal: string): string | undefined {
  return PRINCIPAL_TYPES.find(([re]) => re.test(principal))?.[1];
}

/** Stable per (service, principal), like the id AWS keeps for a permission. */
function permissionId(serviceId: string, principal: string): string {
  return 'vpce-svc-perm-' + createHash('sha256').update(`${serviceId}|${principal}`).digest('hex').slice(0, 17);
}

function allowedPrincipal(serviceId: string, principal: string): Rec {
  return { PrincipalType: principalType(principal) ?? 'Account', Principal: principal, ServicePermissionId: permissionId(serviceId, principal), ServiceId: serviceId };
}

const PERMISSION_FILTERS: Record<string, (r: Rec) => unknown> = {
  principal: (r) => r.Principal,
  'principal-type': (r) => r.PrincipalType,
};

export const describeVpcEndpointServicePermissions: QueryOperation = (req, world) => {
  const svc = findService(world, req, requireParam(req, 'ServiceId'));
  const filters = filtersParam(req);
  checkFilterNames(filters, Object.keys(PERMISSION_FILTERS));
  const maxResults = clampedIntParam(req, 'MaxResults', 5, 1000);
  const principals = world.region(req.accountId, req.region).servicePermissions.get(svc.ServiceId) ?? [];
  const items = principals.map((p) => allowedPrincipal(svc.ServiceId, p)).filter((r) => matchesFilters(r, filters, PERMISSION_FILTERS));
  const { page: out, nextToken } = page(req, `permissions:${svc.ServiceId}`, items, maxResults ?? 1000, optionalParam(req, 'NextToken'), badEc2Token);
  return { AllowedPrincipals: out, NextToken: nextToken };
};

export const modifyVpcEndpointServicePermissions: QueryOperation = (req, world) => {
  const svc = findService(world, req, requireParam(req, 'ServiceId'));
  const add = listParam(req, 'AddAllowedPrincipals');
  const remove = listParam(req, 'RemoveAllowedPrincipals');
  for (const p of [...add, ...remove]) {
    if (!principalType(p)) throw new ApiError('InvalidPrincipal', `Invalid principal ${p}`);
  }
  dryRunGate(req);
  const permissions = world.region(req.accountId, req.region).servicePermissions;
  const current = new Set(permissions.get(svc.ServiceId) ?? []);
  for (const p of add) current.add(p);
  for (const p of remove) current.delete(p);
  permissions.set(svc.ServiceId, [...current]);
  return {
    AddedPrincipals: add.length ? [...new Set(add)].map((p) => allowedPrincipal(svc.ServiceId, p)) : undefined,
    ReturnValue: true,
  };
};

const CONNECTION_FILTERS: Record<string, (r: Rec) => unknown> = {
  'service-id': (r) => r.ServiceId,
  'vpc-endpoint-owner': (r) => r.VpcEndpointOwner,
  // Either spelling of a state matches (see sameState).
  'vpc-endpoint-state': (r) => {
    const v = String(r.VpcEndpointState ?? '');
    return [v[0]?.toLowerCase() + v.slice(1), v[0]?.toUpperCase() + v.slice(1)];
  },
  'vpc-endpoint-id': (r) => r.VpcEndpointId,
  'vpc-endpoint-region': (r) => r.VpcEndpointRegion,
  'ip-address-type': (r) => r.IpAddressType,
};

export const describeVpcEndpointConnections: QueryOperation = (req, world) => {
  const filters = filtersParam(req);
  checkFilterNames(filters, Object.keys(CONNECTION_FILTERS));
  const maxResults = clampedIntParam(req, 'MaxResults', 5, 1000);
  const items = [...world.region(req.accountId, req.region).endpointConnections.values()]
    .filter((c) => matchesFilters(c, filters, CONNECTION_FILTERS));
  const { page: out, nextToken } = page(req, 'endpoint-connections', items, maxResults ?? 1000, optionalParam(req, 'NextToken'), badEc2Token);
  return { VpcEndpointConnections: out, NextToken: nextToken };
};

/**
 * Real EC2 returns connection states in lowerCamel case (`pendingAcceptance`, `available`) although
 * the SDK's State enum spells them PascalCase (aws/aws-sdk-go#3555, aws/aws-sdk#360). Records may
 * use either; states are compared without case and written in the record's own convention.
 */
export const sameState = (a: unknown, b: string) => String(a).toLowerCase() === b.toLowerCase();
function setState(c: Rec, next: string): void {
  const current = String(c.VpcEndpointState ?? '');
  c.VpcEndpointState = current && current[0] === current[0].toLowerCase() ? next[0].toLowerCase() + next.slice(1) : next;
}

/** Shared by accept and reject: which requested endpoints can move, and why the others cannot. */
function decide(req: EmuRequest, world: World, allowed: string[]): { svc: Rec; movable: Rec[]; unsuccessful: Rec[] } {
  const svc = findService(world, req, requireParam(req, 'ServiceId'));
  const ids = listParam(req, 'VpcEndpointId');
  if (!ids.length) throw new ApiError('MissingParameter', 'The request must contain the parameter VpcEndpointId');
  const connections = world.region(req.accountId, req.region).endpointConnections;
  const movable: Rec[] = [];
  const unsuccessful: Rec[] = [];
  for (const id of ids) {
    const c = connections.get(id);
    if (!c || c.ServiceId !== svc.ServiceId) {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpointId.NotFound', Message: `The Vpc Endpoint Id '${id}' does not exist` } });
    } else if (!allowed.some((a) => sameState(c.VpcEndpointState, a))) {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidState', Message: `Vpc Endpoint ${id} is in state ${c.VpcEndpointState}` } });
    } else {
      movable.push(c);
    }
  }
  dryRunGate(req);
  return { svc, movable, unsuccessful };
}

export const acceptVpcEndpointConnections: QueryOperation = (req, world) => {
  const { movable, unsuccessful } = decide(req, world, ['PendingAcceptance']);
  for (const c of movable) {
    setState(c, 'Pending');
    world.schedule(world.timings.update, `endpoint connection ${c.VpcEndpointId} Pending → Available`, () => {
      if (sameState(c.VpcEndpointState, 'Pending')) setState(c, 'Available');
    });
  }
  return { Unsuccessful: unsuccessful };
};

export const rejectVpcEndpointConnections: QueryOperation = (req, world) => {
  const { movable, unsuccessful } = decide(req, world, ['PendingAcceptance', 'Pending', 'Available']);
  for (const c of movable) setState(c, 'Rejected');
  return { Unsuccessful: unsuccessful };
};
