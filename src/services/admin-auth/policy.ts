/** The console's authentication policy, in one place (docs/adr/0003-console-auth.md). */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
export const SETUP_LINK_TTL_MS = 24 * 3600_000;
export const API_KEY_USER_ID = 'admin-api-key';
