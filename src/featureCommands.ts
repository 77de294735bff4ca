// The commands whose handlers live in dist/features.js. extension.ts registers each id at
// activation with a stub (src/featureLoader.ts) so the palette, menus, CodeLenses and keybindings
// work at once; the first call loads the bundle, which registers the real handlers, and the stub
// forwards. No imports: test/unit/featureCommands.test.ts checks this list against package.json
// (every contributed command is here or in the explorer's table in src/commands/index.ts).
export const FEATURE_COMMANDS: readonly string[] = [
  // plans (src/plans/index.ts, mskCommands.ts, endpointServiceCommands.ts)
  'clickpipes.applyPlan',
  'clickpipes.resumePlan',
  'clickpipes.copyReviewDocument',
  'clickpipes.createVpcResourceEndpoint',
  'clickpipes.createVpcResourceEndpointQuick',
  'clickpipes.createIamDbAuthRole',
  'clickpipes.createIamDbAuthRoleQuick',
  'clickpipes.createMskMultiVpcEndpoint',
  'clickpipes.createMskMultiVpcEndpointQuick',
  'clickpipes.removeClickPipesFromMskCluster',
  'clickpipes.createEndpointServiceEndpoint',
  'clickpipes.createEndpointServiceEndpointQuick',
  'clickpipes.allowClickPipesOnEndpointService',
  'clickpipes.addClickPipesRegionToEndpointService',
  'clickpipes.acceptEndpointConnection',
  'clickpipes.rejectEndpointConnection',
  'clickpipes.startPrivateDnsVerification',
  'clickpipes.deleteEndpointService',
  // the connectivity doctor (src/commands/doctor.ts, registered through registerPlans)
  'clickpipes.diagnoseConnectivity',
  // ClickHouse Cloud (src/views/clickhouse/commands.ts, src/clickhouse/create.ts)
  'clickpipes.clickhouse.signIn',
  'clickpipes.clickhouse.signOut',
  'clickpipes.clickhouse.refresh',
  'clickpipes.clickhouse.createEndpoint',
  'clickpipes.clickhouse.createFromPlan',
  'clickpipes.clickhouse.copyDnsName',
  'clickpipes.clickhouse.copyConnectionAddress',
  'clickpipes.clickhouse.deleteEndpoint',
  'clickpipes.clickhouse.acceptConnection',
  'clickpipes.clickhouse.watchEndpoint',
  'clickpipes.clickhouse.applyReviewedEndpoint',
  'clickpipes.clickhouse.discardReviewedEndpoint',
  // not contributed: the extension-host tests read the ClickHouse tree through these
  'clickpipes.clickhouse.debug.snapshot',
  'clickpipes.clickhouse.debug.logDir',
  'clickpipes.clickhouse.debug.endpoints',
];

/** Registered by dist/features.js only outside Production mode (extension-host tests). */
export const FEATURE_TEST_COMMANDS: readonly string[] = [
  'clickpipes.plans._testApi',
  'clickpipes.endpointService._testUi',
];
