// The use cases' time source is the kernel's Clock (tests pin it; BCCI_TEST_NOW moves systemClock for a whole run).
export { type Clock, systemClock } from '@bcci/kernel';

export const CLOCK = Symbol('digitization.clock');
