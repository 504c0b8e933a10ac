/** A queue the server says changed (see the server's live/queue-notice.ts). */
export type WorkQueue = 'counter' | 'digitization' | 'courier' | 'returns';

type Listener = (queues: readonly WorkQueue[]) => void;

/**
 * The server's event stream (`GET /api/live`), read with fetch so it can carry the token in a header
 * (EventSource cannot). Reconnects by itself with a growing pause; every reconnect is announced as
 * "everything may have changed", since notices sent while disconnected are lost.
 */
export class LiveNotices {
  private readonly listeners = new Set<Listener>();
  private abort?: AbortController;
  private stopped = false;
  connected = false;
  onConnectionChange?: (connected: boolean) => void;

  constructor(private readonly token: () => string | undefined) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  private async run(): Promise<void> {
    let pauseMs = 1000;
    while (!this.stopped) {
      const token = this.token();
      if (token) {
        try {
          await this.readStream(token);
          pauseMs = 1000;
        } catch {
          // no connection: try again after a pause
        }
      }
      this.setConnected(false);
      if (this.stopped) return;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      pauseMs = Math.min(pauseMs * 2, 30_000);
    }
  }

  private async readStream(token: string): Promise<void> {
    this.abort = new AbortController();
    const response = await fetch('/api/live', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: this.abort.signal });
    if (!response.ok || !response.body) throw new Error(`live notices: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.handle(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private handle(block: string): void {
    const lines = block.split('\n');
    const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
    const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
    if (event === 'ready') {
      this.setConnected(true);
      this.emit(['counter', 'digitization', 'courier', 'returns']);
    } else if (event === 'queues') {
      try {
        this.emit((JSON.parse(data) as { queues: WorkQueue[] }).queues);
      } catch {
        // a malformed notice changes nothing
      }
    }
  }

  private emit(queues: readonly WorkQueue[]): void {
    for (const listener of this.listeners) listener(queues);
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.onConnectionChange?.(connected);
  }
}
