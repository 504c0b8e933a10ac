import { systemClock } from '@bcci/kernel';

/** The gateway's notion of "now" (the kernel's system clock); tests replace it to place a request at a chosen legal moment. */
export class GatewayClock {
  now(): Date {
    return systemClock.now();
  }
}
