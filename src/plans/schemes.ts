// The URI schemes of the review tabs. No imports: extension.ts registers their providers at
// activation (a restored tab needs them at once) while the plans themselves live in
// dist/features.js and load on first use.
/** `clickpipes-plan:/<planId>/<name>`: the review tabs (src/plans/planFileSystem.ts). */
export const PLAN_SCHEME = 'clickpipes-plan';
/** The read-only stand-in for "no policy" on one side of the MSK cluster-policy diff. */
export const NO_POLICY_SCHEME = 'clickpipes-msk-policy';
/** Its whole content. */
export const NO_POLICY_TEXT = '{}\n';
