import { classifyAnswer, retryDelayMs } from './answer-classification';
import type { OutboxItem, OutboxRequest, OutboxStore } from './outbox-item';

export type OutboxAnswer = { status: number; body: unknown } | 'unreachable';
/** Makes the HTTP call of an item with its Idempotency-Key and the given token. */
export type OutboxTransport = (item: OutboxItem, token: string) => Promise<OutboxAnswer>;

export interface OutboxDeps {
  readonly store: OutboxStore;
  readonly transport: OutboxTransport;
  readonly owner: string;
  /** The signed-in user's token, or undefined when they must sign in again. */
  readonly token: () => string | undefined;
  readonly newId: () => string;
  readonly now: () => number;
  /** Called after every change, so the visible outbox follows. */
  readonly onChange?: () => void;
  /** Runs `work` while no other tab of this browser sends the same outbox (Web Locks); default: just runs it. */
  readonly exclusively?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface NewAction {
  readonly kind: string;
  readonly label: string;
  readonly request: OutboxRequest;
  readonly context?: Record<string, unknown>;
}

/** Finished items stay visible for a day, so the user can see what went through. */
const DONE_KEPT_MS = 24 * 3600 * 1000;

/**
 * Every action that changes something goes through here, online or not: it is written to the store
 * before the first attempt (a closed tab or a crash loses nothing), sent in the order it was made, and
 * each attempt carries the item's id as Idempotency-Key (a lost answer or a second tab never applies it
 * twice). Items are only ever finished by an answer from the server.
 */
export class Outbox {
  private round: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OutboxDeps) {}

  list(): Promise<OutboxItem[]> {
    return this.deps.store.list(this.deps.owner).then((items) => items.sort((a, b) => a.createdAt - b.createdAt));
  }

  /** Records the action, then sends what is due; resolves with the item as it stands after that round. */
  async submit(action: NewAction): Promise<OutboxItem> {
    const now = this.deps.now();
    const item: OutboxItem = {
      id: this.deps.newId(),
      owner: this.deps.owner,
      kind: action.kind,
      label: action.label,
      request: action.request,
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
      ...(action.context ? { context: action.context } : {}),
    };
    await this.deps.store.put(item);
    this.deps.onChange?.();
    await this.sendDue();
    return (await this.deps.store.get(item.id)) ?? item;
  }

  /** Sends every due item in order; stops at the first that gets no answer (the rest would not either). */
  sendDue(): Promise<void> {
    this.round = this.round.then(() => (this.deps.exclusively ?? ((work) => work()))(() => this.sendRound())).catch(() => undefined);
    return this.round;
  }

  /** Puts items left "sending" by a closed tab back to "waiting" (their key makes a resend safe). */
  async recoverInterrupted(): Promise<void> {
    for (const item of await this.list()) {
      if (item.state === 'sending') await this.save({ ...item, state: 'waiting', nextAttemptAt: this.deps.now() });
    }
  }

  /** Sends a waiting item now instead of at its next attempt time, or a failed one again after the user fixed the cause. */
  async retryNow(id: string): Promise<void> {
    const item = await this.deps.store.get(id);
    if (!item || item.state === 'done' || item.state === 'sending') return;
    await this.save({ ...item, state: 'waiting', nextAttemptAt: this.deps.now() });
    await this.sendDue();
  }

  /** Removes an item the server refused (or a finished one); a waiting item cannot be discarded while it may be in flight. */
  async discard(id: string): Promise<void> {
    const item = await this.deps.store.get(id);
    if (!item || item.state === 'sending') return;
    await this.deps.store.delete(id);
    this.deps.onChange?.();
  }

  private async sendRound(): Promise<void> {
    const now = this.deps.now();
    for (const done of (await this.list()).filter((item) => item.state === 'done' && now - item.updatedAt > DONE_KEPT_MS)) await this.deps.store.delete(done.id);
    for (const item of await this.list()) {
      if (item.state !== 'waiting') continue;
      if (item.nextAttemptAt > this.deps.now()) break; // keep the order: a later item never overtakes an earlier one
      const token = this.deps.token();
      if (!token) {
        await this.save({ ...item, lastError: 'Phiên đăng nhập đã hết hạn; đăng nhập lại để gửi tiếp.' });
        break;
      }
      await this.save({ ...item, state: 'sending', attempts: item.attempts + 1 });
      const answer = await this.deps.transport(item, token).catch((): OutboxAnswer => 'unreachable');
      const meaning = classifyAnswer(answer);
      const attempts = item.attempts + 1;
      if (meaning.next === 'done' && answer !== 'unreachable') {
        const { lastError: _cleared, ...rest } = item;
        await this.save({ ...rest, state: 'done', attempts, response: answer });
        continue;
      }
      if (meaning.next === 'failed' && answer !== 'unreachable') {
        await this.save({ ...item, state: 'failed', attempts, lastError: meaning.why, response: answer });
        continue; // a refused item does not hold up the others
      }
      const delay = meaning.next === 'sign-in' ? 0 : retryDelayMs(attempts);
      const why = meaning.next === 'done' ? '' : meaning.why;
      await this.save({ ...item, state: 'waiting', attempts, lastError: why, nextAttemptAt: this.deps.now() + delay });
      break;
    }
  }

  private async save(item: OutboxItem): Promise<void> {
    await this.deps.store.put({ ...item, updatedAt: this.deps.now() });
    this.deps.onChange?.();
  }
}
