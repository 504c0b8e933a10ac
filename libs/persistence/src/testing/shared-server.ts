/**
 * A server started on first use and shared by every lease of one test file; stopped when the last lease
 * is released, and started again if a later test acquires it after that.
 */
export class SharedServer<T> {
  private current: { value: Promise<T>; stop: () => Promise<void>; leases: number } | undefined;

  constructor(private readonly start: () => { value: Promise<T>; stop: () => Promise<void> }) {}

  async acquire(): Promise<{ value: T; release(): Promise<void> }> {
    if (!this.current) this.current = { ...this.start(), leases: 0 };
    const held = this.current;
    held.leases += 1;
    const value = await held.value;
    let released = false;
    return {
      value,
      release: async () => {
        if (released) return;
        released = true;
        held.leases -= 1;
        if (held.leases === 0 && this.current === held) {
          this.current = undefined;
          await held.stop();
        }
      },
    };
  }
}
