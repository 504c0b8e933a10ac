import { chmodSync, existsSync, lstatSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { removeCluster, startEmbeddedPostgres, withAdminClient } from '@bcci/persistence';

// Issue 8: `npm start` as root from a checkout in a directory other users cannot enter (mktemp -d, /root)
// died with `spawn …/initdb EACCES`: the server runs as `postgres`, which could reach neither the binaries
// nor the cluster. Here the cluster sits below such a directory (mode 0700, owned by whoever runs the test).
// Run as a normal user, the same call simply runs the server as that user in place.
describe('startEmbeddedPostgres below a directory the server user cannot enter', () => {
  const closed = mkdtempSync(path.join(tmpdir(), 'bcci-pg-closed-')); // mkdtemp: mode 0700
  const dataDir = path.join(closed, 'checkout', '.data', 'postgres');
  // Where binaries and relocated clusters go as root; a temporary one keeps /var/lib/bcci-channel untouched.
  const postgresHome = mkdtempSync(path.join(tmpdir(), 'bcci-pg-home-'));
  chmodSync(postgresHome, 0o755);
  const asRoot = userInfo().uid === 0;

  afterAll(() => {
    removeCluster(dataDir);
    rmSync(closed, { recursive: true, force: true });
    rmSync(postgresHome, { recursive: true, force: true });
  });

  it('starts, accepts connections, and finds its data again after a restart', async () => {
    expect(statSync(closed).mode & 0o777).toBe(0o700);

    const first = await startEmbeddedPostgres({ dataDir, port: 0, postgresHome });
    try {
      await withAdminClient(first.adminUrl, async (client) => {
        await client.query('CREATE TABLE note (body text)');
        await client.query(`INSERT INTO note VALUES ('kept across restarts')`);
      });
    } finally {
      await first.stop();
    }

    if (asRoot) {
      // The cluster lives where `postgres` can reach it; the data directory is a link to it.
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
      expect(readlinkSync(dataDir).startsWith(path.join(postgresHome, 'clusters') + path.sep)).toBe(true);
    } else {
      expect(lstatSync(dataDir).isDirectory()).toBe(true);
    }
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);

    const second = await startEmbeddedPostgres({ dataDir, port: 0, postgresHome });
    try {
      const rows = await withAdminClient(second.adminUrl, (client) => client.query<{ body: string }>('SELECT body FROM note'));
      expect(rows.rows).toEqual([{ body: 'kept across restarts' }]);
    } finally {
      await second.stop();
    }
  });

  it('removes a relocated cluster together with its link', () => {
    const target = lstatSync(dataDir).isSymbolicLink() ? readlinkSync(dataDir) : dataDir;
    removeCluster(dataDir);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});
