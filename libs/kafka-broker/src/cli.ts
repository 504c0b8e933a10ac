import { CliArgumentError, parseCliArguments, USAGE } from './cli-arguments';
import { startBroker } from './start-broker';

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
  const broker = await startBroker(options);
  console.log(`kafka broker listening on ${broker.bootstrap}`);
  if (broker.metricsPort !== null) console.log(`kafka broker metrics on http://${broker.host}:${broker.metricsPort}/metrics`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal} received, stopping the broker`);
    broker.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`stop failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  console.error(`kafka broker failed to start: ${error.message}`);
  process.exit(1);
});
