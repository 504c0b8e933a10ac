/**
 * Every documented route of a running service, read from its OpenAPI document (`/docs-json`): what the
 * hostile-input tier sends malformed requests to. The tier follows the documents, so a new route is
 * probed the day it is documented.
 */

/** A JSON Schema as @nestjs/swagger writes it, with `$ref`s resolved. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

export interface RouteParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: Schema;
}

export interface DocumentedRoute {
  readonly service: string;
  readonly baseUrl: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As documented, e.g. `/dossiers/{dossierId}/withdrawal`. */
  readonly path: string;
  readonly parameters: readonly RouteParameter[];
  /** Media types the route reads (empty when it reads no body). */
  readonly consumes: readonly string[];
  /** The JSON body's schema, when it reads JSON. */
  readonly bodySchema?: Schema;
  /** Documented with `security: []`: no token is needed (sign-in), so a 401 there answers the request itself. */
  readonly public: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<RouteParameter & { $ref?: string }>; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] }>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Inlines `$ref`s (to a depth, for recursive schemas). */
export function resolveSchema(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) return resolveSchema(components[schema.$ref.split('/').pop()!], components, depth + 1);
  const resolved: Schema = { ...schema };
  if (schema.properties)
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, child]) => [name, resolveSchema(child, components, depth + 1)]));
  if (schema.items) resolved.items = resolveSchema(schema.items, components, depth + 1);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolveSchema(part, components, depth + 1));
    resolved.properties = Object.assign({}, resolved.properties, ...parts.map((part) => part.properties ?? {}));
    resolved.required = [...(resolved.required ?? []), ...parts.flatMap((part) => part.required ?? [])];
    resolved.type ??= 'object';
  }
  return resolved;
}

export async function documentedRoutes(service: string, baseUrl: string): Promise<DocumentedRoute[]> {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (response.status !== 200) throw new Error(`${service}: GET /docs-json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const components = document.components?.schemas ?? {};
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const content = operation.requestBody?.content ?? {};
      routes.push({
        service,
        baseUrl,
        method: method.toUpperCase() as DocumentedRoute['method'],
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, schema: resolveSchema(parameter.schema, components) })),
        consumes: Object.keys(content),
        ...(content['application/json'] ? { bodySchema: resolveSchema(content['application/json'].schema, components) } : {}),
        public: Array.isArray(operation.security) && operation.security.length === 0,
      });
    }
  }
  return routes;
}
