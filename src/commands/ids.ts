// Every command id, in one typed list. The contributed ones are the manifest's
// (package.json contributes.commands, in its order): test/unit/commandIds.test.ts keeps the two
// equal, so a handler table cannot name an id the palette does not know, nor the manifest one no
// table registers. No imports: dist/extension.js reads it at activation.
export const COMMAND_IDS = [
  'clickpipes.clickhouse.signIn',
  'clickpipes.clickhouse.signOut',
  'clickpipes.clickhouse.refresh',
  'clickpipes.clickhouse.createEndpoint',
  'clickpipes.clickhouse.copyDnsName',
  'clickpipes.clickhouse.copyConnectionAddress',
  'clickpipes.clickhouse.deleteEndpoint',
  'clickpipes.clickhouse.acceptConnection',
  'clickpipes.clickhouse.watchEndpoint',
  'clickpipes.clickhouse.createFromPlan',
  'clickpipes.refresh',
  'clickpipes.selectProfiles',
  'clickpipes.addRegion',
  'clickpipes.removeRegion',
  'clickpipes.copyId',
  'clickpipes.copyAccountId',
  'clickpipes.copyArn',
  'clickpipes.copyDnsName',
  'clickpipes.copyServiceName',
  'clickpipes.copyClickPipesValues',
  'clickpipes.openInConsole',
  'clickpipes.delete',
  'clickpipes.ssoLogin',
  'clickpipes.openAwsConfig',
  'clickpipes.learnProfiles',
  'clickpipes.copyRequiredIamPolicy',
  'clickpipes.createVpcResourceEndpoint',
  'clickpipes.createVpcResourceEndpointQuick',
  'clickpipes.createIamDbAuthRole',
  'clickpipes.createIamDbAuthRoleQuick',
  'clickpipes.copyReviewDocument',
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
  'clickpipes.applyPlan',
  'clickpipes.resumePlan',
  'clickpipes.diagnoseConnectivity',
  'clickpipes.showLogs',
] as const;

/** Registered, never contributed (not in the palette): the extension-host tests read the ClickHouse tree through these. */
export const DEBUG_COMMAND_IDS = [
  'clickpipes.clickhouse.debug.snapshot',
  'clickpipes.clickhouse.debug.logDir',
  'clickpipes.clickhouse.debug.endpoints',
] as const;

/** Registered, never contributed: targets of links and CodeLenses in documents the extension writes. */
export const LINK_COMMAND_IDS = [
  'clickpipes.doctor.reviewFix',
] as const;

/** Registered outside Production mode only (extension-host tests). */
export const TEST_COMMAND_IDS = [
  'clickpipes.plans._testApi',
  'clickpipes.endpointService._testUi',
] as const;

export type ContributedCommandId = (typeof COMMAND_IDS)[number];
export type CommandId = ContributedCommandId | (typeof DEBUG_COMMAND_IDS)[number] | (typeof LINK_COMMAND_IDS)[number] | (typeof TEST_COMMAND_IDS)[number];

