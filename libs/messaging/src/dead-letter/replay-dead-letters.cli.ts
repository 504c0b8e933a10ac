// Replays dead letters to their original topics.
//   node tools/run-ts.mjs libs/messaging/src/dead-letter/replay-dead-letters.cli.ts \
//     --brokers 127.0.0.1:9092 --topic bcci.intake.dossier-events.v1[.dlq] [--group <id>]
import { parseArgs } from 'node:util';
import { deadLetterTopicOf, isDeadLetterTopic } from '../envelope/topics';
import { KafkajsMessageBus } from '../kafkajs/kafkajs-message-bus.adapter';
import { replayDeadLetters } from './replay-dead-letters';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
      topic: { type: 'string' },
      group: { type: 'string' },
    },
  });
  if (!values.topic) {
    console.error('usage: replay-dead-letters --topic <topic or topic.dlq> [--brokers host:port,...] [--group id]');
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
