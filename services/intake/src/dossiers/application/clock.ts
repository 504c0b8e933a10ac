/** Time source of the use cases; tests pin it to make J and the 15:00 rule deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
