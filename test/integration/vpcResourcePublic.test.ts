// A public Aurora cluster through the VPC-resource form against the emulator. Aurora is public per
// instance: botocore's DBCluster.PubliclyAccessible "is only for non-Aurora Multi-AZ DB clusters",
// so the demo's public-aurora-pg reads as a cluster without the flag and public member instances.
import * as assert from 'node:assert/strict';
import type { VpcResourceForm } from '../../src/model/forms';
import { startVpcResourceSession } from '../../src/webviews/forms/vpcResource';
import { emulatorSuite, formContext, US } from './awsEnv';

describe('VPC-resource form against the emulator: public Aurora clusters', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');

  it('marks an Aurora cluster with a public instance as public and refuses it at the field', async () => {
    const session = startVpcResourceSession(formContext(suite.layer));
    const init = await session.loadInit();
    const cluster = (await suite.layer.listDatabases(US)).find((d) => d.id === 'public-aurora-pg')!;
    const option = init.databases.find((d) => d.arn === cluster.arn)!;
    assert.equal(option.publiclyAccessible, true);
    const gateway = init.gateways.find((g) => g.name === 'prod-data-gateway')!;
    const values: VpcResourceForm = {
      gatewayMode: 'existing', gatewayId: gateway.id, configurationName: 'public-aurora-config', configurationType: 'ARN',
      definitionKind: 'arn', arn: cluster.arn, shareName: 'public-aurora-share', allowExternalPrincipals: true,
    };
    assert.match(session.validate(values).arn ?? '', /publicly accessible/);
    const privateCluster = init.databases.find((d) => d.label.includes('orders-aurora-pg'))!;
    assert.equal(privateCluster.publiclyAccessible, false);
  });
});
