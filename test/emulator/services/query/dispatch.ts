// Turns a table of operations into a ServiceHandler for a query-protocol service: reads Action,
// rejects unknown actions and EC2 dry runs as AWS does, and renders the operation's output.
import { newRequestId, XML_NAMESPACES } from '../../core/protocols';
import { ApiError, EmuRequest, EmuResponse, ServiceHandler, World } from '../../core/types';
import { ec2Response, queryResponse } from './xml';
import { WireSchema } from './wireNames';

/** An operation returns its output in the SDK's output shape (PascalCase members). */
export type QueryOperation = (req: EmuRequest, world: World) => Record<string, unknown> | StoredResponse;

/** Operations may return this to send a stored response verbatim (client-token replays). */
export class StoredResponse {
  constructor(public readonly response: EmuResponse) {}
}

function actionOf(req: EmuRequest, ops: Record<string, unknown>): string {
  const action = req.form?.get('Action') ?? '';
  if (!action || !Object.prototype.hasOwnProperty.call(ops, action)) {
    throw new ApiError('InvalidAction', `The action ${action || '(none)'} is not valid for this web service.`);
  }
  req.operation = action;
  return action;
}

export function queryHandler(protocol: 'ec2' | 'awsQuery', schema: WireSchema, ops: Record<string, QueryOperation>): ServiceHandler {
  return (req, world) => {
    const action = actionOf(req, ops);
    const output = ops[action](req, world);
    if (output instanceof StoredResponse) return output.response;
    // A dry run is answered only after the request validated, with the error AWS uses for success.
    if (protocol === 'ec2' && req.form?.get('DryRun') === 'true') {
      throw new ApiError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    }
    const requestId = newRequestId();
    return protocol === 'ec2'
      ? ec2Response(schema, action, output, requestId)
      : queryResponse(schema, XML_NAMESPACES[req.service], action, output, requestId);
  };
}

/** EC2 mutating operations call this after validating and before changing anything. */
export function dryRunGate(req: EmuRequest): void {
  if (req.form?.get('DryRun') === 'true') {
    throw new ApiError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  }
}
