import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './stack-state';

/**
 * A PostgreSQL server still running on our cluster directory after its launcher was killed hard
 * (normally the embedded runner stops it when its parent dies; `kill -9` of the whole process group does
 * not leave it the chance). We ask it for a fast shutdown (SIGINT) so the cluster can be reused.
 * Returns the pid it stopped, or undefined. `clusterDir` may be a link to a relocated cluster (as root,
 * see libs/persistence cluster-location.ts): the server's command line names the real directory.
 */
export async function stopLeftoverPostgres(clusterDir: string, timeoutMs = 30_000): Promise<number | undefined> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  let commandLine = '';
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
  const realDir = realpathSync(clusterDir);
  if (!commandLine.includes('postgres') || !commandLine.includes(realDir)) return undefined;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) left running on ${realDir} did not stop; stop it by hand`);
  return pid;
}
