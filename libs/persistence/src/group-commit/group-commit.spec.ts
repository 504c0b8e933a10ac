import { GroupCommit, type ItemOutcome } from './group-commit';

/** A flush whose completion the test controls, recording the batches it was given. */
function controlledFlush() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const flush = async (items: readonly number[]): Promise<ItemOutcome<string>[]> => {
    batches.push([...items]);
    await new Promise<void>((resolve) => releases.push(resolve));
    return items.map((item) => (item < 0 ? { ok: false, error: new Error(`negative ${item}`) } : { ok: true, value: `#${item}` }));
  };
  const releaseNext = async () => {
    releases.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, flush, releaseNext };
}

describe('GroupCommit', () => {
  it('writes a lone item at once, without waiting for company', async () => {
    const { batches, flush, releaseNext } = controlledFlush();
    const commit = new GroupCommit(flush, { maxBatch: 10, maxInFlight: 1 });
    const answer = commit.submit(1);
    expect(batches).toEqual([[1]]);
    await releaseNext();
    await expect(answer).resolves.toBe('#1');
  });

  it('writes the items that arrived during a flush together, in arrival order, in the next flush', async () => {
    const { batches, flush, releaseNext } = controlledFlush();
    const commit = new GroupCommit(flush, { maxBatch: 10, maxInFlight: 1 });
    const answers = [1, 2, 3, 4].map((item) => commit.submit(item));
    expect(batches).toEqual([[1]]);
    await releaseNext();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await releaseNext();
    await expect(Promise.all(answers)).resolves.toEqual(['#1', '#2', '#3', '#4']);
  });

  it('never puts more than maxBatch items in one flush, and runs up to maxInFlight flushes at once', async () => {
    const { batches, flush, releaseNext } = controlledFlush();
    const commit = new GroupCommit(flush, { maxBatch: 2, maxInFlight: 2 });
    const answers = [1, 2, 3, 4, 5, 6].map((item) => commit.submit(item));
    expect(batches).toEqual([[1], [2]]);
    await releaseNext();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    await releaseNext();
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6]]);
    expect(commit.pending).toBe(4);
    await releaseNext();
    await releaseNext();
    await expect(Promise.all(answers)).resolves.toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    expect(commit.pending).toBe(0);
  });

  it("fails only the item the flush reports as failed; its batch mates get their results", async () => {
    const { flush, releaseNext } = controlledFlush();
    const commit = new GroupCommit(flush, { maxBatch: 10, maxInFlight: 1 });
    const first = commit.submit(0);
    const good = commit.submit(7);
    const bad = commit.submit(-7).catch((error: Error) => error.message);
    await releaseNext();
    await releaseNext();
    await expect(first).resolves.toBe('#0');
    await expect(good).resolves.toBe('#7');
    await expect(bad).resolves.toBe('negative -7');
  });

  it('fails every item of a flush that throws, and goes on writing the next ones', async () => {
    let calls = 0;
    const commit = new GroupCommit<number, number>(
      async (items) => {
        calls++;
        if (calls === 2) throw new Error('database went away');
        return items.map((value) => ({ ok: true, value }));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const first = commit.submit(1);
    const failed = [commit.submit(2), commit.submit(3)];
    await expect(first).resolves.toBe(1);
    for (const answer of failed) await expect(answer).rejects.toThrow('database went away');
    await expect(commit.submit(4)).resolves.toBe(4);
  });

  it('rejects a flush that answers the wrong number of outcomes instead of leaving callers hanging', async () => {
    const commit = new GroupCommit<number, number>(async () => [], { maxBatch: 10, maxInFlight: 1 });
    await expect(commit.submit(1)).rejects.toThrow('answered 0 outcomes for 1 items');
  });

  it('tells when everything submitted has been answered', async () => {
    const { flush, releaseNext } = controlledFlush();
    const commit = new GroupCommit(flush, { maxBatch: 10, maxInFlight: 1 });
    void commit.submit(1);
    void commit.submit(2);
    let drained = false;
    void commit.drained().then(() => (drained = true));
    await releaseNext();
    expect(drained).toBe(false);
    await releaseNext();
    expect(drained).toBe(true);
    await expect(commit.drained()).resolves.toBeUndefined();
  });
});
