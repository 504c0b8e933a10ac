import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { PROXIED_SERVICES, type ProxiedService } from '../config/post-office-app.config';
import { sendJson } from '../web-assets/send-json';

/** Request headers a service needs; cookies and anything else the browser adds stay behind. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'content-length', 'accept', 'accept-language', 'idempotency-key', 'if-none-match', 'x-request-id'];
/** Response headers the browser needs (the slip's PDF name, caching, retries). */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'etag', 'cache-control', 'retry-after', 'location', 'x-request-id', 'idempotent-replayed'];

/** Where `/api/<service>/<rest>` goes, or undefined when the first segment is not a proxied service. */
export function proxyTarget(url: string, serviceUrls: Readonly<Record<ProxiedService, string>>): string | undefined {
  const match = /^\/([a-z-]+)(\/.*)?$/.exec(url);
  if (!match || !(PROXIED_SERVICES as readonly string[]).includes(match[1]!)) return undefined;
  return `${serviceUrls[match[1] as ProxiedService]}${match[2] ?? '/'}`;
}

/**
 * `/api/<service>/…` on the app's own origin, streamed to the service unchanged: the browser talks to one
 * origin (no CORS, one place for TLS), while each service still checks the token and the scope itself.
 * Bodies are piped, not parsed, so a scan upload of several MB costs no copy here.
 */
export function apiProxy(serviceUrls: Readonly<Record<ProxiedService, string>>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const target = proxyTarget(req.url ?? '/', serviceUrls);
    if (!target) {
      sendJson(res, 404, { statusCode: 404, error: 'Not Found', message: `no such API: ${req.url}`, messageVi: 'Không có chức năng này.' });
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
      const responseHeaders: Record<string, string | string[]> = {};
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers[name];
        if (value !== undefined) responseHeaders[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, responseHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      // The service is down or restarting: the app's outbox keeps the action and tries again later.
      sendJson(res, 503, {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the service behind this API does not answer; try again shortly',
        messageVi: 'Hệ thống đang bận hoặc tạm ngừng, vui lòng thử lại sau ít phút.',
      });
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  };
}
