/**
 * What a request may carry before any controller sees it (issue 10: no request crashes a service).
 * The numbers sit far above what a legitimate clerk, scanner or agency system sends (the largest
 * DTO text is 2,000 characters, the largest batch 500 items) and far below what hurts: a 5,000-deep
 * nesting overflows class-transformer's recursion, a 200,000-item array turns into a 49 MB answer.
 */
export interface InputLimits {
  /** Deepest nesting of objects and arrays in a JSON body. */
  maxJsonDepth: number;
  /** Most items in one JSON array, and most members in one JSON object. */
  maxJsonItems: number;
  /** Longest JSON string value, in UTF-16 code units. */
  maxStringLength: number;
  /** Longest JSON member name or query parameter name. */
  maxKeyLength: number;
  /** Most parameters in one query string. */
  maxQueryParameters: number;
  /** Longest query string (the part after `?`), in characters. */
  maxQueryLength: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxJsonDepth: 32,
  maxJsonItems: 10_000,
  maxStringLength: 20_000,
  maxKeyLength: 200,
  maxQueryParameters: 50,
  maxQueryLength: 4_096,
};

/**
 * Names that mean something to JavaScript objects rather than to the domain. `JSON.parse` makes
 * `__proto__` an own property, and class-transformer silently skips `__proto__` and `constructor`,
 * so ValidationPipe's unknown-field check never sees them: they are refused here instead.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A refusal of the input discipline: always a 4xx with a stable code and both languages. */
export interface InputProblem {
  status: number;
  code: string;
  message: string;
  messageVi: string;
}

/** Shown in messages: a hostile name can be long or unprintable, the answer must stay small and readable. */
export function printable(text: string, max = 60): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return shown.replace(/[\ud800-\udfff]/g, '\\ufffd');
}
