/** The services the app calls, each at `/api/<service>/…` on the app's own origin. */
export type ServiceName = 'intake' | 'digitization' | 'forwarding' | 'agency-gateway' | 'returns' | 'tracking';

export function serviceUrl(service: ServiceName, path: string): string {
  return `/api/${service}${path.startsWith('/') ? path : `/${path}`}`;
}
