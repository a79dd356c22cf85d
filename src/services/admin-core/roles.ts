/**
 * Who may do what in the console (docs/admin-console.md, "Roles"). `admin` runs users, support,
 * bots and content; `superadmin` also owns the system: settings, blocked IPs, logs, roles, and
 * any action whose target is another staff account.
 */
import { isStaff, type Actor, type UserRole } from '../core/context.ts';
import { forbidden } from '../core/errors.ts';

export { isStaff };

export function isSuperadmin(actor: Actor): boolean {
  return 'role' in actor && actor.role === 'superadmin';
}

export function isStaffRole(role: string): role is Exclude<UserRole, 'user'> {
  return role === 'admin' || role === 'superadmin';
}

/** Acting on a staff account (ban, suspend, reset, revoke sessions) needs a superadmin. */
export function assertMayActOn(actor: Actor, target: { id: string; role: string }): void {
  if ('userId' in actor && actor.userId === target.id) throw forbidden('You cannot do that to your own account.');
  if (isStaffRole(target.role) && !isSuperadmin(actor)) throw forbidden('Only a superadmin can act on a staff account.');
}

/**
 * Secret-bearing actions that staff take on someone else's behalf (rotating a signal provider's
 * secret, revealing it, replacing a community's connected bot token) need a superadmin. Owners
 * and community admins acting for themselves are not staff and are not affected.
 */
export function assertSuperadminForSecrets(actor: Actor, what: string): void {
  if (isStaff(actor) && !isSuperadmin(actor)) throw forbidden(`Only a superadmin can ${what}.`);
}
