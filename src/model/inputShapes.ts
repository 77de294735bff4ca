// Plan inputs are JSON a person reviews, and step references resolve to strings. These members are
// typed otherwise by AWS, so the AWS layer (before the SDK call) and the CLI rendering convert them:
// - blobs a plan holds as text, so the review shows what is sent (botocore kafka model:
//   CreateConfiguration / UpdateConfiguration ServerProperties is a blob);
// - integers a reference fills in (botocore kafka model: UpdateClusterConfiguration
//   ConfigurationInfo.Revision is an integer; the revision comes from the step that made it).

const TEXT_BLOBS: Record<string, string[][]> = {
  'kafka:CreateConfiguration': [['ServerProperties']],
  'kafka:UpdateConfiguration': [['ServerProperties']],
};
const INTEGERS: Record<string, string[][]> = {
  'kafka:UpdateClusterConfiguration': [['ConfigurationInfo', 'Revision']],
};

export const textBlobPaths = (service: string, operation: string): string[][] => TEXT_BLOBS[`${service}:${operation}`] ?? [];
export const integerPaths = (service: string, operation: string): string[][] => INTEGERS[`${service}:${operation}`] ?? [];

/** `input` with the value at `path` replaced by `f(value)`; unchanged when the path is absent. */
export function mapAt(input: Record<string, unknown>, path: string[], f: (v: unknown) => unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!(head in input)) return input;
  const v = input[head];
  if (!rest.length) return { ...input, [head]: f(v) };
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...input, [head]: mapAt(v as Record<string, unknown>, rest, f) } : input;
}
