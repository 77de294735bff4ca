// Removes credential-shaped values from any text before it is logged, shown or written to a
// document: AWS access keys, secret keys, session tokens, and Basic/Bearer auth headers.
const patterns: [RegExp, string][] = [
  [/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '$1****'],
  [/(aws_secret_access_key|secretAccessKey|SecretAccessKey|aws_session_token|sessionToken|SessionToken|keySecret|secret)(["'\s:=]+)([^\s"',}]+)/gi, '$1$2****'],
  [/(Authorization["'\s:=]+)(Basic|Bearer|AWS4-HMAC-SHA256)\s+[^\s"',}]+/gi, '$1$2 ****'],
  [/\b[A-Za-z0-9/+]{40}\b/g, '****'],
];

export function redact(text: string): string {
  let result = text;
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result;
}
