import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { findEventDescriptor, nationalStatusFor } from './catalog';
import { type BcciEvent } from './envelope';
import type { EventDataMap, EventTypeName } from './generated/event-types';
import {
  DEAD_LETTER_HEADERS_SCHEMA_ID,
  ENVELOPE_SCHEMA_ID,
  KAFKA_HEADERS_SCHEMA_ID,
  loadSchemaFiles,
} from './schemas';

export interface ValidationIssue {
  /** JSON Pointer into the envelope (`/data/s10ItemId`), empty for the whole envelope. */
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

export class EventValidationError extends Error {
  constructor(
    readonly errors: ValidationIssue[],
    readonly eventType?: string,
  ) {
    super(`invalid event${eventType ? ` ${eventType}` : ''}: ${errors.map(formatIssue).join('; ')}`);
    this.name = 'EventValidationError';
  }
}

export function formatIssue(issue: ValidationIssue): string {
  return issue.path ? `${issue.path} ${issue.message}` : issue.message;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** One Ajv instance (draft 2020-12, formats) holding every schema of `contracts/schemas`. */
export function contractsAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    addFormats(ajv);
    for (const file of loadSchemaFiles()) ajv.addSchema(file.schema, file.id);
  }
  return ajv;
}

function validatorFor(schemaId: string): ValidateFunction {
  let validate = validators.get(schemaId);
  if (!validate) {
    validate = contractsAjv().getSchema(schemaId);
    if (!validate) throw new Error(`schema ${schemaId} is not in contracts/schemas`);
    validators.set(schemaId, validate);
  }
  return validate;
}

function toIssues(errors: ErrorObject[] | null | undefined, prefix = ''): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    let message = error.message ?? error.keyword;
    if (error.keyword === 'additionalProperties') {
      message = `has unknown property "${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
    } else if (error.keyword === 'enum' || error.keyword === 'const') {
      message = `${message}: ${JSON.stringify(error.params)}`;
    }
    return { path: prefix + error.instancePath, message };
  });
}

/** Validates `data` of an event type against its schema only. */
export function validateEventData<T extends EventTypeName>(type: T, data: unknown): ValidationResult {
  const descriptor = findEventDescriptor(type);
  if (!descriptor) return { valid: false, errors: [{ path: '/type', message: `unknown event type ${type}` }] };
  const validate = validatorFor(descriptor.dataschema);
  const valid = validate(data) as boolean;
  return { valid, errors: valid ? [] : toIssues(validate.errors, '/data') };
}

/**
 * Validates a whole event: the CloudEvents envelope, then `data` against the schema of its `type`,
 * then the rules that tie them: `source` and `dataschema` of the type, `subject` = the Kafka key field
 * of `data` (dossier id), and the national status the event must carry.
 */
export function validateEvent(envelope: unknown): ValidationResult {
  const validateEnvelope = validatorFor(ENVELOPE_SCHEMA_ID);
  const errors: ValidationIssue[] = [];
  if (!validateEnvelope(envelope)) errors.push(...toIssues(validateEnvelope.errors));
  if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope)) return { valid: false, errors };

  const event = envelope as Record<string, unknown>;
  const descriptor = typeof event.type === 'string' ? findEventDescriptor(event.type) : undefined;
  if (!descriptor) {
    if (typeof event.type === 'string') errors.push({ path: '/type', message: `unknown event type ${event.type}` });
    return { valid: false, errors };
  }
  if (event.source !== descriptor.source) {
    errors.push({ path: '/source', message: `must be ${descriptor.source} for ${descriptor.type}` });
  }
  if (event.dataschema !== descriptor.dataschema) {
    errors.push({ path: '/dataschema', message: `must be ${descriptor.dataschema} for ${descriptor.type}` });
  }
  const dataResult = validateEventData(descriptor.type, event.data);
  errors.push(...dataResult.errors);

  if (dataResult.valid) {
    const data = event.data as Record<string, unknown>;
    if (event.subject !== data[descriptor.keyField]) {
      errors.push({ path: '/subject', message: `must equal data.${descriptor.keyField} (the Kafka key)` });
    }
    const expectedStatus = nationalStatusFor(descriptor.type, data as unknown as EventDataMap[EventTypeName]);
    if (expectedStatus === undefined && event.nationalstatus !== undefined) {
      errors.push({ path: '/nationalstatus', message: `must be absent: ${descriptor.type} changes no national status` });
    }
    if (expectedStatus !== undefined && event.nationalstatus !== expectedStatus) {
      errors.push({ path: '/nationalstatus', message: `must be ${expectedStatus} for ${descriptor.type} with this data` });
    }
  }
  return { valid: errors.length === 0, errors };
}

/** Throws an {@link EventValidationError} listing every problem unless the event is valid. */
export function assertValidEvent(envelope: unknown): asserts envelope is BcciEvent {
  const result = validateEvent(envelope);
  if (!result.valid) {
    const type = envelope && typeof envelope === 'object' ? (envelope as { type?: unknown }).type : undefined;
    throw new EventValidationError(result.errors, typeof type === 'string' ? type : undefined);
  }
}

/** Kafka headers of a BCCI record (string values): content type and W3C trace context. */
export function validateKafkaHeaders(headers: Record<string, string | undefined>): ValidationResult {
  const validate = validatorFor(KAFKA_HEADERS_SCHEMA_ID);
  const valid = validate(headers) as boolean;
  return { valid, errors: valid ? [] : toIssues(validate.errors, '/headers') };
}

/** Headers a record gets when it is moved to `<topic>.dlq`. */
export function validateDeadLetterHeaders(headers: Record<string, string | undefined>): ValidationResult {
  const validate = validatorFor(DEAD_LETTER_HEADERS_SCHEMA_ID);
  const valid = validate(headers) as boolean;
  return { valid, errors: valid ? [] : toIssues(validate.errors, '/headers') };
}
