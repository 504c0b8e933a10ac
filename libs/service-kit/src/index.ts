// @bcci/service-kit: what every BCCI NestJS service shares (architecture.md §3). Test helpers live in
// '@bcci/service-kit/testing' so production code never pulls them in.
// Bootstrap
export { bootstrapService, type BootstrapServiceOptions } from './bootstrap/bootstrap-service';
export { createServiceApp, DEFAULT_BODY_LIMIT_BYTES, type CreateServiceAppOptions } from './bootstrap/create-service-app';
export { nestLogLevels } from './bootstrap/nest-log-levels';
export { setupOpenApi } from './docs/setup-openapi';
// Config
export { ConfigError } from './config/config-error';
export { envString, envOptionalString, envInt, envBool, envEnum, envList, type EnvReader } from './config/env-readers';
export {
  loadServiceConfig,
  LOG_LEVELS,
  SERVICE_ENV_VARIABLES,
  type LogLevel,
  type ServiceConfig,
  type ExtraConfig,
  type ExtraConfigSpec,
  type LoadServiceConfigOptions,
} from './config/service-config';
// Module and tokens
export { ServiceKitModule } from './service-kit.module';
export { CatalogModule, CATALOG, loadConfiguredCatalog } from './catalog/catalog.module';
export { PageRequest, MAX_PAGE_OFFSET } from './http/page.request.dto';
export type { ServiceKitOptions } from './service-kit.options';
export { SERVICE_CONFIG, SERVICE_KIT_OPTIONS, MESSAGE_BUS } from './messaging/service-kit-tokens';
// Errors
export { AllExceptionsFilter } from './errors/all-exceptions.filter';
export { errorBody, defaultMessageVi, type ErrorBody } from './errors/error-body';
export { DOMAIN_ERROR_STATUS } from './errors/domain-error-status';
export { validationExceptionFactory, flattenValidationErrors, MAX_LISTED_ISSUES, type FieldIssue } from './errors/validation-exception.factory';
// Messaging
export { OnEvent, type OnEventOptions } from './messaging/on-event.decorator';
export type { OnEventHandler } from './messaging/event-handler-registry';
export { MessagingLifecycle } from './messaging/messaging-lifecycle';
// Metrics, health
export { ServiceMetrics, collectProcessMetrics } from './metrics/service-metrics';
export { kafkaReachable } from './health/kafka-reachable';
// Idempotency
export { IdempotencyStore, type IdempotencyClaim, type IdempotencyClaimRequest, type IdempotencyRecord } from './idempotency/idempotency.store';
export { IdempotencyKey, ApiIdempotencyKey, IDEMPOTENCY_KEY_HEADER } from './idempotency/idempotency-key.decorator';
export { IdempotencyKeyOrmEntity } from './idempotency/idempotency-key.orm-entity';
export { CreateIdempotencyKeysTable1735689600100 } from './idempotency/create-idempotency-keys-table.migration';
export { idempotencyEntities, idempotencyMigrations } from './idempotency/idempotency-schema';
export { requestFingerprint } from './idempotency/request-fingerprint';
export { ServiceLogger } from './bootstrap/service-logger';
// Input discipline (issue 10: no request crashes a service, none gets back more than it sent)
export { DEFAULT_INPUT_LIMITS, FORBIDDEN_KEYS, type InputLimits, type InputProblem } from './input/input-limits';
export { IsNotBlank, IsOmittable, QueryBoolean, QueryInt } from './input/input-decorators';
export { InputValidationPipe } from './input/input-validation.pipe';
export { JsonBodyGuard } from './input/json-body.guard';
export { findJsonProblem, jsonNestingDepth, textProblem } from './input/json-text';
export { findQueryProblem } from './input/query-string';
