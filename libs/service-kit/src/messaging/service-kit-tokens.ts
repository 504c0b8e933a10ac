/** Injection tokens of the service kit (classes are their own tokens: DataSource, OutboxWriter, ServiceMetrics, IdempotencyStore). */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_KIT_OPTIONS = Symbol('SERVICE_KIT_OPTIONS');
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
