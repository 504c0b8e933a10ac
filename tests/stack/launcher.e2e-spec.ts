import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allConcreteTopics } from '@bcci/contracts';
import { discoverServices, REPOSITORY_ROOT, SILENT_REPORTER, stackOptionsFromEnvironment, startLauncherStack } from '../support/launcher';
import { LauncherProcess } from '../support/launcher-process';

// `npm start` end to end: the launcher as its own process group, the services that exist, a clean stop on
// SIGTERM, data kept for the next start, and `npm run reset` refusing while the stack runs.
const STARTUP_MS = 240_000;
const presentServices = discoverServices(REPOSITORY_ROOT).present;
const expectedServices = presentServices.map((s) => s.name);
const declaredTopicCount = allConcreteTopics().length;

async function status(url: string): Promise<number | string> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).status;
  } catch (error) {
    return ((error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message) as string;
  }
}

function reset(dataDir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [path.join(REPOSITORY_ROOT, 'tools/reset-data.mjs')], {
    env: { ...process.env, BCCI_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm start (deploy/embedded launcher)', () => {
  let dataDir: string;
  const launchers: LauncherProcess[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'bcci-launcher-e2e-'));
    chmodSync(dataDir, 0o755);
  });

  afterAll(async () => {
    for (const launcher of launchers) await launcher.ensureStopped();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'starts every existing service, prints its ready line, then stops cleanly on SIGTERM',
    async () => {
      const launcher = new LauncherProcess(dataDir);
      launchers.push(launcher);
      await launcher.waitForLine(/^BCCI Channel ready$/, STARTUP_MS);

      expect(launcher.lines).toContain(`• topics: ${declaredTopicCount} created, 0 already there (replication factor 1)`);
      const readyLines = launcher.lines.filter((line) => / ready at http:\/\/127\.0\.0\.1:\d+$/.test(line));
      expect(readyLines.map((line) => line.split(' ')[0]).sort()).toEqual([...expectedServices].sort());
      const urls = readyLines.map((line) => line.split(' ready at ')[1]);
      for (const url of urls) expect(await status(`${url}/ready`)).toBe(200);
      // The staff's web app, at the address the launcher prints, serves its page.
      const appLine = launcher.lines.find((line) => line.startsWith('post office app at '));
      expect(appLine).toMatch(/^post office app at http:\/\/127\.0\.0\.1:\d+\/$/);
      const appPage = await fetch(appLine!.slice('post office app at '.length));
      expect(appPage.status).toBe(200);
      expect(await appPage.text()).toContain('<html lang="vi">');
      // One ready-made token per role, and the command for more.
      for (const role of ['clerk', 'digitization-operator', 'courier', 'agency', 'operations', 'auditor']) {
        expect(launcher.lines.some((line) => new RegExp(`^  ${role} +eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+$`).test(line))).toBe(true);
      }
      expect(launcher.lines).toContain('  npm run -s token -- --role clerk --postal-code 33100');

      // While it runs, npm run reset refuses and deletes nothing.
      const refused = reset(dataDir);
      expect(refused.status).toBe(1);
      expect(refused.output).toMatch(/refusing to reset/);
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

      launcher.signal('SIGTERM');
      expect(await launcher.whenExited()).toEqual({ code: 0, signal: null });
      expect(launcher.lines).toContain('BCCI Channel stopped');
      for (const url of urls) expect(await status(`${url}/health`)).toBe('ECONNREFUSED');
      // Nothing holds the data directory any more.
      expect(existsSync(path.join(dataDir, 'stack.json'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'kafka', 'broker.lock'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    },
    STARTUP_MS + 60_000,
  );

  it(
    'keeps its data across a restart (cluster, topics, databases, secrets), and npm run reset then wipes it',
    async () => {
      const secretsBefore = readFileSync(path.join(dataDir, 'dev-secrets.json'), 'utf8');
      const launcher = new LauncherProcess(dataDir);
      launchers.push(launcher);
      await launcher.waitForLine(/^BCCI Channel ready$/, STARTUP_MS);

      expect(launcher.lines.some((line) => line.startsWith('• PostgreSQL: starting the embedded server') && !line.includes('first start'))).toBe(true);
      expect(launcher.lines).toContain(`• topics: 0 created, ${declaredTopicCount} already there (replication factor 1)`);
      for (const service of presentServices.filter((s) => s.database)) expect(launcher.lines).toContain(`• database ${service.database}: exists`);
      expect(readFileSync(path.join(dataDir, 'dev-secrets.json'), 'utf8')).toBe(secretsBefore);

      launcher.signal('SIGINT');
      expect(await launcher.whenExited()).toEqual({ code: 0, signal: null });

      const wiped = reset(dataDir);
      expect(wiped.status).toBe(0);
      expect(existsSync(dataDir)).toBe(false);
    },
    STARTUP_MS + 60_000,
  );

  it(
    'restarts a killed service, the broker and PostgreSQL, and Ctrl-C after PostgreSQL died still stops within 30 s',
    async () => {
      const healDir = mkdtempSync(path.join(tmpdir(), 'bcci-launcher-heal-e2e-'));
      chmodSync(healDir, 0o755);
      try {
        const name = expectedServices[0];
        const launcher = new LauncherProcess(healDir, { BCCI_SERVICES: name });
        launchers.push(launcher);
        await launcher.waitForLine(/^BCCI Channel ready$/, STARTUP_MS);
        const state = () => JSON.parse(readFileSync(path.join(healDir, 'stack.json'), 'utf8')) as { services: Array<{ url: string; pid: number }>; broker: { pid: number } };
        const url = state().services[0].url;
        const readyAgain = async (what: string) => {
          const deadline = Date.now() + STARTUP_MS;
          let last: number | string = 'not asked yet';
          while (Date.now() < deadline) {
            last = await status(`${url}/ready`);
            if (last === 200) return;
            await new Promise((r) => setTimeout(r, 500));
          }
          throw new Error(`${name} /ready did not answer 200 after ${what} within ${STARTUP_MS} ms (last: ${last})`);
        };

        const servicePid = state().services[0].pid;
        process.kill(servicePid, 'SIGKILL');
        await launcher.waitForLine(new RegExp(`^• ${name}: died \\(signal SIGKILL\\), restarting in 1 s \\(restart 1\\)$`), 30_000);
        await launcher.waitForLine(new RegExp(`^• ${name}: ready again$`), STARTUP_MS);
        await readyAgain('its restart');
        expect(state().services[0].pid).not.toBe(servicePid);

        process.kill(state().broker.pid, 'SIGKILL');
        await launcher.waitForLine(/^• Kafka broker: ready again$/, 60_000);
        await readyAgain('the broker restart');

        const postmasterPid = () => Number(readFileSync(path.join(healDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
        process.kill(postmasterPid(), 'SIGKILL');
        await launcher.waitForLine(/^• PostgreSQL: ready again$/, 60_000);
        await readyAgain('the PostgreSQL restart'); // /ready queries the service's database

        // PostgreSQL dies again, and Ctrl-C comes at once: no restart, everything stops.
        process.kill(postmasterPid(), 'SIGKILL');
        launcher.signal('SIGINT');
        let deadline: NodeJS.Timeout | undefined;
        const stopped = await Promise.race([
          launcher.whenExited(),
          new Promise<string>((resolve) => (deadline = setTimeout(() => resolve('still running 30 s after SIGINT'), 30_000))),
        ]);
        clearTimeout(deadline);
        expect(stopped).toEqual({ code: 0, signal: null });
        expect(existsSync(path.join(healDir, 'stack.json'))).toBe(false);
      } finally {
        rmSync(healDir, { recursive: true, force: true });
      }
    },
    3 * STARTUP_MS,
  );

  it(
    'uses an external PostgreSQL and Kafka named by DATABASE_ADMIN_URL and KAFKA_BROKERS, starting neither itself',
    async () => {
      // The "external" servers: another stack's PostgreSQL and broker, without services.
      const externalDir = mkdtempSync(path.join(tmpdir(), 'bcci-external-e2e-'));
      chmodSync(externalDir, 0o755);
      const external = await startLauncherStack({ ...stackOptionsFromEnvironment({}), dataDir: externalDir, freePorts: true, onlyServices: [] }, SILENT_REPORTER);
      const ownDir = mkdtempSync(path.join(tmpdir(), 'bcci-launcher-external-e2e-'));
      try {
        const launcher = new LauncherProcess(ownDir, {
          DATABASE_ADMIN_URL: external.databaseAdminUrl,
          KAFKA_BROKERS: external.kafkaBrokers.join(','),
          KAFKA_REPLICATION_FACTOR: '1',
          BCCI_SERVICES: expectedServices.slice(0, 1).join(','),
        });
        launchers.push(launcher);
        await launcher.waitForLine(/^BCCI Channel ready$/, STARTUP_MS);
        expect(launcher.lines.some((line) => line.startsWith('• PostgreSQL: external (DATABASE_ADMIN_URL postgres://postgres:***@127.0.0.1:'))).toBe(true);
        expect(launcher.lines).toContain(`• Kafka: external (KAFKA_BROKERS ${external.kafkaBrokers.join(',')})`);
        expect(launcher.lines).toContain(`• topics: 0 created, ${declaredTopicCount} already there (replication factor 1)`);
        for (const service of presentServices.slice(0, 1)) {
          expect(launcher.lines).toContain(`• database ${service.database}: created`);
          expect(launcher.lines.some((line) => line.startsWith(`${service.name} ready at http://127.0.0.1:`))).toBe(true);
        }
        expect(existsSync(path.join(ownDir, 'postgres'))).toBe(false);
        expect(existsSync(path.join(ownDir, 'kafka'))).toBe(false);

        launcher.signal('SIGTERM');
        expect(await launcher.whenExited()).toEqual({ code: 0, signal: null });
      } finally {
        await external.stop();
        rmSync(externalDir, { recursive: true, force: true });
        rmSync(ownDir, { recursive: true, force: true });
      }
    },
    STARTUP_MS + 60_000,
  );
});
