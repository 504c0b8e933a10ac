import { CliArgumentError, parseCliArguments, USAGE } from './cli-arguments';
import { startBroker, type RunningBroker } from './start-broker';

/** `npm run broker`: runs the broker until SIGTERM or SIGINT, then stops cleanly. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliArgumentError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  // Signal handlers come first, so a SIGTERM that arrives while the broker is still starting is not lost
  // (Node's default action would kill the process without releasing the data-directory lock).
  const started: { broker?: RunningBroker } = {};
  let stopRequested: string | undefined;
  let stopping = false;
  const stop = (signal: string) => {
    stopRequested = signal;
    if (stopping || !started.broker) return;
    stopping = true;
    console.error(`${signal} received, stopping the broker`);
    started.broker.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`stop failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (process.env.KAFKA_BROKER_STOP_ON_STDIN_END === '1') {
    // Run by the `npm start` launcher, which holds our stdin: when it dies (even by SIGKILL) the pipe
    // closes and we stop cleanly instead of being left behind holding the port and the lock.
    process.stdin.resume();
    process.stdin.on('end', () => stop('launcher gone'));
  }

  const broker = (started.broker = await startBroker(options));
  console.log(`kafka broker listening on ${broker.bootstrap}`);
  if (broker.metricsPort !== null) console.log(`kafka broker metrics on http://${broker.host}:${broker.metricsPort}/metrics`);
  if (stopRequested) stop(stopRequested);
}

main().catch((error: Error) => {
  console.error(`kafka broker failed to start: ${error.message}`);
  process.exit(1);
});
