import { withAdminClient } from '@bcci/persistence';

/**
 * Makes one test database unavailable the way an outage does for its clients: every session is
 * terminated (57P01 for a statement in flight) and new connections are refused (SQLSTATE 55000, "database
 * … is not currently accepting connections") until open() — without stopping the server other test files share.
 */
export class DatabaseOutage {
  constructor(
    private readonly adminUrl: string,
    private readonly database: string,
  ) {}

  async begin(): Promise<void> {
    await withAdminClient(this.adminUrl, async (client) => {
      await client.query(`ALTER DATABASE ${client.escapeIdentifier(this.database)} WITH ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [this.database]);
    });
  }

  async end(): Promise<void> {
    await withAdminClient(this.adminUrl, (client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(this.database)} WITH ALLOW_CONNECTIONS true`));
  }
}
