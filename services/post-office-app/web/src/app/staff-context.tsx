import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { createApiClients, type ApiClients } from '../api/api-clients';
import { LiveNotices, type WorkQueue } from '../live/live-notices';
import { sendOutboxItem } from '../outbox/fetch-transport';
import { IndexedDbOutboxStore } from '../outbox/indexeddb-outbox-store';
import { Outbox } from '../outbox/outbox';
import type { OutboxItem } from '../outbox/outbox-item';
import type { StaffSession } from '../session/staff-session';

export interface StaffContextValue {
  readonly session: StaffSession;
  readonly api: ApiClients;
  readonly outbox: Outbox;
  /** The outbox as it stands, oldest first. */
  readonly outboxItems: readonly OutboxItem[];
  /** The browser believes it is online and the live stream is connected. */
  readonly online: boolean;
  readonly live: LiveNotices;
  signOut(): void;
}

const StaffContext = createContext<StaffContextValue | undefined>(undefined);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff outside a signed-in screen');
  return value;
}

/** Sends the outbox's due items every few seconds and at once when the connection returns. */
const OUTBOX_TICK_MS = 3_000;

/** Everything a signed-in screen needs: the session, the API clients, the outbox and the live notices. */
export function StaffProvider({ session, onSignOut, children }: { session: StaffSession; onSignOut: () => void; children: ReactNode }) {
  const sessionRef = useRef<StaffSession | undefined>(session);
  sessionRef.current = session;
  const [outboxItems, setOutboxItems] = useState<readonly OutboxItem[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [parts] = useState(() => {
    const token = () => sessionRef.current?.token;
    const api = createApiClients(token, onSignOut);
    const live = new LiveNotices(token);
    let refresh = () => undefined as void;
    const outbox = new Outbox({
      store: new IndexedDbOutboxStore(),
      transport: sendOutboxItem,
      owner: session.staff.username,
      token,
      newId: () => crypto.randomUUID(),
      now: () => Date.now(),
      onChange: () => refresh(),
      // One tab at a time sends this person's outbox (a second tab waits its turn).
      exclusively: (work) => (navigator.locks ? navigator.locks.request(`bcci-outbox:${session.staff.username}`, work) : work()),
    });
    return { api, live, outbox, setRefresh: (next: () => void) => (refresh = next) };
  });

  useEffect(() => {
    const { outbox, live, setRefresh } = parts;
    let alive = true;
    setRefresh(() => void outbox.list().then((items) => alive && setOutboxItems(items)));
    void outbox.recoverInterrupted().then(() => outbox.sendDue());
    const sendNow = () => {
      setOnline(navigator.onLine);
      void outbox.sendDue();
    };
    window.addEventListener('online', sendNow);
    window.addEventListener('offline', sendNow);
    const tick = setInterval(() => void outbox.sendDue(), OUTBOX_TICK_MS);
    live.onConnectionChange = (connected) => {
      setOnline(connected && navigator.onLine);
      if (connected) void outbox.sendDue();
    };
    live.start();
    return () => {
      alive = false;
      clearInterval(tick);
      window.removeEventListener('online', sendNow);
      window.removeEventListener('offline', sendNow);
      live.stop();
    };
  }, [parts]);

  const value: StaffContextValue = { session, api: parts.api, outbox: parts.outbox, outboxItems, online, live: parts.live, signOut: onSignOut };
  return <StaffContext.Provider value={value}>{children}</StaffContext.Provider>;
}

/**
 * Loads a queue when the screen opens and again whenever the server says it changed (no polling).
 * Returns the data, the error text, and a function to reload by hand.
 *
 * `settleMs`, for a list read from tracking's projections: the notice comes from the same event that
 * tracking is still recording, so the list is read once more after that delay (a second read per notice,
 * not a timer).
 */
export function useQueue<T>(
  queue: WorkQueue,
  load: () => Promise<T>,
  options: { settleMs?: number } = {},
): { data: T | undefined; error: string | undefined; loading: boolean; reload: () => void } {
  const { live } = useStaff();
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;
  const [reloadCount, setReloadCount] = useState(0);
  const settleMs = options.settleMs;
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const unsubscribe = live.subscribe((queues) => {
      if (!queues.includes(queue)) return;
      setReloadCount((n) => n + 1);
      if (settleMs === undefined) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        setReloadCount((n) => n + 1);
      }, settleMs);
      timers.add(timer);
    });
    return () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [live, queue, settleMs]);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState((previous) => ({ data: previous.data, loading: false, error: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      current = false;
    };
  }, [reloadCount]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setReloadCount((n) => n + 1) };
}
