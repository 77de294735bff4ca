// The parameter group family of a database: from a default group's name when it is one
// (`default.postgres16`), else from the engine and its major version, as RDS names families
// (postgres16, aurora-postgresql16, mysql8.0, aurora-mysql8.0, mariadb10.11).
export function parameterFamily(engine: string, version: string, group?: string): string | undefined {
  const fromName = group ? /^default\.(.+)$/.exec(group)?.[1] : undefined;
  if (fromName) return fromName;
  const parts = version.split('.');
  if (engine === 'postgres' || engine === 'aurora-postgresql') return parts[0] ? `${engine}${parts[0]}` : undefined;
  if (engine === 'aurora-mysql') return /^(\d+\.\d+)\.mysql_aurora/.test(version) ? `aurora-mysql${parts[0]}.${parts[1]}` : undefined;
  if (engine === 'mysql' || engine === 'mariadb') return parts.length >= 2 ? `${engine}${parts[0]}.${parts[1]}` : undefined;
  return undefined;
}
