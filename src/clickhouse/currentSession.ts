// The one ClickHouse session of this window, set at activation, so entry points called from other
// parts (the plan result view calls offerReversePrivateEndpoint) need no wiring of their own.
import type { ClickHouseSession } from './session';

let current: ClickHouseSession | undefined;

export function setClickHouseSession(session: ClickHouseSession | undefined): void {
  current = session;
}

export function clickHouseSession(): ClickHouseSession {
  if (!current) throw new Error('The ClickHouse Cloud part of the extension is not activated yet.');
  return current;
}
