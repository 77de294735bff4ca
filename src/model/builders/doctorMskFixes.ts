// Fix plans for the MSK multi-VPC hops of the connectivity doctor: turn on multi-VPC connectivity
// for the auth ClickPipes uses, merge the ClickPipes statements into the cluster policy, and run a
// configuration with allow.everyone.if.no.acl.found=false. Each is an ordinary reviewed plan;
// cluster updates are followed to their end through DescribeClusterOperationV2.
import type { FixRequest } from '../doctor/types';
import { aclConfigurationName, withProperty } from '../doctor/mskMultiVpc';

export { aclConfigurationName };
import type { Plan, PlanStep } from '../plan';
import { mergeClusterPolicy } from '../policies';
import { MSK_SECRET_DOC, MSK_SECRET_PREFIX } from '../mskSecrets';
import { t } from '../text';
import { makePlan, ref, type BuildContext } from './buildContext';
import { MSK_ACL_REQUIREMENT, MSK_OPERATION_STATES } from './mskMultiVpc';

type MskFix = Extract<FixRequest, { kind: 'mskConnectivity' | 'mskPolicy' | 'mskAcls' | 'mskScramSecret' }>;

const ACL_PROPERTY = 'allow.everyone.if.no.acl.found';

/** Follows a cluster operation (UpdateConnectivity, UpdateClusterConfiguration) to its end state. */
function waitForOperation(stepId: string): NonNullable<PlanStep['waitFor']> {
  return {
    operation: 'DescribeClusterOperationV2', input: { ClusterOperationArn: ref(stepId, 'operationArn') },
    statusPath: 'ClusterOperationInfo.OperationState', success: [MSK_OPERATION_STATES.complete], failure: [MSK_OPERATION_STATES.failed],
    reasonPath: 'ClusterOperationInfo.ErrorInfo.ErrorString', timeoutSeconds: 5400,
  };
}

const clusterLabel = (arn: string) => arn.split('/')[1] ?? arn;

export function buildMskFixPlan(fix: MskFix, ctx: BuildContext): Plan {
  switch (fix.kind) {
    case 'mskConnectivity': {
      const want = { ...fix.enabled, [fix.auth === 'SASL_SCRAM' ? 'scram' : 'iam']: true };
      // UpdateConnectivity replaces the whole setting: the types already on are sent on again.
      const clientAuthentication: Record<string, unknown> = { Sasl: { Iam: { Enabled: want.iam }, Scram: { Enabled: want.scram } } };
      if (want.tls) clientAuthentication.Tls = { Enabled: true };
      return makePlan('doctorFix', ctx, t('Turn on multi-VPC {0} on {1}', fix.auth, clusterLabel(fix.clusterArn)), [{
        id: 'connectivity', title: t('Turn on multi-VPC connectivity for {0}', fix.auth), service: 'kafka', operation: 'UpdateConnectivity',
        input: { ClusterArn: fix.clusterArn, CurrentVersion: fix.currentVersion, ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: clientAuthentication } } },
        outputs: { operationArn: 'ClusterOperationArn' }, waitFor: waitForOperation('connectivity'), mutating: true,
      }], {}, [t('Changing connectivity puts the cluster in UPDATING for a while (often 30 minutes or more).')]);
    }
    case 'mskPolicy': {
      const access = fix.auth === 'SASL_SCRAM' ? 'scram' : 'iam';
      return makePlan('doctorFix', ctx, t('Allow ClickPipes in the cluster policy of {0}', clusterLabel(fix.clusterArn)), [{
        id: 'policy', title: fix.existing ? t('Merge the ClickPipes statements into the cluster policy') : t('Attach a cluster policy allowing ClickPipes'),
        service: 'kafka', operation: 'PutClusterPolicy',
        input: {
          ClusterArn: fix.clusterArn, Policy: mergeClusterPolicy(fix.existing?.document, fix.clusterArn, access),
          ...(fix.existing ? { CurrentVersion: fix.existing.currentVersion } : {}),
        },
        outputs: { version: 'CurrentVersion' }, mutating: true,
      }], {}, [], fix.existing ? { previousPolicy: fix.existing.document } : undefined);
    }
    case 'mskAcls':
      return aclsPlan(fix);
    case 'mskScramSecret': {
      if (!fix.secretArn) throw new Error(t('Choose the secret to associate first.'));
      const secretName = fix.secretArn.split(':secret:')[1] ?? fix.secretArn;
      return makePlan('doctorFix', ctx, t('Associate a SASL/SCRAM secret with {0}', fix.clusterName), [{
        id: 'secret', title: t('Associate {0} with {1}', secretName, fix.clusterName), service: 'kafka', operation: 'BatchAssociateScramSecret',
        input: { ClusterArn: fix.clusterArn, SecretArnList: [fix.secretArn] }, outputs: {}, mutating: true,
        // A resume after a lost answer reads the cluster's secrets and does not associate it again:
        // what MSK answers to a second association of the same secret is not documented (unverified).
        skipIf: { operation: 'ListScramSecrets', input: { ClusterArn: fix.clusterArn }, when: [{ path: 'SecretArnList', in: [fix.secretArn], any: true }] },
        // MSK answers 200 and lists each secret it could not associate (botocore kafka
        // BatchAssociateScramSecretResponse.UnprocessedScramSecrets): that is a failure of the step.
        failWhen: { path: 'UnprocessedScramSecrets.0.ErrorMessage' },
      }], {}, [
        t('ClickPipes signs in with the username and password this secret holds; the plan never reads or shows them.'),
        t('MSK requires the name to begin with {0} and a customer managed KMS key ({1}).', MSK_SECRET_PREFIX, MSK_SECRET_DOC),
      ]);
    }
  }
  function aclsPlan(f: Extract<MskFix, { kind: 'mskAcls' }>): Plan {
    const steps: PlanStep[] = [];
    let arn: string;
    if (f.configuration) {
      arn = f.configuration.arn;
      steps.push({
        id: 'configuration', title: t('New revision of {0} with {1}=false', arn.split('/')[1] ?? arn, ACL_PROPERTY), service: 'kafka', operation: 'UpdateConfiguration',
        input: { Arn: arn, ServerProperties: withProperty(f.configuration.serverProperties, ACL_PROPERTY, 'false'), Description: t('ClickPipes: Kafka ACLs enforced') },
        outputs: { revision: 'LatestRevision.Revision' }, mutating: true,
      });
    } else {
      const name = aclConfigurationName(f.clusterName);
      const serverProperties = `${ACL_PROPERTY}=false\n`;
      steps.push({
        id: 'configuration', title: t('Create the configuration {0} with {1}=false', name, ACL_PROPERTY), service: 'kafka', operation: 'CreateConfiguration',
        input: {
          Name: name, ServerProperties: serverProperties, Description: t('ClickPipes: Kafka ACLs enforced for {0}', f.clusterName),
          ...(f.kafkaVersion ? { KafkaVersions: [f.kafkaVersion] } : {}),
        },
        outputs: { arn: 'Arn', revision: 'LatestRevision.Revision' }, mutating: true,
        // CreateConfiguration has no client token and no read by name; a second create of the
        // name answers ConflictException (botocore kafka service-2.json, CreateConfiguration
        // "errors"; https://docs.aws.amazon.com/msk/1.0/apireference/configurations.html). A resume
        // after a lost answer adopts the configuration of that name, only if it holds exactly
        // these properties (ListConfigurations items carry Arn and LatestRevision like the create).
        existsError: {
          code: 'ConflictException',
          adopt: {
            operation: 'ListConfigurations', input: { MaxResults: 100 }, list: 'Configurations', match: { Name: name },
            same: { operation: 'DescribeConfigurationRevision', input: { Arn: 'Arn', Revision: 'LatestRevision.Revision' }, path: 'ServerProperties', equals: serverProperties, base64: true },
          },
        },
      });
      arn = ref('configuration', 'arn');
    }
    steps.push({
      id: 'apply', title: t('Run the new configuration on {0}', f.clusterName), service: 'kafka', operation: 'UpdateClusterConfiguration',
      input: { ClusterArn: f.clusterArn, CurrentVersion: f.currentVersion, ConfigurationInfo: { Arn: arn, Revision: ref('configuration', 'revision') } },
      outputs: { operationArn: 'ClusterOperationArn' }, waitFor: waitForOperation('apply'), mutating: true,
    });
    return makePlan('doctorFix', ctx, t('Enforce Kafka ACLs on {0}', f.clusterName), steps, { 'MSK configuration': arn }, [
      t('With {0}=false, a SASL/SCRAM client without a Kafka ACL loses access: give the ClickPipes user (and every other SCRAM client) its ACLs first.', ACL_PROPERTY),
      t('MSK restarts the brokers one by one to apply a configuration.'),
      MSK_ACL_REQUIREMENT,
    ]);
  }
}
