import { Outbox, type OutboxAnswer } from '../web/src/outbox/outbox';
import type { OutboxItem, OutboxStore } from '../web/src/outbox/outbox-item';

/** The outbox's rules with a Map for IndexedDB and a scripted server; the browser test covers the real IndexedDB. */
class MapStore implements OutboxStore {
  readonly items = new Map<string, OutboxItem>();
  async list(owner: string) {
    return [...this.items.values()].filter((item) => item.owner === owner);
  }
  async get(id: string) {
    return this.items.get(id);
  }
  async put(item: OutboxItem) {
    this.items.set(item.id, structuredClone(item));
  }
  async delete(id: string) {
    this.items.delete(id);
  }
}

function outboxWith(answers: OutboxAnswer[], options: { token?: string } = {}) {
  const store = new MapStore();
  const sent: Array<{ id: string; path: string; token: string }> = [];
  let clock = 1_000_000;
  let nextId = 0;
  const outbox = new Outbox({
    store,
    owner: 'giaodich.33100',
    token: () => ('token' in options ? options.token : 'token-1'),
    newId: () => `key-${++nextId}`,
    now: () => clock,
    transport: async (item, token) => {
      sent.push({ id: item.id, path: item.request.path, token });
      return answers.shift() ?? 'unreachable';
    },
  });
  return { outbox, store, sent, advance: (ms: number) => (clock += ms) };
}

const register = (name: string) => ({ kind: 'register-dossier', label: `Đăng ký hồ sơ — ${name}`, request: { service: 'intake' as const, method: 'POST' as const, path: '/dossiers', json: { name } } });

describe('the outbox', () => {
  it('records an action before sending it and finishes it with the server answer', async () => {
    const { outbox, sent } = outboxWith([{ status: 201, body: { dossierId: 'd-1' } }]);
    const item = await outbox.submit(register('Nguyễn Văn An'));
    expect(item.state).toBe('done');
    expect(item.response).toEqual({ status: 201, body: { dossierId: 'd-1' } });
    expect(sent).toEqual([{ id: item.id, path: '/dossiers', token: 'token-1' }]);
  });

  it('keeps an action made without a connection, and sends it again with the same key once the connection returns', async () => {
    const { outbox, sent, advance } = outboxWith(['unreachable', { status: 201, body: { dossierId: 'd-1' } }]);
    const item = await outbox.submit(register('Nguyễn Văn An'));
    expect(item.state).toBe('waiting');
    expect(item.lastError).toMatch(/Chưa có kết nối mạng/);
    advance(2_000);
    await outbox.sendDue();
    const [finished] = await outbox.list();
    expect(finished!.state).toBe('done');
    expect(sent.map((attempt) => attempt.id)).toEqual([item.id, item.id]);
  });

  it('never lets a later action overtake an earlier one that is still waiting', async () => {
    const { outbox, sent, advance } = outboxWith(['unreachable', { status: 201, body: {} }, { status: 201, body: {} }]);
    const first = await outbox.submit(register('An'));
    const second = await outbox.submit(register('Bình'));
    expect(second.state).toBe('waiting');
    expect(sent.map((attempt) => attempt.id)).toEqual([first.id]); // the second waits behind the first
    advance(2_000);
    await outbox.sendDue();
    expect(sent.map((attempt) => attempt.id)).toEqual([first.id, first.id, second.id]);
    expect((await outbox.list()).map((item) => item.state)).toEqual(['done', 'done']);
  });

  it('treats a server error or a time-out as "not known to be applied": it waits and retries, with a growing pause', async () => {
    const { outbox, advance, sent } = outboxWith([{ status: 503, body: { messageVi: 'Hệ thống đang bận' } }, { status: 504, body: {} }, { status: 201, body: {} }]);
    const item = await outbox.submit(register('An'));
    expect(item.state).toBe('waiting');
    expect(item.lastError).toBe('Hệ thống đang bận');
    advance(1_999);
    await outbox.sendDue();
    expect(sent).toHaveLength(1); // not due yet
    advance(1);
    await outbox.sendDue();
    const afterSecond = (await outbox.list())[0]!;
    expect(afterSecond.nextAttemptAt - 1_002_000).toBe(4_000);
    advance(4_000);
    await outbox.sendDue();
    expect((await outbox.list())[0]!.state).toBe('done');
  });

  it('stops at a refusal and tells the user why, without holding up the actions after it', async () => {
    const refusal = { status: 400, body: { messageVi: 'Số định danh cá nhân phải có 12 chữ số.' } };
    const { outbox } = outboxWith([refusal, { status: 201, body: {} }]);
    const refused = await outbox.submit(register('An'));
    const next = await outbox.submit(register('Bình'));
    expect(refused.state).toBe('failed');
    expect(refused.lastError).toBe('Số định danh cá nhân phải có 12 chữ số.');
    expect(next.state).toBe('done');
    await outbox.discard(refused.id);
    expect((await outbox.list()).map((item) => item.label)).toEqual(['Đăng ký hồ sơ — Bình']);
  });

  it('waits for a new sign-in when the session has expired instead of failing the action', async () => {
    const { outbox, sent } = outboxWith([], { token: undefined });
    const item = await outbox.submit(register('An'));
    expect(item.state).toBe('waiting');
    expect(item.lastError).toMatch(/đăng nhập lại/);
    expect(sent).toHaveLength(0);
  });

  it('puts an action left "sending" by a closed tab back in line, to be sent again with its key', async () => {
    const { outbox, store, sent } = outboxWith([{ status: 200, body: { replayed: true } }]);
    await store.put({ id: 'key-left', owner: 'giaodich.33100', kind: 'delivery', label: 'Phát', request: { service: 'returns', method: 'POST', path: '/returns/r/delivery' }, state: 'sending', attempts: 1, nextAttemptAt: 0, createdAt: 1, updatedAt: 1 });
    await outbox.recoverInterrupted();
    await outbox.sendDue();
    expect(sent.map((attempt) => attempt.id)).toEqual(['key-left']);
    expect((await outbox.list())[0]!.state).toBe('done');
  });

  it("never sends another person's actions with this person's token", async () => {
    const { outbox, store, sent } = outboxWith([{ status: 201, body: {} }]);
    await store.put({ id: 'other', owner: 'sohoa.33100', kind: 'x', label: 'x', request: { service: 'digitization', method: 'POST', path: '/x' }, state: 'waiting', attempts: 0, nextAttemptAt: 0, createdAt: 0, updatedAt: 0 });
    await outbox.sendDue();
    expect(sent).toHaveLength(0);
    expect(store.items.get('other')!.state).toBe('waiting');
  });
});
