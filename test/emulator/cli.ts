// `node out/test/emulator/cli.js --port 4566 --scenario demo [--write-profile DIR] [--quiet]`:
// run the emulator until Ctrl-C / SIGTERM, printing its URL first and then one line per request.
import { startEmulator } from './index';
import { SCENARIOS, ScenarioName } from './scenarios';
import { writeAwsProfile } from './awsProfile';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? 0);
  const scenario = (arg('scenario') ?? 'demo') as ScenarioName;
  if (!SCENARIOS.includes(scenario)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  const quiet = process.argv.includes('--quiet');
  const emu = await startEmulator({
    port, scenario,
    onRequest: quiet ? undefined : (e) => console.log(`${e.service}:${e.operation} ${e.region} ${e.accountId} → ${e.status}${e.errorCode ? ` ${e.errorCode}` : ''}`),
  });
  console.log(emu.url);
  // --write-profile <dir>: AWS config/credentials pointing at this emulator (profile clickpipes-demo).
  const profileDir = arg('write-profile');
  if (profileDir) {
    const { configFile, credentialsFile, profile } = writeAwsProfile(profileDir, emu.url);
    console.log(`AWS_CONFIG_FILE=${configFile} AWS_SHARED_CREDENTIALS_FILE=${credentialsFile} AWS_PROFILE=${profile}`);
  }
  const stop = () => { emu.stop().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); }); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
