import { Histogram, type Registry } from 'prom-client';
import type { ProjectionObserver } from './counting.projection';

/**
 * `tracking_projection_lag_seconds`: from an event's own time to its recording in tracking's read
 * side (live events only; a rebuild would measure the age of history, not lag).
 */
export class ProjectionLagMetrics implements ProjectionObserver {
  private readonly histogram: Histogram<'type'>;

  constructor(registry: Registry) {
    const existing = registry.getSingleMetric('tracking_projection_lag_seconds') as Histogram<'type'> | undefined;
    this.histogram =
      existing ??
      new Histogram({
        name: 'tracking_projection_lag_seconds',
        help: 'Seconds from an event\'s time to its recording in tracking (timeline and counting projections)',
        labelNames: ['type'],
        buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
        registers: [registry],
      });
  }

  observeLag(seconds: number, eventType: string): void {
    this.histogram.observe({ type: eventType }, seconds);
  }
}
