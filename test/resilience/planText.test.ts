// checkPlanText (the plan tab's diagnostics and the apply command's gate) must answer with
// problems, never throw. Found by the fuzz test (seeds 424242 #135, 1 #557, 99 #733): the
// position-keeping tree parser accepted a raw control character inside a string, then
// JSON.parse threw a SyntaxError out of parsePlanText. Fixed in src/plans/planText.ts.
import * as assert from 'node:assert/strict';
import { checkPlanText } from '../../src/plans/planValidation';
import { ctx, vpcForm } from '../unit/model/fixtures';
import { buildVpcResourcePlan, documentsFor } from '../../src/model/builders';
import type { Plan } from '../../src/model/plan';

describe('resilience: checkPlanText never throws on text JSON.parse refuses', () => {
  const text = JSON.stringify(buildVpcResourcePlan(vpcForm, ctx), null, 2);

  for (const [what, ch] of [['NUL', '\u0000'], ['newline', '\n'], ['tab', '\t'], ['bell', '\u0007'], ['escape', '\u001b']] as const) {
    it(`a raw ${what} inside a string value is a located problem, and nothing to apply`, () => {
      const at = text.indexOf('clickpipes-gw') + 3;
      const bad = text.slice(0, at) + ch + text.slice(at);
      let result: ReturnType<typeof checkPlanText> | undefined;
      assert.doesNotThrow(() => (result = checkPlanText(bad)));
      assert.equal(result!.plan, undefined, 'not applicable');
      const problem = result!.problems.find((p) => p.severity === 'error');
      assert.ok(problem, 'an error problem');
      assert.match(problem!.message, /Not valid JSON/);
      assert.ok(problem!.offset >= 0 && problem!.offset < bad.length);
    });
  }

  it('the unedited plan still passes', () => {
    assert.ok(checkPlanText(text).plan);
  });
});

describe('resilience: review documents of an edited plan never throw', () => {
  // Seeds 3 (#487) and 5 (#482): plan.json saved with meta.engine edited to a value there is no
  // SQL for made documentsFor throw (the review regenerates the documents after each save).
  it('an IAM DB auth plan whose meta.engine names no known engine gets a SQL tab that says so', () => {
    const plan = { ...buildVpcResourcePlan(vpcForm, ctx), kind: 'iamDbAuth', meta: { engine: 'oracle-ee', dbUser: 'u' } } as Plan;
    let docs: ReturnType<typeof documentsFor> = [];
    assert.doesNotThrow(() => (docs = documentsFor(plan)));
    const sql = docs.find((d) => d.language === 'sql');
    assert.ok(sql, 'a SQL tab');
    assert.match(sql!.content, /^-- No ClickPipes SQL for engine "oracle-ee"/);
  });
});
