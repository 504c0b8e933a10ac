/**
 * A one-slot alarm: wait(ms) resolves after ms or as soon as fire() is called. A fire() while nobody
 * waits is remembered, so a notification arriving mid-batch is not lost.
 */
export class Wakeup {
  private waiting?: () => void;
  private signalled = false;

  fire(): void {
    if (this.waiting) this.waiting();
    else this.signalled = true;
  }

  wait(ms: number): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting = done;
    });
  }
}
