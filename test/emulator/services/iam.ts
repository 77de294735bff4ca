// IAM (awsQuery, 2010-05-08; global, so any signing region works): roles with trust policies,
// inline role policies, customer managed policies and attachments, role tags.
import { optionalParam, requireParam } from '../core/protocols';
import { AccountState, ApiError, EmuRequest, World } from '../core/types';
import { queryHandler } from './query/dispatch';
import { intParam, page, queryTags, Tag } from './query/params';
import { policySize, rfc3986, validatePolicy } from './query/iamPolicy';
import { iamWire } from './query/wireNames';

type Rec = Record<string, any>;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const TRUST_POLICY_QUOTA = 2048;      // ACLSizePerRole (default quota)
const INLINE_POLICY_QUOTA = 10240;    // aggregate inline policy size per role
const MANAGED_POLICY_QUOTA = 6144;
const ATTACHED_POLICY_QUOTA = 10;     // PoliciesPerRole (default quota)
const TAG_QUOTA = 50;

const iamOf = (world: World, req: EmuRequest): AccountState['iam'] => world.account(req.accountId).iam;

function invalid(field: string, value: string, constraint: string): ApiError {
  return new ApiError('ValidationError', `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

function checkName(field: string, value: string, max: number): void {
  if (value.length > max) throw invalid(field, value, `Member must have length less than or equal to ${max}`);
  if (!NAME.test(value)) throw invalid(field, value, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
}

function checkPath(req: EmuRequest): string {
  const path = optionalParam(req, 'Path') ?? '/';
  if (path.length > 512 || !PATH.test(path)) throw invalid('path', path, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
  return path;
}

function checkTags(tags: Tag[]): void {
  const keys = new Set<string>();
  for (const t of tags) {
    if (!t.Key || t.Key.length > 128) throw invalid('tags.member.key', t.Key, 'Member must have length between 1 and 128');
    if (t.Value.length > 256) throw invalid('tags.member.value', t.Value, 'Member must have length less than or equal to 256');
    if (/^aws:/i.test(t.Key)) throw new ApiError('InvalidInput', 'User-defined tag keys cannot start with aws:.');
    if (keys.has(t.Key.toLowerCase())) throw new ApiError('InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    keys.add(t.Key.toLowerCase());
  }
  if (tags.length > TAG_QUOTA) throw new ApiError('LimitExceeded', `The number of tags has reached the maximum limit (${TAG_QUOTA}).`);
}

/** IAM names are unique and looked up without regard to case. */
function findRole(world: World, req: EmuRequest, name = requireParam(req, 'RoleName')): Rec {
  checkName('roleName', name, 64);
  const roles = iamOf(world, req).roles;
  const role = roles.get(name) ?? [...roles.values()].find((r) => r.RoleName.toLowerCase() === name.toLowerCase());
  if (!role) throw new ApiError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
  return role;
}

/** What IAM returns for a role: the stored record with its trust policy URL-encoded. */
function roleOutput(role: Rec): Rec {
  return { ...role, AssumeRolePolicyDocument: role.AssumeRolePolicyDocument === undefined ? undefined : rfc3986(documentText(role.AssumeRolePolicyDocument)) };
}

/** Documents are stored as raw JSON text; a record written as an object (by hand) is tolerated. */
function documentText(doc: unknown): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc);
}

function checkTrustPolicy(text: string): void {
  validatePolicy(text, 'trust');
  if (policySize(text) > TRUST_POLICY_QUOTA) throw new ApiError('LimitExceeded', `Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_QUOTA}`);
}

/** IAM's Marker/MaxItems paging: `IsTruncated` plus a `Marker` when there is more. */
function iamPage<T>(req: EmuRequest, listing: string, items: T[]): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const maxItems = intParam(req, 'MaxItems', 1, 1000, 'ValidationError') ?? 100;
  const { page: out, nextToken } = page(req, listing, items, maxItems, optionalParam(req, 'Marker'),
    () => new ApiError('ValidationError', 'Invalid Marker.'));
  return { items: out, IsTruncated: nextToken !== undefined, Marker: nextToken };
}

function managedPolicy(world: World, req: EmuRequest, arn: string): Rec {
  if (!/^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\/.+/.test(arn)) {
    throw invalid('policyArn', arn, 'Member must satisfy ARN format');
  }
  const found = iamOf(world, req).managedPolicies.get(arn);
  if (found) return found;
  // AWS managed policies exist in every account; the emulator does not list them, it trusts the name.
  if (arn.includes(':iam::aws:policy/')) {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    return { PolicyName: name, Arn: arn, Path: arn.slice(arn.indexOf(':policy') + 7, arn.lastIndexOf('/') + 1), AttachmentCount: 0 };
  }
  throw new ApiError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
}

export const handler = queryHandler('awsQuery', iamWire, {
  CreateRole: (req, world) => {
    const iam = iamOf(world, req);
    const name = requireParam(req, 'RoleName');
    checkName('roleName', name, 64);
    const trust = requireParam(req, 'AssumeRolePolicyDocument');
    const path = checkPath(req);
    const description = optionalParam(req, 'Description');
    if (description !== undefined && description.length > 1000) throw invalid('description', description, 'Member must have length less than or equal to 1000');
    const maxSession = intParam(req, 'MaxSessionDuration', 3600, 43200, 'ValidationError');
    const boundary = optionalParam(req, 'PermissionsBoundary');
    const tags = queryTags(req);
    checkTags(tags);
    checkTrustPolicy(trust);
    if ([...iam.roles.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) {
      throw new ApiError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
    }
    if (boundary !== undefined) managedPolicy(world, req, boundary);
    const role: Rec = {
      Path: path,
      RoleName: name,
      RoleId: world.id('AROA', 17, ID_ALPHABET),
      Arn: `arn:aws:iam::${req.accountId}:role${path}${name}`,
      CreateDate: new Date(world.clock.now()),
      AssumeRolePolicyDocument: trust,
      Description: description,
      MaxSessionDuration: maxSession ?? 3600,
      PermissionsBoundary: boundary ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary } : undefined,
      Tags: tags.length ? tags : undefined,
      RoleLastUsed: {},
    };
    iam.roles.set(name, role);
    return { Role: roleOutput(role) };
  },

  GetRole: (req, world) => ({ Role: roleOutput(findRole(world, req)) }),

  UpdateAssumeRolePolicy: (req, world) => {
    const role = findRole(world, req);
    const doc = requireParam(req, 'PolicyDocument');
    checkTrustPolicy(doc);
    role.AssumeRolePolicyDocument = doc;
    return {};
  },

  DeleteRole: (req, world) => {
    const iam = iamOf(world, req);
    const role = findRole(world, req);
    if ((iam.rolePolicies.get(role.RoleName)?.size ?? 0) > 0) {
      throw new ApiError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
    }
    if ((iam.attachedPolicies.get(role.RoleName)?.length ?? 0) > 0) {
      throw new ApiError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
    }
    iam.roles.delete(role.RoleName);
    iam.rolePolicies.delete(role.RoleName);
    iam.attachedPolicies.delete(role.RoleName);
    return {};
  },

  PutRolePolicy: (req, world) => {
    const iam = iamOf(world, req);
    const role = findRole(world, req);
    const policyName = requireParam(req, 'PolicyName');
    checkName('policyName', policyName, 128);
    const doc = requireParam(req, 'PolicyDocument');
    validatePolicy(doc, 'identity');
    const policies = iam.rolePolicies.get(role.RoleName) ?? new Map<string, string>();
    const total = [...policies].filter(([n]) => n !== policyName).reduce((n, [, d]) => n + policySize(d), policySize(doc));
    if (total > INLINE_POLICY_QUOTA) {
      throw new ApiError('LimitExceeded', `Maximum policy size of ${INLINE_POLICY_QUOTA} bytes exceeded for role ${role.RoleName}`, 409);
    }
    policies.set(policyName, doc);
    iam.rolePolicies.set(role.RoleName, policies);
    return {};
  },

  GetRolePolicy: (req, world) => {
    const role = findRole(world, req);
    const policyName = requireParam(req, 'PolicyName');
    const doc = iamOf(world, req).rolePolicies.get(role.RoleName)?.get(policyName);
    if (doc === undefined) throw new ApiError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
    return { RoleName: role.RoleName, PolicyName: policyName, PolicyDocument: rfc3986(documentText(doc)) };
  },

  DeleteRolePolicy: (req, world) => {
    const role = findRole(world, req);
    const policyName = requireParam(req, 'PolicyName');
    const policies = iamOf(world, req).rolePolicies.get(role.RoleName);
    if (!policies?.delete(policyName)) throw new ApiError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
    return {};
  },

  ListRolePolicies: (req, world) => {
    const role = findRole(world, req);
    const names = [...(iamOf(world, req).rolePolicies.get(role.RoleName)?.keys() ?? [])].sort();
    const { items, ...rest } = iamPage(req, `role-policies:${role.RoleName}`, names);
    return { PolicyNames: items, ...rest };
  },

  CreatePolicy: (req, world) => {
    const iam = iamOf(world, req);
    const name = requireParam(req, 'PolicyName');
    checkName('policyName', name, 128);
    const path = checkPath(req);
    const doc = requireParam(req, 'PolicyDocument');
    validatePolicy(doc, 'identity');
    if (policySize(doc) > MANAGED_POLICY_QUOTA) throw new ApiError('LimitExceeded', `Cannot exceed quota for PolicySize: ${MANAGED_POLICY_QUOTA}`, 409);
    const tags = queryTags(req);
    checkTags(tags);
    const arn = `arn:aws:iam::${req.accountId}:policy${path}${name}`;
    if ([...iam.managedPolicies.values()].some((p) => p.PolicyName.toLowerCase() === name.toLowerCase() && p.Path === path)) {
      throw new ApiError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`, 409);
    }
    const now = new Date(world.clock.now());
    const policy: Rec = {
      PolicyName: name, PolicyId: world.id('ANPA', 17, ID_ALPHABET), Arn: arn, Path: path, DefaultVersionId: 'v1',
      AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true,
      Description: optionalParam(req, 'Description'), CreateDate: now, UpdateDate: now, Tags: tags.length ? tags : undefined,
      Document: doc,
    };
    iam.managedPolicies.set(arn, policy);
    return { Policy: policy };
  },

  AttachRolePolicy: (req, world) => {
    const iam = iamOf(world, req);
    const role = findRole(world, req);
    const arn = requireParam(req, 'PolicyArn');
    const policy = managedPolicy(world, req, arn);
    const attached = iam.attachedPolicies.get(role.RoleName) ?? [];
    if (attached.includes(arn)) return {};
    if (attached.length >= ATTACHED_POLICY_QUOTA) {
      throw new ApiError('LimitExceeded', `Cannot exceed quota for PoliciesPerRole: ${ATTACHED_POLICY_QUOTA}`, 409);
    }
    iam.attachedPolicies.set(role.RoleName, [...attached, arn]);
    policy.AttachmentCount = (policy.AttachmentCount ?? 0) + 1;
    return {};
  },

  DetachRolePolicy: (req, world) => {
    const iam = iamOf(world, req);
    const role = findRole(world, req);
    const arn = requireParam(req, 'PolicyArn');
    const attached = iam.attachedPolicies.get(role.RoleName) ?? [];
    if (!attached.includes(arn)) throw new ApiError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
    iam.attachedPolicies.set(role.RoleName, attached.filter((a) => a !== arn));
    const policy = iam.managedPolicies.get(arn);
    if (policy) policy.AttachmentCount = Math.max(0, (policy.AttachmentCount ?? 1) - 1);
    return {};
  },

  ListAttachedRolePolicies: (req, world) => {
    const role = findRole(world, req);
    const prefix = optionalParam(req, 'PathPrefix') ?? '/';
    const attached = (iamOf(world, req).attachedPolicies.get(role.RoleName) ?? [])
      .map((arn) => managedPolicy(world, req, arn))
      .filter((p) => (p.Path ?? '/').startsWith(prefix))
      .map((p) => ({ PolicyName: p.PolicyName, PolicyArn: p.Arn }));
    const { items, ...rest } = iamPage(req, `attached:${role.RoleName}`, attached);
    return { AttachedPolicies: items, ...rest };
  },

  TagRole: (req, world) => {
    const role = findRole(world, req);
    const tags = queryTags(req);
    if (!tags.length) throw invalid('tags', '[]', 'Member must have length greater than or equal to 1');
    checkTags(tags);
    const merged: Tag[] = [...(role.Tags ?? [])];
    for (const t of tags) {
      const existing = merged.find((m) => m.Key.toLowerCase() === t.Key.toLowerCase());
      if (existing) existing.Value = t.Value; else merged.push({ ...t });
    }
    if (merged.length > TAG_QUOTA) throw new ApiError('LimitExceeded', `The number of tags has reached the maximum limit (${TAG_QUOTA}).`, 409);
    role.Tags = merged;
    return {};
  },

  ListRoleTags: (req, world) => {
    const role = findRole(world, req);
    const { items, ...rest } = iamPage(req, `role-tags:${role.RoleName}`, (role.Tags ?? []) as Tag[]);
    return { Tags: items, ...rest };
  },
});
