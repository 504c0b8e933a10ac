import type { BenchPhase } from './bench-phase';
import { boxLimitPhase } from './phases/box-limit.phase';
import { idlePhase } from './phases/idle.phase';
import { intakeFixedRatePhase } from './phases/intake-fixed-rate.phase';
import { intakeThroughputPhase } from './phases/intake-throughput.phase';
import { journeyPhase } from './phases/journey.phase';
import { kafkaRawProducePhase } from './phases/kafka-raw-produce.phase';
import { trackingRatiosPhase } from './phases/tracking-ratios.phase';

/**
 * The phases of `npm run bench`, in order. The stack at rest first, before any load. The journey runs with tracking consuming everything (its
 * timeline lag is measured at that load) and counts what a dossier costs; the box limit replays that work
 * with plain pg and kafkajs right after; the ratio query runs after, on ≥ 1 million loaded facts; the
 * raw kafkajs loop last, so the ratio in the summary compares figures of the same run.
 */
export const BENCH_PHASES: readonly BenchPhase[] = [idlePhase, intakeThroughputPhase, intakeFixedRatePhase, journeyPhase, boxLimitPhase, trackingRatiosPhase, kafkaRawProducePhase];
