import { TOPICS } from '@bcci/contracts';
import { DeadLetterCountsQuery } from './dead-letter-counts.query';

describe('dead letters on the operations dashboard', () => {
  const stream = TOPICS[0];

  it('counts the dead letters kept on each dead-letter topic, and lists only the topics that have some', async () => {
    const bus = {
      topicOffsets: jest.fn(async (topic: string) =>
        topic === stream.deadLetter.name ? [{ partition: 0, low: '2', high: '5' }, { partition: 1, low: '0', high: '1' }] : [{ partition: 0, low: '0', high: '0' }],
      ),
    };
    const summary = await new DeadLetterCountsQuery(bus).execute();
    expect(summary).toEqual({ available: true, total: 4, topics: [{ topic: stream.deadLetter.name, originalTopic: stream.name, count: 4 }] });
    expect(bus.topicOffsets).toHaveBeenCalledTimes(TOPICS.length);
  });

  it('counts a dead-letter topic that does not exist yet as holding none', async () => {
    const bus = { topicOffsets: jest.fn(async () => { throw Object.assign(new Error('This server does not host this topic-partition'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' }); }) };
    expect(await new DeadLetterCountsQuery(bus).execute()).toEqual({ available: true, total: 0, topics: [] });
  });

  it('says the counts are unknown while the broker cannot be asked, rather than showing zero', async () => {
    const bus = { topicOffsets: jest.fn(async () => { throw new Error('KafkaJSConnectionError: Connection error: connect ECONNREFUSED'); }) };
    expect(await new DeadLetterCountsQuery(bus).execute()).toEqual({ available: false, total: 0, topics: [] });
  });

  it('asks the broker at most every 10 s however often the page polls', async () => {
    let now = 0;
    const bus = { topicOffsets: jest.fn(async () => [{ partition: 0, low: '0', high: '1' }]) };
    const query = new DeadLetterCountsQuery(bus, () => now);
    await query.execute();
    now = 9_000;
    await query.execute();
    expect(bus.topicOffsets).toHaveBeenCalledTimes(TOPICS.length);
    now = 10_000;
    await query.execute();
    expect(bus.topicOffsets).toHaveBeenCalledTimes(2 * TOPICS.length);
  });
});
