// The connectivity doctor's vocabulary: facts loaded from AWS (each may be unknown because its
// read failed), the hops a check returns, and the fix a failing hop proposes. Pure data, so the
// checks stay functions of loaded data and the fixes are built into plans by src/model/builders.
import type { MskAuthentication } from '../clickpipes';

/** A read's result: its value, or why it is unknown (the AWS failure in plain words). */
export type Fact<T> = { ok: true; value: T } | { ok: false; error: string };

export const known = <T>(value: T): Fact<T> => ({ ok: true, value });
export const unknownFact = <T>(error: string): Fact<T> => ({ ok: false, error });

export type Verdict = 'pass' | 'fail' | 'unknown';

/** One security group rule (DescribeSecurityGroupRules), as the checks read it. */
export type SgRule = {
  id: string;
  groupId: string;
  egress: boolean;
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  protocol: string;
  fromPort: number;
  toPort: number;
  cidr?: string;
  referencedGroupId?: string;
};

/** What a failing hop proposes; the command turns it into a plan with src/model/builders/doctorFixes. */
export type FixRequest =
  | { kind: 'ingressRule'; groupId: string; sourceGroupId: string; port: number; description: string }
  | { kind: 'allowPrincipal'; serviceId: string }
  | { kind: 'acceptConnections'; serviceId: string; endpointIds: string[] }
  | { kind: 'addRegion'; serviceId: string; region: string }
  | {
    kind: 'parameters';
    /** Instance or cluster; Aurora keeps replication settings in the cluster parameter group. */
    level: 'instance' | 'cluster';
    dbId: string;
    family: string;
    /** The group in use; a default group (`default.*`) cannot be changed, so a copy is made. */
    currentGroup: string;
    values: Record<string, string>;
    /** Static parameters only apply after a reboot (a separate plan, never implied). */
    static: boolean;
  }
  /** `clusterId` when the instance is an Aurora writer rebooted for its cluster's parameter group. */
  | { kind: 'reboot'; instanceId: string; reason: string; clusterId?: string }
  /** Turn automated backups on for a DB instance (MySQL/MariaDB CDC needs the binlog they keep). */
  | { kind: 'backups'; instanceId: string }
  /** Stop evaluating the NLB's inbound rules for PrivateLink traffic (its security groups stay as they are). */
  | { kind: 'nlbPrivateLinkRules'; loadBalancerArn: string; loadBalancerName: string; securityGroupIds: string[] }
  /** Turn on multi-VPC connectivity for `auth`, keeping the types already on (UpdateConnectivity replaces the whole setting). */
  | { kind: 'mskConnectivity'; clusterArn: string; currentVersion: string; enabled: { iam: boolean; scram: boolean; tls: boolean }; auth: MskAuthentication }
  /** Merge the ClickPipes statements into the cluster policy (or attach one). */
  | { kind: 'mskPolicy'; clusterArn: string; auth: MskAuthentication; existing?: { document: string; currentVersion: string } }
  /**
   * Run a configuration with allow.everyone.if.no.acl.found=false: a new revision of the custom
   * configuration the cluster runs (its other properties kept), or a new configuration when it runs
   * the MSK default one.
   */
  /** Associate a SASL/SCRAM secret; `secretArn` is the user's choice among the account's AmazonMSK_ secrets, made before the plan is built. */
  | { kind: 'mskScramSecret'; clusterArn: string; clusterName: string; secretArn?: string }
  | { kind: 'mskAcls'; clusterArn: string; clusterName: string; currentVersion: string; kafkaVersion?: string; configuration?: { arn: string; serverProperties: string } };

export type Hop = {
  id: string;
  title: string;
  verdict: Verdict;
  /** Rule ids, target health, parameter values…: what the verdict rests on. */
  evidence: string[];
  fix?: FixRequest;
  /** Where AWS (or ClickHouse) documents the rule this hop checks. */
  source?: string;
};

export type DoctorPath = 'vpcResource' | 'endpointService' | 'mskMultiVpc' | 'database';

export type Report = {
  path: DoctorPath;
  /** What was diagnosed, e.g. the configuration id or the cluster name. */
  subject: string;
  profile: string;
  region: string;
  hops: Hop[];
};

/** The worst verdict of a report: any fail → fail, else any unknown → unknown, else pass. */
export function overall(hops: Hop[]): Verdict {
  if (hops.some((h) => h.verdict === 'fail')) return 'fail';
  if (hops.some((h) => h.verdict === 'unknown')) return 'unknown';
  return 'pass';
}

/** A database as the doctor needs it: the explorer's model plus network and parameter facts. */
export type DatabaseDetail = {
  kind: 'instance' | 'cluster';
  id: string;
  engine: string;
  engineVersion: string;
  status: string;
  port?: number;
  vpcId?: string;
  securityGroupIds: string[];
  iamAuth: boolean;
  /** The DB parameter group (instance) or DB cluster parameter group (cluster). */
  parameterGroup?: string;
  /** `in-sync` or `pending-reboot` (for a cluster: its writer's). */
  parameterApplyStatus?: string;
  /** The instance to reboot for a cluster's static parameters: its writer. */
  writerInstanceId?: string;
  backupRetentionDays?: number;
  /** Its DNS endpoints (instance: Endpoint.Address; cluster: writer and reader), for DNS targets. */
  endpoints?: string[];
  /** An instance's cluster (DBInstance.DBClusterIdentifier): an Aurora member keeps its CDC settings there. */
  clusterId?: string;
};

/** The resource a diagnosis was about, named as the explorer's rows carry it. */
export type DiagnosedResource =
  | { kind: 'resourceConfiguration' | 'mskCluster'; id: string }
  | { kind: 'endpointService'; id?: string; name?: string }
  | { kind: 'database'; dbKind: 'instance' | 'cluster'; id: string };

/** One report of a diagnosis with what it was about, as the doctor hands it to the explorer. */
export type Diagnosis = { resource: DiagnosedResource; report: Report };
