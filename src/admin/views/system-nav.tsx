/** Sub-navigation of the System pages. */
export function SystemNav() {
  return (
    <nav class="subnav" aria-label="System sections">
      <a href="/admin/system">Settings</a> <a href="/admin/system/queue">Job queue</a> <a href="/admin/system/blocked-ips">Blocked IPs</a>{' '}
      <a href="/admin/system/security-logs">Security log</a> <a href="/admin/system/audit-logs">Audit log</a>
    </nav>
  );
}
