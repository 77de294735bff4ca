// A command URI inside Markdown (`[text](command:id?args)`), and reading its arguments back from a
// line. encodeURIComponent leaves ( ) as they are, and a `)` ends a Markdown link destination, so
// they are encoded too: an MSK report's subject, "orders-events (SASL_SCRAM)", is in its fix link.

const escapeParens = (s: string) => s.replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${escapeParens(encodeURIComponent(JSON.stringify(args)))}`;
}

/** The arguments of the first link to `command` on `line`, or undefined when there is none. */
export function commandLinkArgs(line: string, command: string): unknown[] | undefined {
  const at = line.indexOf(`(command:${command}?`);
  if (at < 0) return undefined;
  const start = at + `(command:${command}?`.length;
  const end = line.indexOf(')', start);
  const args = JSON.parse(decodeURIComponent(line.slice(start, end < 0 ? undefined : end))) as unknown;
  return Array.isArray(args) ? args : undefined;
}
