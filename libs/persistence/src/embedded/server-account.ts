import { execFileSync, spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

/**
 * The system user the PostgreSQL server runs as. PostgreSQL refuses to run as root, so when we are root
 * it runs as `postgres`; otherwise it runs as ourselves (`undefined`: no uid switch, nothing to check).
 */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

/** A setup problem we can name: reported as its one-line message, never with a stack trace. */
export class EmbeddedPostgresSetupError extends Error {
  override readonly name = 'EmbeddedPostgresSetupError';
}

export const SERVER_ACCOUNT_NAME = 'postgres';

export function isRoot(): boolean {
  return userInfo().uid === 0;
}

/** The `postgres` account when we are root (created if missing and allowed), else undefined. */
export function serverAccount(createIfMissing: boolean): ServerAccount | undefined {
  if (!isRoot()) return undefined;
  const found = lookUp(SERVER_ACCOUNT_NAME);
  if (found) return found;
  if (!createIfMissing) {
    throw new EmbeddedPostgresSetupError(
      `PostgreSQL refuses to run as root and there is no '${SERVER_ACCOUNT_NAME}' user: create it (useradd --system ${SERVER_ACCOUNT_NAME}) or run as a normal user`,
    );
  }
  try {
    // --system: no ageing, no mail spool, a uid below the human range. Its own group, or the `postgres`
    // group a distribution package may have left behind (useradd --user-group refuses an existing group).
    const group = groupExists(SERVER_ACCOUNT_NAME) ? ['-g', SERVER_ACCOUNT_NAME] : ['--user-group'];
    execFileSync('useradd', ['--system', ...group, '--no-create-home', SERVER_ACCOUNT_NAME], { stdio: 'pipe' });
  } catch (error) {
    const reason = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new EmbeddedPostgresSetupError(
      `PostgreSQL refuses to run as root and the '${SERVER_ACCOUNT_NAME}' user could not be created (${firstLine(reason)}): create it (useradd --system ${SERVER_ACCOUNT_NAME}) or run as a normal user`,
    );
  }
  const created = lookUp(SERVER_ACCOUNT_NAME);
  if (!created) throw new EmbeddedPostgresSetupError(`useradd created no '${SERVER_ACCOUNT_NAME}' user: create it by hand (useradd --system ${SERVER_ACCOUNT_NAME})`);
  return created;
}

/**
 * Whether `account` can execute (files) or enter (directories) each path, parents included. Tested by
 * running `test -x` as that user, the same way (uid and gid switched, supplementary groups dropped) the
 * server itself is spawned, so ACLs and group bits count exactly as they will for PostgreSQL.
 */
export function canReach(account: ServerAccount | undefined, ...paths: string[]): boolean {
  if (!account) return true;
  const script = paths.map((_, i) => `test -x "$${i + 1}"`).join(' && ');
  const result = spawnSync('/bin/sh', ['-c', script, 'sh', ...paths], { uid: account.uid, gid: account.gid, cwd: '/', stdio: 'ignore' });
  return result.status === 0;
}

function lookUp(name: string): ServerAccount | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { stdio: 'pipe' }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name], { stdio: 'pipe' }).toString().trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function groupExists(name: string): boolean {
  try {
    execFileSync('getent', ['group', name], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
