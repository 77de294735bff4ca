// MSK multi-VPC path: ClickPipes' managed VPC connection → the cluster's multi-VPC brokers.
// AWS MSK developer guide, "Amazon MSK multi-VPC private connectivity in a single Region"
// (requirements): IAM, TLS or SASL/SCRAM only; with SASL/SCRAM (or mTLS) the cluster needs Kafka
// ACLs and `allow.everyone.if.no.acl.found=false`; the cluster policy ("mvpc-cluster-owner-action-
// policy") grants the connecting account kafka:CreateVpcConnection, GetBootstrapBrokers,
// DescribeCluster(V2) and, for IAM clients, kafka-cluster actions. SASL/SCRAM needs a secret
// associated with the cluster (MSK guide, "Sign-in credentials authentication with AWS Secrets
// Manager"). Multi-VPC brokers listen on 14001–14100, one port per broker from 14001, for every
// auth type — unverified: seen in the terraform-aws-msk-kafka-cluster example and ClickHouse's
// Terraform provider example, not in AWS's own pages.
import type { MskAuthentication } from '../clickpipes';
import { mskSecretHowTo } from '../mskSecrets';
import { missingMskActions } from '../policies';
import type { MskCluster } from '../resources';
import { t } from '../text';
import { coversPort, describeRule } from './rules';
import type { Fact, Hop, SgRule } from './types';

export const MULTI_VPC_FIRST_PORT = 14001;

export type MskDetail = MskCluster & { securityGroupIds: string[]; configurationArn?: string; configurationRevision?: number };

export type MskFacts = {
  auth: MskAuthentication;
  cluster: Fact<MskDetail>;
  /** The cluster policy with its version (a fix replaces it by version); null when there is none. */
  policy: Fact<{ document: string; currentVersion: string } | null>;
  /** SASL/SCRAM only. */
  scramSecrets?: Fact<string[]>;
  /** The server.properties of the configuration the cluster runs; undefined = the MSK default configuration. */
  serverProperties?: Fact<string | undefined>;
  rules: Fact<SgRule[]>;
  /** SCRAM on the MSK default configuration: the ARN of the configuration an earlier ACL fix made (aclConfigurationName), if any. */
  ownAclConfiguration?: Fact<string | undefined>;
};

/** The name of the configuration the ACL fix creates for a cluster on the MSK default configuration. */
export function aclConfigurationName(clusterName: string): string {
  // CreateConfiguration names: ^[0-9A-Za-z][0-9A-Za-z-]{0,}$ (botocore kafka model), at most 64 characters here.
  return `clickpipes-acls-${clusterName}`.replace(/[^0-9A-Za-z-]/g, '-').slice(0, 64).replace(/-+$/, '');
}

const MVPC_DOC = 'https://docs.aws.amazon.com/msk/latest/developerguide/aws-access-mult-vpc.html';
const POLICY_DOC = 'https://docs.aws.amazon.com/msk/latest/developerguide/mvpc-cluster-owner-action-policy.html';
const SCRAM_DOC = 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-password.html';

const unknownHop = (id: string, title: string, why: string): Hop => ({ id, title, verdict: 'unknown', evidence: [why] });

/** A Java properties value (last assignment wins; `=` or `:` separators; comments skipped). */
export function propertyValue(text: string, key: string): string | undefined {
  let value: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (m && m[1] === key) value = m[2].trim();
  }
  return value;
}

/** The properties text with `key=value`: its assignments replaced in place, or appended when absent. */
export function withProperty(text: string, key: string, value: string): string {
  let found = false;
  const lines = text.split(/\r?\n/).map((raw) => {
    const m = /^\s*([^=:\s#!]+)\s*[=:]/.exec(raw);
    if (!m || m[1] !== key) return raw;
    found = true;
    return `${key}=${value}`;
  });
  if (found) return lines.join('\n');
  const body = lines.join('\n').replace(/\n*$/, '');
  return `${body ? `${body}\n` : ''}${key}=${value}\n`;
}

export function checkMskMultiVpc(f: MskFacts): Hop[] {
  const scram = f.auth === 'SASL_SCRAM';
  const authName = scram ? 'SASL/SCRAM' : 'IAM';
  const hops: Hop[] = [];
  const c = f.cluster;
  if (!c.ok) {
    hops.push(unknownHop('cluster', t('Cluster is active'), c.error), unknownHop('auth', t('{0} is enabled for multi-VPC connectivity', authName), c.error));
  } else {
    hops.push({ id: 'cluster', title: t('Cluster is active'), verdict: c.value.state === 'ACTIVE' ? 'pass' : 'fail', evidence: [t('{0} is {1}', c.value.name, c.value.state)] });
    const on = scram ? c.value.multiVpc.scram : c.value.multiVpc.iam;
    // Multi-VPC can only use an auth the cluster itself has on (MSK guide, multi-VPC requirements):
    // without it the fix would fail, so none is proposed and the evidence says why.
    const clientAuthOn = scram ? c.value.auth.scram : c.value.auth.iam;
    hops.push({
      id: 'auth', title: t('{0} is enabled for multi-VPC connectivity', authName), verdict: on ? 'pass' : 'fail', source: MVPC_DOC,
      evidence: [
        t('multi-VPC authentication: IAM {0}, SASL/SCRAM {1}, TLS {2}', c.value.multiVpc.iam ? 'on' : 'off', c.value.multiVpc.scram ? 'on' : 'off', c.value.multiVpc.tls ? 'on' : 'off'),
        ...(!on && !clientAuthOn ? [t('The cluster does not have {0} client authentication on: turn it on first (MSK UpdateSecurity).', authName)] : []),
      ],
      ...(!on && clientAuthOn ? {
        fix: { kind: 'mskConnectivity' as const, clusterArn: c.value.arn, currentVersion: c.value.currentVersion, enabled: { iam: c.value.multiVpc.iam, scram: c.value.multiVpc.scram, tls: !!c.value.multiVpc.tls }, auth: f.auth },
      } : {}),
    });
  }
  const policyTitle = t('The cluster policy allows ClickPipes');
  if (!f.policy.ok) hops.push(unknownHop('policy', policyTitle, f.policy.error));
  else {
    // A SCRAM ClickPipe needs only the multi-VPC actions; an IAM one also the kafka-cluster ones.
    const policy = f.policy.value;
    const missing = policy ? missingMskActions(policy.document, scram ? 'scram' : 'iam') : ['kafka:CreateVpcConnection'];
    const arn = c.ok ? c.value.arn : undefined;
    hops.push({
      id: 'policy', title: policyTitle, verdict: missing.length ? 'fail' : 'pass', source: POLICY_DOC,
      evidence: policy ? [missing.length ? t('missing for 072088201116: {0}', missing.join(', ')) : t('every multi-VPC action is allowed for 072088201116')] : [t('The cluster has no policy.')],
      ...(missing.length && arn ? { fix: { kind: 'mskPolicy' as const, clusterArn: arn, auth: f.auth, ...(policy ? { existing: policy } : {}) } } : {}),
    });
  }
  if (scram) hops.push(...scramHops(f));
  hops.push(brokerPortsHop(f));
  return hops;
}

function scramHops(f: MskFacts): Hop[] {
  const hops: Hop[] = [];
  const secretTitle = t('A SASL/SCRAM secret is associated');
  const s = f.scramSecrets;
  if (!s || !s.ok) hops.push(unknownHop('scramSecret', secretTitle, s && !s.ok ? s.error : ''));
  else {
    // The fix asks which of the account's AmazonMSK_ secrets to associate; SCRAM must be on first.
    const c = f.cluster.ok ? f.cluster.value : undefined;
    const none = !s.value.length;
    hops.push({
      id: 'scramSecret', title: secretTitle, verdict: none ? 'fail' : 'pass', source: SCRAM_DOC,
      evidence: none ? [t('No secret is associated with the cluster.'), mskSecretHowTo()] : s.value,
      ...(none && c?.auth.scram ? { fix: { kind: 'mskScramSecret' as const, clusterArn: c.arn, clusterName: c.name } } : {}),
    });
  }
  const aclTitle = t('allow.everyone.if.no.acl.found is false');
  const p = f.serverProperties;
  if (!p || !p.ok) hops.push(unknownHop('acls', aclTitle, p && !p.ok ? p.error : ''));
  else {
    const value = p.value === undefined ? undefined : propertyValue(p.value, 'allow.everyone.if.no.acl.found');
    const c = f.cluster.ok ? f.cluster.value : undefined;
    // The configuration to revise: the custom one the cluster runs, else one an earlier fix made;
    // while the latter is unknown (its read failed) no fix is proposed rather than one that may clash.
    const own = f.ownAclConfiguration;
    const revise = p.value !== undefined && c?.configurationArn ? { arn: c.configurationArn, serverProperties: p.value }
      : own?.ok && own.value ? { arn: own.value, serverProperties: '' } : undefined;
    const fix = value !== 'false' && c && (revise || p.value !== undefined || !own || own.ok) ? {
      kind: 'mskAcls' as const, clusterArn: c.arn, clusterName: c.name, currentVersion: c.currentVersion,
      ...(c.kafkaVersion ? { kafkaVersion: c.kafkaVersion } : {}),
      ...(revise ? { configuration: revise } : {}),
    } : undefined;
    hops.push({
      id: 'acls', title: aclTitle, verdict: value === 'false' ? 'pass' : 'fail', source: MVPC_DOC,
      evidence: [p.value === undefined
        ? t('The cluster runs the MSK default configuration, which does not set allow.everyone.if.no.acl.found=false.')
        : t('allow.everyone.if.no.acl.found={0} in the cluster configuration', value ?? t('(not set)'))],
      ...(fix ? { fix } : {}),
    });
  }
  return hops;
}

function brokerPortsHop(f: MskFacts): Hop {
  const title = t('Broker security groups admit the multi-VPC ports');
  if (!f.cluster.ok || !f.rules.ok) return unknownHop('brokerPorts', title, !f.cluster.ok ? f.cluster.error : f.rules.ok ? '' : f.rules.error);
  const brokers = f.cluster.value.brokerCount ?? 1;
  const ports = Array.from({ length: brokers }, (_, i) => MULTI_VPC_FIRST_PORT + i);
  const groups = f.cluster.value.securityGroupIds;
  const used: SgRule[] = [];
  const closed = ports.filter((port) => {
    const r = f.rules.ok ? f.rules.value.filter((x) => !x.egress && groups.includes(x.groupId) && coversPort(x, port)) : [];
    used.push(...r.filter((x) => !used.includes(x)));
    return !r.length;
  });
  // The port range has no AWS source: rules that admit it are a fact worth a pass, but rules that
  // do not are no proof of a fault, so that is unknown and no fix is offered on its strength.
  const caveat = t('Multi-VPC brokers listen on {0}–{1} per Terraform examples; this range is not in AWS\'s documentation.', MULTI_VPC_FIRST_PORT, MULTI_VPC_FIRST_PORT + 99);
  return {
    id: 'brokerPorts', title, verdict: closed.length ? 'unknown' : 'pass', source: MVPC_DOC,
    evidence: closed.length
      ? [t('No ingress rule of {0} admits TCP {1}.', groups.join(', '), closed.join(', ')), caveat]
      : [...used.map(describeRule), caveat],
  };
}
