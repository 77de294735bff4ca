// Renders records (kept in the SDK's PascalCase response shape) as the XML the query protocols
// put on the wire. Element names, list item names and timestamp fields come from the generated
// table (wireNames.ts), so `Vpcs` becomes `<vpcSet><item>…` for EC2 and `DBInstances` becomes
// `<DBInstances><DBInstance>…` for RDS exactly as the SDK's deserializer expects.
import { xmlEscape, XML_NAMESPACES } from '../../core/protocols';
import { EmuResponse } from '../../core/types';
import { WireField, WireSchema } from './wireNames';

function scalar(value: unknown, timestamp: boolean): string {
  if (value instanceof Date) return value.toISOString();
  // Numbers in a timestamp field are epoch milliseconds (what Date.now() gives a handler).
  if (timestamp && typeof value === 'number') return new Date(value).toISOString();
  return xmlEscape(value);
}

function element(schema: WireSchema, kind: string, value: unknown): string {
  if (kind.startsWith('o:')) return fields(schema, kind.slice(2), value as Record<string, unknown>);
  return scalar(value, kind === 't');
}

function field(schema: WireSchema, spec: WireField, value: unknown): string {
  const [name, kind, item, of] = spec;
  if (kind === 'l') {
    if (!Array.isArray(value)) return '';
    const parts = value.filter((v) => v !== undefined && v !== null).map((v) => element(schema, of ?? 's', v));
    // An empty item name marks a flattened list: each entry repeats the member element itself.
    if (!item) return parts.map((p) => `<${name}>${p}</${name}>`).join('');
    return `<${name}>${parts.map((p) => `<${item}>${p}</${item}>`).join('')}</${name}>`;
  }
  if (kind === 'o') return `<${name}>${fields(schema, of!, value as Record<string, unknown>)}</${name}>`;
  return `<${name}>${scalar(value, kind === 't')}</${name}>`;
}

/** The members of one structure; fields the SDK does not model (internal bookkeeping) are left out. */
export function fields(schema: WireSchema, shape: string, value: Record<string, unknown>): string {
  const specs = schema.shapes[shape];
  if (!specs) throw new Error(`wireNames: unknown shape ${shape}`);
  let out = '';
  for (const [key, v] of Object.entries(value ?? {})) {
    const spec = specs[key];
    if (spec && v !== undefined && v !== null) out += field(schema, spec, v);
  }
  return out;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

function xml(body: string, requestId: string): EmuResponse {
  return { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId }, body };
}

/** ec2 query: `<XResponse xmlns><requestId/>…members…</XResponse>`, no Result wrapper. */
export function ec2Response(schema: WireSchema, action: string, output: Record<string, unknown>, requestId: string): EmuResponse {
  const members = schema.outputs[action] ? fields(schema, schema.outputs[action], output) : '';
  return xml(`${XML_HEAD}<${action}Response xmlns="${XML_NAMESPACES.ec2}"><requestId>${requestId}</requestId>` +
    `${members}</${action}Response>`, requestId);
}

/** awsQuery: `<XResponse xmlns><XResult>…</XResult><ResponseMetadata><RequestId/></ResponseMetadata></XResponse>`. */
export function queryResponse(schema: WireSchema, namespace: string, action: string, output: Record<string, unknown>, requestId: string): EmuResponse {
  const shape = schema.outputs[action];
  // Operations without an output structure (DeleteRole, TagRole…) send only the metadata.
  const result = shape ? `<${action}Result>${fields(schema, shape, output)}</${action}Result>` : '';
  return xml(`${XML_HEAD}<${action}Response xmlns="${namespace}">${result}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`, requestId);
}
