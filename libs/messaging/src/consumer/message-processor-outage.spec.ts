import type { EntityManager } from 'typeorm';
import {
  buildEvent,
  DLQ_HEADERS,
  interruptibleSleep,
  MessageProcessor,
  NonRetriableError,
  type BatchControl,
  type DependencyWaitListener,
  type EventHandlerFn,
  type IncomingMessage,
  type MessageProcessorDeps,
  type OutgoingMessage,
} from '@bcci/messaging';

// A database outage as the processor sees it, with the ports faked and time simulated: the sleeper
// records each delay and moves the clock, so hours of backoff take microseconds.
const TOPIC = 'bcci.returns.leg-events.v1';
const message = (offset: number, subject: string): IncomingMessage => ({
  topic: TOPIC,
  partition: 2,
  offset: String(offset),
  key: Buffer.from(subject),
  value: Buffer.from(JSON.stringify(buildEvent({ type: 'bcci.agency-gateway.result-issued.v1', source: '/bcci/agency-gateway', subject, dataschema: 'urn:s', data: {} }))),
  headers: {},
});
const databaseStartingUp = () => Object.assign(new Error('the database system is not yet accepting connections'), { code: '57P03' });

function setup(handler: EventHandlerFn, deps: Partial<MessageProcessorDeps> = {}) {
  const log: string[] = [];
  const sent: OutgoingMessage[] = [];
  const delays: number[] = [];
  const waits: string[] = [];
  const time = { now: 1_000_000 };
  let heartbeats = 0;
  const listener: DependencyWaitListener = {
    waiting: (reason, held) => void waits.push(`waiting ${held.offset}: ${reason}`),
    retried: (_reason, delayMs) => void waits.push(`retry in ${delayMs}`),
    recovered: (waitedMs, retries) => void waits.push(`recovered after ${waitedMs} ms, ${retries} retries`),
    abandoned: (waitedMs, retries) => void waits.push(`abandoned after ${waitedMs} ms, ${retries} retries`),
  };
  const processor = new MessageProcessor({
    consumer: 'returns',
    resolveHandler: () => handler,
    transaction: async (work) => {
      try {
        const result = await work({} as EntityManager);
        log.push('commit');
        return result;
      } catch (error) {
        log.push('rollback');
        throw error;
      }
    },
    inbox: { record: async () => true },
    producer: {
      send: async (messages) => void sent.push(...messages),
      disconnect: async () => undefined,
    },
    retry: { maxAttempts: 3, initialDelayMs: 10, multiplier: 2, maxDelayMs: 1000, jitter: 0 },
    random: () => 0.5, // the middle of the jitter range: nominal delays
    clock: () => time.now,
    sleep: async (ms) => {
      delays.push(ms);
      time.now += ms;
    },
    heartbeatEveryMs: 60_000,
    maxMessagesPerTransaction: 1, // one attempt = one call of the handler (runs are covered elsewhere)
    onDependencyWait: listener,
    ...deps,
  });
  const control: BatchControl = {
    resolveOffset: (offset) => void log.push(`resolve ${offset}`),
    commitOffsetsIfNecessary: async () => void log.push('commit-offsets'),
    heartbeat: async () => void heartbeats++,
    shouldContinue: () => true,
  };
  return { processor, control, log, sent, delays, waits, heartbeats: () => heartbeats };
}

describe('MessageProcessor during a dependency outage', () => {
  it('keeps the message through an outage of any length, backing off from 200 ms to 10 s, and applies it once the database is back', async () => {
    let attempts = 0;
    let stateDuringOutage: unknown;
    const { processor, control, log, sent, delays, waits } = setup(async () => {
      attempts += 1;
      if (attempts === 5) stateDuringOutage = processor.waitingOnDependency;
      if (attempts <= 12) throw databaseStartingUp();
    });

    await processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(41, 'D-1'), message(42, 'D-2')] }, control);

    expect(delays).toEqual([200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
    expect(sent).toEqual([]);
    // Nothing resolved before the database came back; then both messages, in order.
    expect(log.filter((entry) => entry !== 'rollback')).toEqual(['commit', 'resolve 41', 'commit-offsets', 'commit', 'resolve 42', 'commit-offsets']);
    expect(stateDuringOutage).toEqual({
      since: new Date(1_000_000),
      reason: 'Error: the database system is not yet accepting connections',
      retries: 4,
      holding: `${TOPIC}@2:41`,
    });
    expect(processor.waitingOnDependency).toBeUndefined();
    // One line when the wait starts and one when it ends; the retries are only counted.
    expect(waits.filter((line) => !line.startsWith('retry'))).toEqual([
      'waiting 41: Error: the database system is not yet accepting connections',
      'recovered after 72600 ms, 12 retries',
    ]);
    expect(waits.filter((line) => line.startsWith('retry'))).toHaveLength(12);
  });

  it('does not count waits against the attempts of a message that then fails for a reason of its own', async () => {
    const errors = [new Error('bug'), ...Array.from({ length: 8 }, databaseStartingUp), new Error('bug'), new Error('bug')];
    const { processor, control, log, sent, waits } = setup(async () => {
      throw errors.shift() ?? new Error('unexpected extra attempt');
    });

    await processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(7, 'D-7')] }, control);

    expect(errors).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0].headers[DLQ_HEADERS.reason]).toBe('failed 3 attempt(s); last error: Error: bug');
    expect(sent[0].headers[DLQ_HEADERS.attempts]).toBe('11');
    expect(log.filter((entry) => entry.startsWith('resolve'))).toEqual(['resolve 7']);
    // The database answered again (the handler's own error came back): that ends the wait.
    expect(waits.filter((line) => !line.startsWith('retry'))).toEqual([
      'waiting 7: Error: the database system is not yet accepting connections',
      'recovered after 32600 ms, 8 retries',
    ]);
  });

  it('sleeps a long wait in slices and heartbeats after each, so the group keeps the consumer', async () => {
    let attempts = 0;
    const { processor, control, delays, heartbeats } = setup(
      async () => {
        if (++attempts === 1) throw databaseStartingUp();
      },
      { heartbeatEveryMs: 1000, dependencyBackoff: { initialDelayMs: 2500 } },
    );
    await processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(1, 'D-1')] }, control);
    expect(delays).toEqual([1000, 1000, 500]);
    expect(heartbeats()).toBeGreaterThanOrEqual(3);
  });

  it('stops waiting when the consumer stops: the message stays unresolved and is not dead-lettered', async () => {
    const stopping = new AbortController();
    const { processor, control, log, sent, delays, waits } = setup(
      async () => {
        throw databaseStartingUp();
      },
      {
        signal: stopping.signal,
        sleep: async (ms) => {
          delays.push(ms);
          if (delays.length === 3) stopping.abort(); // stop() called during the third wait
        },
      },
    );

    await processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(1, 'D-1'), message(2, 'D-2')] }, control);

    expect(delays).toHaveLength(3);
    expect(log.some((entry) => entry.startsWith('resolve'))).toBe(false);
    expect(log).toEqual(['rollback', 'rollback', 'rollback']); // message 2 was never tried
    expect(sent).toEqual([]);
    expect(waits[waits.length - 1]).toBe('abandoned after 0 ms, 3 retries'); // the fake sleep here does not move the clock
    expect(processor.waitingOnDependency).toBeUndefined();
  });

  it('stops waiting when the partition is revoked', async () => {
    let revoked = false;
    const { processor, control, log, sent } = setup(async () => {
      revoked = true; // a rebalance happens during the first attempt
      throw databaseStartingUp();
    });
    await processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(1, 'D-1')] }, { ...control, shouldContinue: () => !revoked });
    expect(log).toEqual(['rollback']);
    expect(sent).toEqual([]);
  });

  it('lets a failing heartbeat (rebalance) end the batch with the message unresolved', async () => {
    const { processor, control, log, waits } = setup(async () => {
      throw databaseStartingUp();
    });
    let heartbeats = 0;
    const rebalancing = {
      ...control,
      heartbeat: async () => {
        if (++heartbeats === 2) throw new Error('The group is rebalancing, so a rejoin is needed');
      },
    };
    await expect(processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(1, 'D-1')] }, rebalancing)).rejects.toThrow('rebalancing');
    expect(log).toEqual(['rollback', 'rollback']);
    expect(waits[waits.length - 1]).toMatch(/^abandoned/);
    expect(processor.waitingOnDependency).toBeUndefined();
  });

  it('waits for an unreachable broker before sending a dead letter, instead of failing the batch', async () => {
    let sends = 0;
    const brokerDown = () => Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError' });
    const { processor, control, log, delays, waits } = setup(
      async () => {
        throw new NonRetriableError('unknown procedure 9.999999');
      },
      {
        producer: {
          send: async () => {
            if (++sends <= 3) throw brokerDown();
            log.push('dead-letter sent');
          },
          disconnect: async () => undefined,
        },
      },
    );
    await processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(5, 'D-5')] }, control);
    expect(delays).toEqual([200, 400, 800]);
    expect(log).toEqual(['rollback', 'dead-letter sent', 'resolve 5', 'commit-offsets']);
    expect(waits.filter((line) => !line.startsWith('retry'))).toEqual([
      'waiting 5: KafkaJSConnectionError: Connection error: connect ECONNREFUSED 127.0.0.1:9092',
      'recovered after 1400 ms, 3 retries',
    ]);
  });

  it('retries a deadlock that one retry resolves without announcing a wait (routine under contention)', async () => {
    let attempts = 0;
    const { processor, control, sent, delays, waits } = setup(async () => {
      if (++attempts === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    await processor.processBatch({ topic: TOPIC, partition: 2, messages: [message(1, 'D-1')] }, control);
    expect(delays).toEqual([200]);
    expect(waits).toEqual(['retry in 200']); // counted, but no "waiting" / "recovered" lines
    expect(sent).toEqual([]);
  });
});

describe('interruptibleSleep', () => {
  it('ends a long sleep as soon as the signal aborts, and does not start one on an aborted signal', async () => {
    const stopping = new AbortController();
    const sleeping = interruptibleSleep(10 * 60_000, stopping.signal);
    stopping.abort();
    await sleeping; // would outlive the test's timeout if abort were ignored
    await interruptibleSleep(10 * 60_000, stopping.signal);
  });
});
