// Replays dead letters to their original topics.
//   node tools/run-ts.mjs libs/messaging/src/dead-letter/replay-dead-letters.cli.ts \
//     --brokers 127.0.0.1:9092 --topic bcci.intake.dossier-events.v1[.dlq] [--group <id>]
import { parseArgs } from 'node:util';
import { deadLetterTopicOf, isDeadLetterTopic } from '../envelope/topics';
import { KafkajsMessageBus } from '../kafkajs/kafkajs-message-bus.adapter';
import { replayDeadLetters } from './replay-dead-letters';

const USAGE = `usage: npm run dlq:replay -- --topic <topic or topic.dlq> [--brokers host:port,...] [--group id]

Republishes the dead letters present now on <topic>.dlq to their original topic (dlq-original-topic
header), with progress. Letters that fail again land in the DLQ after the run; a second run with the same
--group replays only those. --brokers defaults to KAFKA_BROKERS or 127.0.0.1:9092.`;

function readArguments() {
  try {
    return parseArgs({
      options: {
        brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
        topic: { type: 'string' },
        group: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = readArguments();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.topic) {
    console.error(`--topic is required\n\n${USAGE}`);
    process.exit(2);
  }
  const dlqTopic = isDeadLetterTopic(values.topic) ? values.topic : deadLetterTopicOf(values.topic);
  const bus = new KafkajsMessageBus({ clientId: 'bcci-dlq-replay', brokers: values.brokers!.split(',') });
  const result = await replayDeadLetters({
    bus,
    dlqTopic,
    groupId: values.group,
    onProgress: ({ replayed, total }) => console.log(`${dlqTopic}: replayed ${replayed}/${total}`),
  });
  console.log(`done: ${result.replayed} dead letter(s) republished from ${dlqTopic}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
