/** Is an account usable right now? One rule for chat adapters, console sign-in and sessions. */
export interface AccountStatusFields {
  status: string;
  suspendedUntil: Date | null;
  isActive?: boolean;
}

/** null when usable; otherwise why not. A suspension whose date has passed no longer counts. */
export function accountRefusal(user: AccountStatusFields, now: Date): 'banned' | 'suspended' | 'disabled' | null {
  if (user.status === 'banned') return 'banned';
  if (user.status === 'suspended' && (!user.suspendedUntil || user.suspendedUntil > now)) return 'suspended';
  if (user.status === 'disabled' || user.isActive === false) return 'disabled';
  return null;
}
