import { serviceUrl } from '../api/service-name';
import type { OutboxAnswer } from './outbox';
import type { OutboxItem } from './outbox-item';

/** Sends an outbox item over HTTP with its id as Idempotency-Key; 'unreachable' when no answer came. */
export async function sendOutboxItem(item: OutboxItem, token: string): Promise<OutboxAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'idempotency-key': item.id, accept: 'application/json' };
  let body: BodyInit | undefined;
  if (item.request.file) {
    const form = new FormData();
    form.append(item.request.file.field, item.request.file.blob, item.request.file.fileName);
    body = form;
  } else if (item.request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(item.request.json);
  }
  let response: Response;
  try {
    response = await fetch(serviceUrl(item.request.service, item.request.path), { method: item.request.method, headers, body });
  } catch {
    return 'unreachable';
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a proxy's error page): kept as text
  }
  return { status: response.status, body: parsed };
}
