import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { perSecond } from '../latency-stats';
import type { BenchPhase } from '../bench-phase';
import { CpuMeter } from '../cpu-meter';
import { openThrowawayTopic } from './throwaway-topic';

/**
 * The ceiling: kafkajs producing straight to the same broker, with the producer settings of the outbox
 * relay (idempotent, acks=all, one request in flight), 1 KB values keyed by UUIDs like dossier ids, in
 * batches, on a throw-away topic with the partitions of the intake stream. The summary divides
 * registrations/s by this.
 */
export const kafkaRawProducePhase: BenchPhase = {
  name: 'kafka-raw-produce',
  title: 'Kafka: raw kafkajs produce loop on the same broker',
  requiredServices: [],
  async run(context) {
    const { rawMessages, rawBatch, rawMessageBytes } = context.options;
    const throwaway = await openThrowawayTopic(context.kafkaBrokers, 'raw-produce');
    const { topic, producer } = throwaway;
    try {
      const value = randomBytes(rawMessageBytes);
      const batches = Math.ceil(rawMessages / rawBatch);
      context.progress(`${rawMessages} messages of ${rawMessageBytes} bytes in batches of ${rawBatch}`);
      const cpu = new CpuMeter(context.processes.filter((p) => p.name === 'broker'));
      const started = performance.now();
      let sent = 0;
      const ticker = setInterval(() => context.progress(`  ${sent}/${rawMessages} acknowledged, ${Math.round(perSecond(sent, performance.now() - started))}/s`), 1000);
      for (let b = 0; b < batches; b++) {
        const size = Math.min(rawBatch, rawMessages - sent);
        await producer.send({ topic, acks: -1, messages: Array.from({ length: size }, () => ({ key: randomUUID(), value })) });
        sent += size;
      }
      const elapsed = performance.now() - started;
      clearInterval(ticker);
      const messagesPerSecond = perSecond(sent, elapsed);
      return {
        lines: [
          `messages            ${sent} × ${rawMessageBytes} B in ${(elapsed / 1000).toFixed(1)} s, batches of ${rawBatch}, idempotent, acks=all`,
          `messages/s          ${messagesPerSecond.toFixed(0)} (${((messagesPerSecond * rawMessageBytes) / 1e6).toFixed(1)} MB/s)`,
          `CPU seconds         ${cpu.report()}`,
        ],
        metrics: { messagesPerSecond },
      };
    } finally {
      await throwaway.close();
    }
  },
};
