import { GENESIS_HASH } from '../domain/hash-chain';
import { RecentHistories } from './recent-histories';
import type { RecordedEntry } from './recorded-entry';

const entry = (dossierId: string, sequence: number): RecordedEntry =>
  ({ dossierId, sequence, hash: `${dossierId}-hash-${sequence}`, eventId: `${dossierId}-event-${sequence}` }) as unknown as RecordedEntry;
const timeline = (dossierId: string, length: number) => Array.from({ length }, (_, i) => entry(dossierId, i + 1));
const headOf = (history: readonly RecordedEntry[]) => ({ sequence: history.at(-1)!.sequence, hash: history.at(-1)!.hash });

describe('RecentHistories', () => {
  it('answers a held timeline only while its last entry is the locked chain head', () => {
    const recent = new RecentHistories();
    const history = timeline('A', 3);
    recent.remember('A', history);
    expect(recent.upTo('A', headOf(history))).toEqual(history);
    // Another instance appended a fourth entry: the head moved past what is held.
    expect(recent.upTo('A', { sequence: 4, hash: 'A-hash-4' })).toBeUndefined();
    // The run that remembered three entries rolled back to two.
    expect(recent.upTo('A', { sequence: 2, hash: 'A-hash-2' })).toBeUndefined();
    // Same length, another chain (a retried run recorded other entries): the hash tells.
    expect(recent.upTo('A', { sequence: 3, hash: 'another-hash' })).toBeUndefined();
    expect(recent.upTo('B', { sequence: 1, hash: 'B-hash-1' })).toBeUndefined();
  });

  it('knows a dossier whose head is the genesis has no entry yet, without holding it', () => {
    expect(new RecentHistories().upTo('new', { sequence: 0, hash: GENESIS_HASH })).toEqual([]);
  });

  it('lets the timelines remembered longest ago go once it holds more entries than allowed', () => {
    const recent = new RecentHistories(5);
    const [a, b, c] = [timeline('A', 2), timeline('B', 2), timeline('C', 2)];
    recent.remember('A', a);
    recent.remember('B', b);
    // A is remembered again, longer: B is now the oldest and goes when C arrives.
    const longerA = timeline('A', 3);
    recent.remember('A', longerA);
    recent.remember('C', c);
    expect(recent.upTo('B', headOf(b))).toBeUndefined();
    expect(recent.upTo('A', headOf(longerA))).toEqual(longerA);
    expect(recent.upTo('C', headOf(c))).toEqual(c);
    expect(recent.size).toBe(2);
  });
});
