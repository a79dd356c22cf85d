/** Sub-navigation of the System pages; the superadmin-only ones are listed for superadmins. */
export function SystemNav({ role }: { role?: string }) {
  const superadmin = role === 'superadmin';
  return (
    <nav class="subnav" aria-label="System sections">
      <a href="/admin/system">Settings</a> <a href="/admin/system/queue">Job queue</a>
      {superadmin && <> <a href="/admin/system/blocked-ips">Blocked IPs</a> <a href="/admin/system/security-logs">Security log</a> <a href="/admin/system/audit-logs">Audit log</a></>}
    </nav>
  );
}
