// The emulator's accounts and their static credentials (the secrets are never checked).
export const DEMO_ACCOUNT = '123456789012';
export const DEMO_ACCESS_KEY_ID = 'AKIAEMULATORDEMO0001';
export const DEMO_SECRET_ACCESS_KEY = 'emulator-demo-secret-key-not-a-real-secret';
export const OTHER_ACCOUNT = '210987654321';
export const OTHER_ACCESS_KEY_ID = 'AKIAEMULATOROTHER001';
export const OTHER_SECRET_ACCESS_KEY = 'emulator-other-secret-key-not-a-real-secret';
/** The ClickPipes service account that shares, policies and permissions name. */
export const CLICKPIPES_ACCOUNT = '072088201116';
