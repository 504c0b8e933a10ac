import { chainAfter, chainHash, GENESIS_HASH, verifyChain, type ChainedEntry, type ChainedRecord } from './hash-chain';

const dossierId = '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01';

function record(n: number): Omit<ChainedRecord, 'sequence'> {
  return {
    dossierId,
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    eventType: 'bcci.forwarding.courier-scanned.v1',
    eventTime: `2025-03-1${n}T02:00:00.000Z`,
    recordedAt: `2025-03-1${n}T02:00:01.000Z`,
    stage: 'forwarding',
    postalCode: '33100',
    actorRole: 'COURIER',
    nationalStatus: null,
    event: { id: `event-${n}`, data: { scanKind: 'DISPATCHED', nested: { b: 1, a: [2, 'x'] } } },
  };
}

function chainOf(count: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let head = { sequence: 0, hash: GENESIS_HASH };
  for (let n = 1; n <= count; n++) {
    const entry = chainAfter(head, record(n));
    entries.push(entry);
    head = entry;
  }
  return entries;
}

describe('hash chain', () => {
  it('hashes an entry as it always has (a golden value: recorded chains must keep verifying)', () => {
    const event = {
      specversion: '1.0',
      id: 'x',
      type: 'bcci.forwarding.courier-scanned.v1',
      data: { kind: 'DISPATCHED', text: 'Sở Tư pháp "Lào Cai"\n\u0001', list: [1, 2.5, -0, 1e21, null, true, { b: 1, a: [] }], nested: { z: {}, A: 'x', a: 'y', é: 1, '10': 2, '9': 3 } },
    };
    const entry: ChainedRecord = {
      dossierId: '0b9e8c1e-6a4f-4c1e-9d43-2f1f1d7a9c11',
      sequence: 3,
      eventId: '5d1c2b3a-0000-4000-8000-000000000003',
      eventType: 'bcci.forwarding.courier-scanned.v1',
      eventTime: '2026-03-02T03:04:05.678Z',
      recordedAt: '2026-03-02T03:04:06.000Z',
      stage: 'forwarding',
      postalCode: '33110',
      actorRole: 'COURIER',
      nationalStatus: null,
      event,
    };
    expect(chainHash(GENESIS_HASH, entry)).toBe('775973085317fe5bc6a4d207d7de3edb89141c2973fbc974115a3a3fc41c40f1');
  });

  it('links each entry to the previous one of the same dossier, starting from the genesis hash', () => {
    const [first, second] = chainOf(2);
    expect(first.previousHash).toBe(GENESIS_HASH);
    expect(first.sequence).toBe(1);
    expect(second.previousHash).toBe(first.hash);
    expect(second.hash).toBe(chainHash(first.hash, second));
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(dossierId, chainOf(5), { sequence: 5, hash: chainOf(5)[4].hash })).toEqual({ ok: true, entries: 5 });
  });

  it('reports an edited entry as the first break', () => {
    const entries = chainOf(4);
    entries[2] = { ...entries[2], postalCode: '33110' };
    expect(verifyChain(dossierId, entries)).toMatchObject({ ok: false, firstBreak: { sequence: 3, reason: 'hash-mismatch', eventId: entries[2].eventId } });
  });

  it('reports an edit inside the event payload', () => {
    const entries = chainOf(3);
    entries[0] = { ...entries[0], event: { id: 'event-1', data: { scanKind: 'HANDED_OVER', nested: { b: 1, a: [2, 'x'] } } } };
    expect(verifyChain(dossierId, entries)).toMatchObject({ ok: false, firstBreak: { sequence: 1, reason: 'hash-mismatch' } });
  });

  it('reports an entry whose hash was recomputed after an edit, at the next link', () => {
    const entries = chainOf(3);
    const edited = { ...entries[1], stage: 'agency' };
    entries[1] = { ...edited, hash: chainHash(edited.previousHash, edited) };
    expect(verifyChain(dossierId, entries)).toMatchObject({ ok: false, firstBreak: { sequence: 3, reason: 'previous-hash-mismatch' } });
  });

  it('reports a deleted entry in the middle, and a deleted last entry against the recorded head', () => {
    const entries = chainOf(4);
    expect(verifyChain(dossierId, [entries[0], entries[2], entries[3]])).toMatchObject({ ok: false, firstBreak: { sequence: 3, reason: 'sequence-gap' } });
    expect(verifyChain(dossierId, entries.slice(0, 3), { sequence: 4, hash: entries[3].hash })).toMatchObject({ ok: false, firstBreak: { reason: 'head-mismatch' } });
  });
});
