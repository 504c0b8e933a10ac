import { createHash } from 'node:crypto';
import { chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canReach, EmbeddedPostgresSetupError, type ServerAccount } from './server-account';

/**
 * Where the cluster of `dataDir` really lives, made ready for `account` to own.
 *
 * As ourselves (not root) it is always `dataDir`. As root the server runs as `postgres`, which must enter
 * every parent of its cluster: when it cannot (a checkout under /root, or in a `mktemp -d` directory), the
 * cluster is relocated to `<home>/clusters/<hash of dataDir>` (owned by `postgres`, mode 0700) and
 * `dataDir` becomes a symbolic link to it, so `.data/postgres` keeps its meaning: data persists across
 * restarts, `npm run reset` removes the link and what it points to, and postmaster.pid is found through it.
 * `<cluster>.data-dir` records whose cluster it is (for reset, and to refuse a link copied from another
 * checkout, whose live server we must never take over).
 */
export function placeCluster(dataDir: string, account: ServerAccount | undefined, home: string): string {
  if (!account) {
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    return dataDir;
  }
  if (isSymbolicLink(dataDir)) return adoptRelocated(dataDir, account);

  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (canReach(account, parent)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    ownBy(dataDir, account);
    return dataDir;
  }
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new EmbeddedPostgresSetupError(
      `the '${account.name}' user cannot enter ${parent}, which holds the PostgreSQL cluster ${dataDir}: make its parents enterable (chmod o+x on each), or run npm run reset to start a fresh cluster elsewhere`,
    );
  }
  // A directory left by an attempt that failed before initdb: nothing in it to keep.
  if (existsSync(dataDir)) {
    if (readdirSync(dataDir).length > 0) {
      throw new EmbeddedPostgresSetupError(`${dataDir} is not a PostgreSQL cluster but is not empty: move it away, then start again`);
    }
    rmdirSync(dataDir);
  }
  const clusters = path.join(home, 'clusters');
  try {
    mkdirSync(clusters, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new EmbeddedPostgresSetupError(
      `cannot create ${clusters} for the PostgreSQL cluster (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): set BCCI_POSTGRES_HOME to a directory root can write`,
    );
  }
  if (!canReach(account, clusters)) {
    throw new EmbeddedPostgresSetupError(`the '${account.name}' user cannot enter ${clusters}: set BCCI_POSTGRES_HOME to a directory whose parents it can enter (e.g. /var/lib/bcci-channel)`);
  }
  const target = path.join(clusters, createHash('sha256').update(canonical(dataDir)).digest('hex').slice(0, 16));
  mkdirSync(target, { recursive: true, mode: 0o700 });
  ownBy(target, account);
  writeFileSync(recordOf(target), canonical(dataDir) + '\n');
  symlinkSync(target, dataDir);
  return target;
}

/**
 * Removes `dataDir` and, when it is a link to a relocated cluster that belongs to it, the cluster too.
 * Answers the relocated directory it removed, if any. (tools/reset-data.mjs does the same in plain Node.)
 */
export function removeCluster(dataDir: string): string | undefined {
  let removed: string | undefined;
  if (isSymbolicLink(dataDir)) {
    const target = readlinkSync(dataDir);
    if (ownerOf(target) === canonical(dataDir)) {
      rmSync(target, { recursive: true, force: true });
      rmSync(recordOf(target), { force: true });
      removed = target;
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  return removed;
}

/**
 * Refuses a `dataDir` that is a link to the relocated cluster of another checkout (a copy made with
 * `cp -a`): that cluster, and any server running on it, are not ours to start or to stop.
 */
export function assertOwnCluster(dataDir: string): void {
  if (!isSymbolicLink(dataDir)) return;
  const target = readlinkSync(dataDir);
  const owner = ownerOf(target);
  if (owner && owner !== canonical(dataDir) && isSymbolicLink(owner) && readlinkSync(owner) === target) {
    throw new EmbeddedPostgresSetupError(
      `${dataDir} points at the PostgreSQL cluster of ${owner} (copied from that checkout?): remove the link (rm ${dataDir}) to get a cluster of its own`,
    );
  }
}

function adoptRelocated(link: string, account: ServerAccount): string {
  assertOwnCluster(link);
  const target = readlinkSync(link);
  const owner = ownerOf(target);
  const me = canonical(link);
  // First start after the cluster was removed by hand: a fresh one in the same place. After a checkout
  // was moved, the record still names the old path: the cluster now belongs here.
  mkdirSync(target, { recursive: true, mode: 0o700 });
  ownBy(target, account);
  if (owner !== me) writeFileSync(recordOf(target), me + '\n');
  return target;
}

function ownBy(dir: string, account: ServerAccount): void {
  const stat = lstatSync(dir);
  if (stat.uid !== account.uid || stat.gid !== account.gid) chownSync(dir, account.uid, account.gid);
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function recordOf(target: string): string {
  return `${target}.data-dir`;
}

function ownerOf(target: string): string | undefined {
  try {
    return readFileSync(recordOf(target), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The link's path with its parents resolved, so the same directory reached two ways has one name. */
function canonical(file: string): string {
  const parent = path.dirname(path.resolve(file));
  return path.join(existsSync(parent) ? realpathSync(parent) : parent, path.basename(file));
}
