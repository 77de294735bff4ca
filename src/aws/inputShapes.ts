// Turns the few plan input members AWS types otherwise (src/model/inputShapes.ts) into their SDK
// type just before the call: text → bytes for blobs, a referenced digit string → a number.
import { integerPaths, mapAt, textBlobPaths } from '../model/inputShapes';

export function toSdkInput(service: string, operation: string, input: Record<string, unknown>): Record<string, unknown> {
  let out = input;
  for (const path of textBlobPaths(service, operation)) out = mapAt(out, path, (v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v));
  for (const path of integerPaths(service, operation)) out = mapAt(out, path, (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
  return out;
}
