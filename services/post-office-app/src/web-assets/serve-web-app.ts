import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** Paths the server answers itself; everything else that is not a file is a screen of the app. */
const SERVER_PATHS = /^\/(api|ready|health|metrics|docs|docs-json)(\/|$)/;

/**
 * The built app: files from `dist/web`, and index.html for any other GET (the app routes in the browser,
 * so /counter reloaded must still load it). Vite names assets by content hash, so they are cached for
 * good; index.html is never cached, so a new build reaches every counter on its next load.
 */
export function serveWebApp(webDistDir: string) {
  const root = path.resolve(webDistDir);
  const indexFile = path.join(root, 'index.html');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.url ?? '/')) return next();
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://app').pathname);
    const candidate = path.resolve(root, `.${pathname}`);
    const insideRoot = candidate === root || candidate.startsWith(root + path.sep);
    const isFile = insideRoot && existsSync(candidate) && statSync(candidate).isFile();
    if (!isFile && path.extname(pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Không tìm thấy tệp này.');
    }
    const file = isFile ? candidate : indexFile;
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The post office app is not built: run `npm run build:post-office-app` (npm start builds it).');
    }
    const immutable = isFile && pathname.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      // The app loads only its own scripts and talks only to its own origin.
      ...(file === indexFile ? { 'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; object-src 'self' blob:" } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };
}
