// The wire check itself: it must name what botocore's parsers would silently drop or misread,
// or the 'every answer names only members' test above could never fail.
import * as assert from 'node:assert/strict';
import { cliTool, wireProblems } from './awsCli';

const debugLog = (body: string) => `2026-12-06 00:00:00,000 - MainThread - botocore.parsers - DEBUG - Response body:\nb${JSON.stringify(body)}\n`;

describe('awscli wire check: raw answers against botocore output shapes', function () {
  this.timeout(60_000);
  before(() => { cliTool(); });

  it('names a misspelt member, a wrong list item, a mistyped scalar and a value off the enum, in each protocol', () => {
    const got = wireProblems([
      { id: 'rest-json', service: 'kafka', operation: 'DescribeClusterOperationV2',
        debug: debugLog('{"clusterOperationInfo":{"operationState":"UPDATE_COMPLETE","operationArn":"a","bogus":1}}') },
      { id: 'query', service: 'rds', operation: 'DescribeDBParameters',
        debug: debugLog('<DescribeDBParametersResponse><DescribeDBParametersResult><Parameters><Param><ParameterName>x</ParameterName></Param><Parameter><IsModifiable>yes</IsModifiable></Parameter></Parameters></DescribeDBParametersResult></DescribeDBParametersResponse>') },
      { id: 'ec2', service: 'ec2', operation: 'DescribeSecurityGroupRules',
        debug: debugLog('<DescribeSecurityGroupRulesResponse><securityGroupRuleSet><item><SecurityGroupRuleId>sgr-1</SecurityGroupRuleId><fromPort>x</fromPort></item></securityGroupRuleSet></DescribeSecurityGroupRulesResponse>') },
      { id: 'enum', service: 'elbv2', operation: 'DescribeTargetHealth',
        debug: debugLog('<DescribeTargetHealthResponse><DescribeTargetHealthResult><TargetHealthDescriptions><member><TargetHealth><State>fine</State></TargetHealth></member></TargetHealthDescriptions></DescribeTargetHealthResult></DescribeTargetHealthResponse>') },
      { id: 'none', service: 'sts', operation: 'GetCallerIdentity', debug: 'no body here' },
    ]);
    assert.deepEqual(got['rest-json'], ['DescribeClusterOperationV2.clusterOperationInfo.bogus: not a member of ClusterOperationV2']);
    assert.deepEqual(got.query, [
      'DescribeDBParameters.Parameters: list item <Param>, the model says <Parameter>',
      "DescribeDBParameters.Parameters[1].IsModifiable: 'yes' is not a boolean",
    ]);
    // ec2 answers spell members by their locationName (securityGroupRuleId), never the member name.
    assert.deepEqual(got.ec2, [
      'DescribeSecurityGroupRules.securityGroupRuleSet[0].SecurityGroupRuleId: not a member of SecurityGroupRule',
      "DescribeSecurityGroupRules.securityGroupRuleSet[0].fromPort: 'x' is not an integer",
    ]);
    assert.equal(got.enum.length, 1);
    assert.match(got.enum[0], /State: 'fine' is not one of the model's values/);
    assert.deepEqual(got.none, ["no response body in the CLI's debug log"]);
  });

  it('finds nothing to say about a faithful answer', () => {
    const got = wireProblems([{ id: 'ok', service: 'kafka', operation: 'ListScramSecrets', debug: debugLog('{"secretArnList":["arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_x-abc123"]}') }]);
    assert.deepEqual(got.ok, []);
  });
});
