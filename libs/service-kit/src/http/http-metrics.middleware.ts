import type { ServiceMetrics } from '../metrics/service-metrics';

interface RequestLike {
  method: string;
  baseUrl?: string;
  route?: { path?: string };
}
interface ResponseLike {
  statusCode: number;
  on(event: 'finish', listener: () => void): void;
}

/**
 * Express middleware counting every answer, refusals by guards and filters included (interceptors
 * would miss those). The route label is the route pattern, never the raw URL, to bound cardinality.
 */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (request: RequestLike, response: ResponseLike, next: () => void): void => {
    const stop = metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = request.route?.path ? `${request.baseUrl ?? ''}${request.route.path}` : 'unmatched';
      const labels = { route, method: request.method, status: String(response.statusCode) };
      metrics.httpRequests.inc(labels);
      stop(labels);
    });
    next();
  };
}
