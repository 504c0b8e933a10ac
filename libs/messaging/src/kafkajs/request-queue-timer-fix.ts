/**
 * kafkajs 2.2.4 keeps every broker connection's request queue on a 1 ms timer for as long as the
 * connection lives, even when nothing waits in it: after each check of its pending requests it re-arms
 * the check, and without a broker-imposed throttle the delay it computes is negative, which Node turns
 * into 1 ms (tulios/kafkajs#1556 and #1704; the project is no longer maintained and the fixes were
 * never merged). A process with a producer, a consumer and an admin client then wakes up about a
 * thousand times a second for nothing: measured on this project's stack, 30 to 50 ms of CPU per second
 * in every idle service, a fifth of a core for the whole stack (docs/benchmarks.md, 2026-12-07 fifth
 * session).
 *
 * This replaces that one method of the queue with scheduling that arms a timer only while requests
 * wait: until the throttle ends when the broker throttles the client, otherwise after a short
 * interval. Nothing else needs a timer: a request is sent at once when it can be, and every answered
 * request checks the queue again, which is how requests waiting for a free in-flight slot go out.
 */

/** The parts of kafkajs's RequestQueue (src/network/requestQueue/index.js) the scheduling uses. */
export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** How soon waiting requests are checked again when no throttle says when (kafkajs uses the same 10 ms). */
export const PENDING_REQUESTS_CHECK_INTERVAL_MS = 10;

/** The replacement for RequestQueue.prototype.scheduleCheckPendingRequests. */
export function scheduleCheckOnlyWhilePending(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const untilThrottleEnds = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilThrottleEnds > 0 ? untilThrottleEnds : PENDING_REQUESTS_CHECK_INTERVAL_MS,
  );
}

const RATIFIED_VERSION = '2.2.4';

/**
 * Installs the scheduling above on kafkajs's RequestQueue, once per process. Another kafkajs version may
 * have changed the queue: then nothing is replaced and the reason is returned, so the change is noticed
 * (a test fails) rather than a foreign queue being patched blindly.
 */
export function installRequestQueueTimerFix(): { installed: boolean; reason?: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = (require('kafkajs/package.json') as { version: string }).version;
  if (version !== RATIFIED_VERSION) return { installed: false, reason: `kafkajs ${version}, fix written for ${RATIFIED_VERSION}` };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
  if (typeof RequestQueue.prototype.scheduleCheckPendingRequests !== 'function') {
    return { installed: false, reason: 'kafkajs RequestQueue has no scheduleCheckPendingRequests' };
  }
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckOnlyWhilePending;
  return { installed: true };
}

/** Done when this module is loaded: every kafkajs client of the process, ours or a test's, benefits. */
export const requestQueueTimerFix = installRequestQueueTimerFix();
