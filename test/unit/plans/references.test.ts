import * as assert from 'node:assert/strict';
import { checkReferences, extractOutputs, findRefs, getPath, parseRef, resolveRefs, UnresolvedReferenceError } from '../../../src/plans/references';
import { clientToken, withClientToken } from '../../../src/plans/clientToken';
import { vpcResourcePlan } from './fixtures';

describe('plans/references', () => {
  const outputs = { gateway: { id: 'rgw-1', arn: 'arn:gw' }, configuration: { id: 'rcfg-1', arn: 'arn:cfg' } };

  it('parses whole-string references only', () => {
    assert.deepEqual(parseRef('${steps.gateway.id}'), { stepId: 'gateway', output: 'id' });
    assert.equal(parseRef('x${steps.gateway.id}'), undefined);
    assert.equal(parseRef('${steps.gateway}'), undefined);
  });

  it('resolves whole, embedded, nested and array references without mutating the input', () => {
    const input = { a: '${steps.gateway.id}', b: ['${steps.configuration.arn}', 'plain'], c: { d: 'gw=${steps.gateway.id};cfg=${steps.configuration.id}' }, n: 5, t: true };
    const frozen = JSON.stringify(input);
    const out = resolveRefs(input, outputs);
    assert.deepEqual(out, { a: 'rgw-1', b: ['arn:cfg', 'plain'], c: { d: 'gw=rgw-1;cfg=rcfg-1' }, n: 5, t: true });
    assert.equal(JSON.stringify(input), frozen);
  });

  it('throws a readable error for a reference without a value', () => {
    assert.throws(() => resolveRefs({ x: '${steps.share.arn}' }, outputs), (err: unknown) => err instanceof UnresolvedReferenceError && /step "share" has not run/.test(err.message));
    assert.throws(() => resolveRefs('a ${steps.gateway.nope} b', outputs), UnresolvedReferenceError);
  });

  it('reads dot paths through objects and arrays', () => {
    const r = { resourceShare: { resourceShareArn: 'arn:s' }, items: [{ id: 'a' }, { id: 'b' }] };
    assert.equal(getPath(r, 'resourceShare.resourceShareArn'), 'arn:s');
    assert.equal(getPath(r, 'items.1.id'), 'b');
    assert.equal(getPath(r, 'items.5.id'), undefined);
    assert.equal(getPath(r, 'missing.deep.path'), undefined);
    assert.equal(getPath('str', 'length'), undefined);
  });

  it('extracts declared outputs as strings', () => {
    const out = extractOutputs({ outputs: { id: 'id', n: 'count', ok: 'flag', list: 'ports', none: 'absent' } }, { id: 'x', count: 3, flag: false, ports: ['5432'] });
    assert.deepEqual(out, { id: 'x', n: '3', ok: 'false', list: '["5432"]' });
  });

  it('finds references with their paths', () => {
    assert.deepEqual(findRefs({ a: [{ b: '${steps.s.o}' }] }), [{ stepId: 's', output: 'o', path: ['a', 0, 'b'] }]);
  });

  it('accepts the VPC-resource plan and rejects forward, unknown and missing-output references', () => {
    const plan = vpcResourcePlan();
    assert.deepEqual(checkReferences(plan.steps), []);
    const swapped = [plan.steps[1], plan.steps[0], plan.steps[2]];
    assert.match(checkReferences(swapped)[0].message, /runs later/);
    const bad = structuredClone(plan.steps);
    bad[2].input.resourceArns = ['${steps.nope.arn}'];
    assert.match(checkReferences(bad)[0].message, /unknown step "nope"/);
    bad[2].input.resourceArns = ['${steps.configuration.name}'];
    assert.match(checkReferences(bad)[0].message, /no output "name"/);
    const selfWait = structuredClone(plan.steps);
    selfWait[0].waitFor!.input = { resourceGatewayIdentifier: '${steps.gateway.bogus}' };
    assert.match(checkReferences(selfWait)[0].message, /no output "bogus"/);
  });
});

describe('plans/clientToken', () => {
  it('is deterministic per plan + step and within 64 printable characters', () => {
    assert.equal(clientToken('p1', 'gateway'), clientToken('p1', 'gateway'));
    assert.notEqual(clientToken('p1', 'gateway'), clientToken('p1', 'configuration'));
    assert.notEqual(clientToken('p1', 'gateway'), clientToken('p2', 'gateway'));
    const long = clientToken('x'.repeat(80), 'gateway');
    assert.ok(long.length <= 64 && /^[!-~]+$/.test(long));
    assert.equal(long, clientToken('x'.repeat(80), 'gateway'));
    assert.ok(/^[!-~]+$/.test(clientToken('plan é', 'gateway')));
  });

  it('fills the declared field and keeps an explicit token', () => {
    assert.deepEqual(withClientToken({ a: 1 }, 'clientToken', 'p', 's'), { a: 1, clientToken: 'p.s' });
    assert.deepEqual(withClientToken({ clientToken: 'mine' }, 'clientToken', 'p', 's'), { clientToken: 'mine' });
    assert.deepEqual(withClientToken({ a: 1 }, undefined, 'p', 's'), { a: 1 });
  });
});
