import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as AgencyGatewayPaths } from './generated/agency-gateway';
import type { paths as DigitizationPaths } from './generated/digitization';
import type { paths as ForwardingPaths } from './generated/forwarding';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as ReturnsPaths } from './generated/returns';
import type { paths as TrackingPaths } from './generated/tracking';

/**
 * One typed client per service, generated from its OpenAPI document (contracts/openapi/, `npm run
 * api:client` refreshes both). Every call carries the signed-in user's token; a 401 signs them out.
 */
export function createApiClients(token: () => string | undefined, onUnauthorized: () => void) {
  const auth: Middleware = {
    onRequest({ request }) {
      const current = token();
      if (current) request.headers.set('Authorization', `Bearer ${current}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  };
  function client<Paths extends object>(service: string) {
    const created = createClient<Paths>({ baseUrl: `/api/${service}` });
    created.use(auth);
    return created;
  }
  return {
    intake: client<IntakePaths>('intake'),
    digitization: client<DigitizationPaths>('digitization'),
    forwarding: client<ForwardingPaths>('forwarding'),
    agencyGateway: client<AgencyGatewayPaths>('agency-gateway'),
    returns: client<ReturnsPaths>('returns'),
    tracking: client<TrackingPaths>('tracking'),
  };
}

export type ApiClients = ReturnType<typeof createApiClients>;
