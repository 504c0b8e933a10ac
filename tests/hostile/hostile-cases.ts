import type { DocumentedRoute, Schema } from './openapi-routes';
import { seededRandom } from '../support/seeded-random';
export { seededRandom };

/**
 * Malformed requests for one documented route. Each case is malformed whatever the route's rules, so
 * each must be refused with a 4xx (`mustRefuse`), except the few marked "no 5xx only" (a GET with an odd
 * but harmless string): those may answer 200 and must still not fail or write.
 */
export interface HostileCase {
  readonly route: DocumentedRoute;
  /** What is wrong with it, for the report. */
  readonly name: string;
  readonly mustRefuse: boolean;
  /** Path and query string, already encoded (a hostile query cannot go through URLSearchParams). */
  readonly target: string;
  readonly contentType?: string;
  readonly body?: string;
}

const SAMPLE_UUID = '7a1c7a2e-5c7e-4c55-9a55-3d8f0e0c1b2a';

/** A value of the right shape for a path parameter, so the request reaches the route's own checks. */
function pathValue(name: string): string {
  if (/code$/i.test(name)) return 'TK-LLTP';
  if (/itemId|s10/i.test(name)) return 'EB123456785VN';
  if (/id$/i.test(name)) return SAMPLE_UUID;
  return 'x';
}

function fillPath(route: DocumentedRoute): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValue(name)));
}

/** A value of the schema's type, not necessarily a valid one: the body's skeleton. */
function sampleOf(schema: Schema, depth = 0): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'date' ? '2026-12-07' : schema.format === 'date-time' ? '2026-12-07T09:00:00+07:00' : 'x';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !schema.items ? [] : [sampleOf(schema.items, depth + 1)];
    default: {
      if (depth > 4 || !schema.properties) return {};
      return Object.fromEntries(Object.entries(schema.properties).map(([name, child]) => [name, sampleOf(child, depth + 1)]));
    }
  }
}

/** Property paths of the body, with their schemas (top level and one level down). */
function propertiesOf(schema: Schema, prefix: string[] = [], depth = 0): Array<{ path: string[]; schema: Schema }> {
  if (!schema.properties || depth > 1) return [];
  return Object.entries(schema.properties).flatMap(([name, child]) => [
    { path: [...prefix, name], schema: child },
    ...propertiesOf(child, [...prefix, name], depth + 1),
  ]);
}

function withValue(skeleton: unknown, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(skeleton) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

function withoutValue(skeleton: unknown, path: string[]): Record<string, unknown> {
  const copy = structuredClone(skeleton) as Record<string, unknown>;
  let node: Record<string, unknown> | undefined = copy;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  if (node && typeof node === 'object') delete node[path.at(-1)!];
  return copy;
}

/** Values that no documented field of their place accepts, by the field's type. */
function wrongValuesFor(schema: Schema): unknown[] {
  const always = [{ nested: { deeper: true } }, ['a', 'b']];
  switch (schema.type) {
    case 'string':
      return schema.enum ? [...always, 'NOT_ONE_OF_THEM', 7] : [...always, 7, true];
    case 'integer':
      return [...always, 1e308, -1e308, 1.5, '12', 99999999999999999999];
    case 'number':
      return [...always, 1e308, -1e308, '12', 'NaN'];
    case 'boolean':
      return [...always, 'maybe', 1];
    case 'array':
      return [{ length: 1 }, 'not a list', 7];
    default:
      return ['not an object', 7, ['a']];
  }
}

const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/**
 * A request every layer before the access check lets through (no query, well-formed JSON), for finding
 * which role may call the route. It carries an unknown field, so no role can have it carried out.
 */
export function probeCase(route: DocumentedRoute): HostileCase {
  const readsJson = route.consumes.includes('application/json') && route.method !== 'GET' && route.method !== 'DELETE';
  const skeleton = sampleOf({ ...(route.bodySchema ?? {}), type: 'object' }) as object;
  return {
    route,
    name: 'access probe',
    mustRefuse: readsJson,
    target: fillPath(route),
    ...(readsJson ? { contentType: 'application/json', body: JSON.stringify({ ...skeleton, zzUnknownField: 1 }) } : {}),
  };
}

/** Every case of the fixed catalogue, for one route: the classes of issue 10, each against this route. */
export function fixedCases(route: DocumentedRoute): HostileCase[] {
  const target = fillPath(route);
  const cases: HostileCase[] = [];
  const add = (name: string, mustRefuse: boolean, request: Partial<HostileCase>) => cases.push({ route, name, mustRefuse, target, ...request });

  // Query strings: repeated, bracketed, NUL, and out-of-range numbers and booleans.
  for (const parameter of route.parameters.filter((p) => p.in === 'query')) {
    const sep = target.includes('?') ? '&' : '?';
    add(`query ${parameter.name} given twice`, true, { target: `${target}${sep}${parameter.name}=a&${parameter.name}=b` });
    add(`query ${parameter.name} as an object`, true, { target: `${target}${sep}${parameter.name}[$ne]=x` });
    add(`query ${parameter.name} with a NUL byte`, true, { target: `${target}${sep}${parameter.name}=a%00b` });
    if (parameter.schema.type === 'integer' || parameter.schema.type === 'number' || /^(limit|offset|page|size)$/i.test(parameter.name)) {
      add(`query ${parameter.name}=1e308`, true, { target: `${target}${sep}${parameter.name}=1e308` });
      add(`query ${parameter.name}=99999999999999999999`, true, { target: `${target}${sep}${parameter.name}=99999999999999999999` });
      add(`query ${parameter.name}=-1`, true, { target: `${target}${sep}${parameter.name}=-1` });
    }
    if (parameter.schema.type === 'boolean') add(`query ${parameter.name}=maybe`, true, { target: `${target}${sep}${parameter.name}=maybe` });
    add(`query ${parameter.name} with invalid UTF-8`, false, { target: `${target}${sep}${parameter.name}=%ED%A0%80` });
  }
  if (route.method === 'GET' || route.method === 'DELETE') return cases;

  // Bodies, on routes that read JSON. A route reading another type still refuses JSON it does not read.
  if (!route.consumes.includes('application/json')) {
    if (route.consumes.length > 0) add('a JSON body on a route that reads another type', true, { contentType: 'application/json', body: '{"a":1}' });
    return cases;
  }
  const schema = route.bodySchema ?? {};
  const skeleton = sampleOf({ ...schema, type: 'object' });
  const json = (value: unknown) => JSON.stringify(value);
  const asJson = { contentType: 'application/json' };
  add('JSON nested 5,000 objects deep', true, { ...asJson, body: deepObject(5000) });
  add('JSON nested 50,000 arrays deep', true, { ...asJson, body: '['.repeat(50_000) });
  add('a body that is an array of 200,000 items', true, { ...asJson, body: `[${new Array(200_000).fill('0').join(',')}]` });
  add('a body that is a string', true, { ...asJson, body: '"text"' });
  add('a body that is a number', true, { ...asJson, body: '42' });
  add('a body that is null', true, { ...asJson, body: 'null' });
  add('a body that is not JSON', true, { ...asJson, body: '{"a": ' });
  add('an unknown field', true, { ...asJson, body: json({ ...(skeleton as object), zzUnknownField: 1 }) });
  add('300 unknown fields', true, { ...asJson, body: json({ ...(skeleton as object), ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`unknown${i}`, i])) }) });
  add('a top-level __proto__ key', true, { ...asJson, body: `{"__proto__":{"isAdmin":true},${json(skeleton).slice(1)}`.replace(',}', '}') });
  add('a top-level constructor key', true, { ...asJson, body: `{"constructor":{"prototype":{}},${json(skeleton).slice(1)}`.replace(',}', '}') });
  add('the JSON sent as text/plain', true, { contentType: 'text/plain', body: json(skeleton) });
  add('a form-encoded body', true, { contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' });
  const strings = propertiesOf(schema).filter((p) => p.schema.type === 'string');
  for (const property of strings) {
    const at = property.path.join('.');
    add(`NUL in ${at}`, true, { ...asJson, body: json(withValue(skeleton, property.path, 'a\u0000b')) });
    add(`lone surrogate in ${at}`, true, { ...asJson, body: json(withValue(skeleton, property.path, 'PLACEHOLDER')).replace('"PLACEHOLDER"', '"x\\ud800y"') });
    add(`${at} of 100,000 characters`, true, { ...asJson, body: json(withValue(skeleton, property.path, 'x'.repeat(100_000))) });
  }
  for (const property of propertiesOf(schema).filter((p) => p.schema.type === 'array')) {
    add(`${property.path.join('.')} with 100,000 items`, true, { ...asJson, body: json(withValue(skeleton, property.path, new Array(100_000).fill('x'))) });
  }
  for (const required of schema.required ?? []) {
    add(`${required} missing`, true, { ...asJson, body: json(withoutValue(skeleton, [required])) });
    add(`${required} null`, true, { ...asJson, body: json(withValue(skeleton, [required], null)) });
  }
  return cases;
}

/**
 * Random cases: one property of the skeleton (or a random new one) given a value no field of its type
 * accepts. `rounds` per route; the same seed gives the same cases.
 */
export function randomCases(route: DocumentedRoute, rounds: number, random: () => number): HostileCase[] {
  if (!route.consumes.includes('application/json') || route.method === 'GET' || route.method === 'DELETE') return [];
  const schema = route.bodySchema ?? {};
  const skeleton = sampleOf({ ...schema, type: 'object' });
  const properties = propertiesOf(schema);
  const target = fillPath(route);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cases: HostileCase[] = [];
  for (let round = 0; round < rounds; round++) {
    if (properties.length === 0 || random() < 0.15) {
      const name = pick(['__proto__', 'constructor', 'prototype', 'zz', '', 'a'.repeat(300), 'x\u0000y']);
      const body = `{${JSON.stringify(name)}:${JSON.stringify(pick([1, 'x', null, {}, []]))}${Object.keys(skeleton as object).length ? ',' : ''}${JSON.stringify(skeleton).slice(1)}`;
      cases.push({ route, name: `random: extra member ${JSON.stringify(name.slice(0, 20))}`, mustRefuse: true, target, contentType: 'application/json', body });
      continue;
    }
    const property = pick(properties);
    const value = pick(wrongValuesFor(property.schema));
    cases.push({
      route,
      name: `random: ${property.path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`,
      mustRefuse: true,
      target,
      contentType: 'application/json',
      body: JSON.stringify(withValue(skeleton, property.path, value)),
    });
  }
  return cases;
}
