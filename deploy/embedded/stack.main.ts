/**
 * `npm start` (through start.mjs): the whole stack on this machine until Ctrl-C.
 * Options are environment variables (see README.md) plus `--verbose` (stream service logs).
 */
import { shortCatalogVersion } from '@bcci/catalog';
import { devTokensForEveryRole, DEFAULT_DEV_POSTAL_CODE } from './dev-tokens';
import { startStack, type RunningStack, type StackReporter } from './start-stack';
import { stackOptionsFromEnvironment, StackOptionsError } from './stack-options';

const reporter: StackReporter = {
  step: (message) => console.log(`• ${message}`),
  warn: (message) => console.error(`! ${message}`),
};

async function main(): Promise<void> {
  let options;
  try {
    options = stackOptionsFromEnvironment(process.env, process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof StackOptionsError)) throw error;
    console.error(`npm start: ${error.message}`);
    process.exit(2);
  }

  let stack: RunningStack | undefined;
  let stopRequested: string | undefined;
  let stopping: Promise<void> | undefined;
  const abortStart = new AbortController();
  const stop = (reason: string) => {
    if (stopping) {
      console.error(`${reason} again: exiting without waiting (run npm start again to recover)`);
      process.exit(1);
    }
    if (!stack) {
      // Still starting: what was started is stopped at once and startStack rejects; stopped below.
      if (!stopRequested) console.log(`\n${reason}: stopping what was started…`);
      stopRequested = reason;
      abortStart.abort();
      return;
    }
    stopRequested = reason;
    console.log(`\n${reason}: stopping services, then the broker, then PostgreSQL (no more restarts)…`);
    // Ctrl-C must end everything within 30 s whatever the state (a service hanging on a dead database
    // is killed after 8 s). Past 25 s we exit anyway: the broker and PostgreSQL stop when our pipes to
    // them close, and the next npm start stops anything else left behind (stack.json names it).
    setTimeout(() => {
      console.error('stopping took more than 25 s: exiting now (the next npm start cleans up what is left)');
      process.exit(1);
    }, 25_000).unref();
    stopping = stack.stop().then(
      () => {
        console.log('BCCI Channel stopped');
        process.exit(0);
      },
      (error: Error) => {
        console.error(`stop failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (process.env.BCCI_SUPERVISED === '1') {
    // start.mjs holds our stdin: when it dies (even by SIGKILL) the pipe closes and we stop cleanly.
    process.stdin.resume();
    process.stdin.on('end', () => stop('launcher gone'));
  }

  try {
    stack = await startStack(options, reporter, { abortSignal: abortStart.signal });
  } catch (error) {
    if (stopRequested) {
      console.log('BCCI Channel stopped');
      process.exit(0);
    }
    console.error(`\nBCCI Channel did not start: ${(error as Error).message}`);
    process.exit(1);
  }
  if (stopRequested) return stop(stopRequested);
  // A service, the broker or PostgreSQL that dies is restarted by the stack's supervisors, which print
  // one line per death and restart ("• intake: died (signal SIGKILL), restarting in 1 s (restart 1)").

  console.log('');
  for (const service of stack.services) {
    const instances = service.instances.length > 1 ? ` (${service.instances.length} instances: ${service.instances.map((instance) => instance.url).join(', ')})` : '';
    console.log(`${service.name} ready at ${service.url}${instances}`);
  }
  if (stack.services.length === 0) console.log('(no service yet: nothing under services/*/src/main.ts)');
  const postOfficeApp = stack.services.find((service) => service.name === 'post-office-app');
  if (postOfficeApp) {
    console.log(`post office app at ${postOfficeApp.url}/`);
    console.log(`  sample staff (password bcci-demo): giaodich.${DEFAULT_DEV_POSTAL_CODE} clerk, sohoa.${DEFAULT_DEV_POSTAL_CODE} digitization, buuta.${DEFAULT_DEV_POSTAL_CODE} courier`);
  }
  console.log('BCCI Channel ready');
  console.log('');
  console.log(`Kafka: ${stack.kafkaBrokers.join(',')}   PostgreSQL: ${redactPassword(stack.databaseAdminUrl)}   catalog ${shortCatalogVersion(stack.catalogVersion)}`);
  console.log(`Logs: ${stack.dataDir}/logs/${options.instances > 1 ? '<service>-<instance>' : '<service>'}.log${options.verbose ? ' (also streamed here)' : ' (npm start -- --verbose streams them here)'}`);
  console.log('');
  console.log('Access tokens (development issuer, valid 8 hours), one per role:');
  for (const grant of devTokensForEveryRole(stack.catalog, stack.authJwtSecret)) {
    console.log(`  ${grant.role.padEnd(22)} ${grant.token}`);
  }
  console.log('New tokens, e.g. for a clerk of another postal point:');
  console.log(`  npm run -s token -- --role clerk --postal-code ${DEFAULT_DEV_POSTAL_CODE}`);
  const intakeUrl = stack.services.find((service) => service.name === 'intake')?.url ?? 'http://127.0.0.1:3001';
  console.log(`  curl -H "Authorization: Bearer $(npm run -s token -- --role clerk --postal-code ${DEFAULT_DEV_POSTAL_CODE})" ${intakeUrl}/procedures`);
  console.log('');
  console.log(`Ctrl-C stops everything; data stays in ${stack.dataDir} (npm run reset wipes it).`);
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
