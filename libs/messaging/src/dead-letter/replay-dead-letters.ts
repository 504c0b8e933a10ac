import type { IncomingMessage, MessageBus } from '../ports/message-bus.port';
import { fromDeadLetter } from './dead-letter-headers';

export interface ReplayProgress {
  dlqTopic: string;
  replayed: number;
  /** Dead letters waiting when the replay started (the replay stops there). */
  total: number;
}

export interface ReplayOptions {
  bus: MessageBus;
  /** `<topic>.dlq`. */
  dlqTopic: string;
  /** The group remembers what was replayed, so running the command twice replays nothing twice. */
  groupId?: string;
  onProgress?: (progress: ReplayProgress) => void;
}

/**
 * Republishes the dead letters present when it starts to their original topics (from the
 * dlq-original-topic header), then stops. Letters that fail again land in the DLQ after the
 * starting point and are left for the next run, so a replay cannot loop. A replayed letter keeps its
 * event id: a consumer that did apply it meanwhile skips it through its inbox.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayProgress> {
  const { bus, dlqTopic } = options;
  const groupId = options.groupId ?? `bcci-dlq-replay.${dlqTopic}`;
  const [ends, committed] = await Promise.all([bus.topicOffsets(dlqTopic), bus.committedOffsets(groupId, dlqTopic)]);
  const committedBy = new Map(committed.map(({ partition, offset }) => [partition, BigInt(offset)]));

  // Per partition, the offset to stop before, and where we start.
  const stopAt = new Map<number, bigint>();
  let total = 0;
  for (const { partition, low, high } of ends) {
    const start = [BigInt(low), committedBy.get(partition) ?? -1n].reduce((a, b) => (a > b ? a : b));
    if (BigInt(high) > start) {
      stopAt.set(partition, BigInt(high));
      total += Number(BigInt(high) - start);
    }
  }
  const progress: ReplayProgress = { dlqTopic, replayed: 0, total };
  options.onProgress?.({ ...progress });
  if (stopAt.size === 0) return progress;

  const producer = await bus.createProducer();
  const consumer = await bus.createConsumer({ groupId, topics: [dlqTopic], fromBeginning: true });
  let finish!: () => void;
  let fail!: (error: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject)));
  try {
    await consumer.run(async (batch, control) => {
      const end = stopAt.get(batch.partition);
      if (end === undefined) return;
      const due: IncomingMessage[] = batch.messages.filter((message) => BigInt(message.offset) < end);
      if (due.length === 0) return;
      try {
        await producer.send(due.map((message) => fromDeadLetter(message)));
      } catch (error) {
        fail(error);
        throw error;
      }
      control.resolveOffset(due[due.length - 1].offset);
      progress.replayed += due.length;
      options.onProgress?.({ ...progress });
      if (BigInt(due[due.length - 1].offset) + 1n >= end) stopAt.delete(batch.partition);
      if (stopAt.size === 0) finish();
    });
    await finished;
  } finally {
    // Disconnecting lets the current batch end, after which the client commits the resolved offsets.
    await consumer.disconnect();
    await producer.disconnect();
  }
  return progress;
}
