import type { BenchPhase } from './bench-phase';
import { intakeFixedRatePhase } from './phases/intake-fixed-rate.phase';
import { intakeThroughputPhase } from './phases/intake-throughput.phase';
import { kafkaRawProducePhase } from './phases/kafka-raw-produce.phase';

/** The phases of `npm run bench`, in order. Later stages (forwarding, agency gateway, tracking) add a line here. */
export const BENCH_PHASES: readonly BenchPhase[] = [intakeThroughputPhase, intakeFixedRatePhase, kafkaRawProducePhase];
