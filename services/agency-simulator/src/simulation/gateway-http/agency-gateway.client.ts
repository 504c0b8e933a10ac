import { issueDevToken } from '@bcci/auth';
import type { CloudEvent } from '@bcci/messaging';
import type { SimulatorCommand } from '../domain/simulator-command';

export interface FeedPage {
  items: Array<{ cursor: string; event: CloudEvent }>;
  nextCursor: string;
  ackedCursor: string;
}

/** accepted: 2xx; refused: the gateway said no for good (4xx); unavailable: try again later (network, 5xx, 429). */
export type CallOutcome = { outcome: 'accepted' } | { outcome: 'refused'; status: number; message: string } | { outcome: 'unavailable'; message: string };

const TOKEN_TTL_SECONDS = 3_600;

/**
 * The agency gateway's public HTTP interface, as an agency system calls it: a bearer token of role
 * `agency` scoped to one agency (here signed by the stack's development issuer), the command id as the
 * Idempotency-Key so a retried call is applied once.
 */
export class AgencyGatewayClient {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();

  constructor(
    private readonly baseUrl: string,
    private readonly jwtSecret: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async readFeed(agencyId: string, limit = 100): Promise<FeedPage> {
    const response = await this.fetchFn(`${this.baseUrl}/agency/feed?limit=${limit}`, { headers: this.headers(agencyId) });
    if (!response.ok) throw new Error(`GET /agency/feed for ${agencyId}: ${response.status} ${await safeText(response)}`);
    return (await response.json()) as FeedPage;
  }

  async ackFeed(agencyId: string, cursor: string): Promise<void> {
    const response = await this.fetchFn(`${this.baseUrl}/agency/feed/ack`, {
      method: 'POST',
      headers: { ...this.headers(agencyId), 'content-type': 'application/json' },
      body: JSON.stringify({ cursor }),
    });
    if (!response.ok) throw new Error(`POST /agency/feed/ack for ${agencyId}: ${response.status} ${await safeText(response)}`);
  }

  async send(command: SimulatorCommand): Promise<CallOutcome> {
    const { path, body } = decisionRequest(command);
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { ...this.headers(command.agencyId), 'content-type': 'application/json', 'idempotency-key': command.commandId },
        body: JSON.stringify(body),
      });
    } catch (error) {
      return { outcome: 'unavailable', message: `${path}: ${String(error)}` };
    }
    if (response.ok) return { outcome: 'accepted' };
    const message = `${path}: ${response.status} ${await safeText(response)}`;
    if (response.status >= 500 || response.status === 429 || response.status === 401) return { outcome: 'unavailable', message };
    return { outcome: 'refused', status: response.status, message };
  }

  private headers(agencyId: string): Record<string, string> {
    return { authorization: `Bearer ${this.tokenFor(agencyId)}`, accept: 'application/json' };
  }

  private tokenFor(agencyId: string): string {
    const cached = this.tokens.get(agencyId);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const token = issueDevToken(
      { role: 'agency', agencyId, subject: `agency-simulator:${agencyId}`, displayName: `Hệ thống mô phỏng ${agencyId}`, ttlSeconds: TOKEN_TTL_SECONDS },
      this.jwtSecret,
    );
    this.tokens.set(agencyId, { token, renewAt: Date.now() + (TOKEN_TTL_SECONDS / 2) * 1000 });
    return token;
  }
}

/** The gateway's decision endpoint and body for a command (its OpenAPI at /docs). */
export function decisionRequest(command: SimulatorCommand): { path: string; body: Record<string, unknown> } {
  const base = `/agency/dossiers/${command.dossierId}`;
  switch (command.kind) {
    case 'sign-handover':
      return { path: `${base}/handover-signature`, body: {} };
    case 'issue-result':
      return {
        path: `${base}/result`,
        body: { resultKind: command.resultKind, medium: command.medium, resultReference: command.resultReference, feesOwed: command.feesOwed },
      };
    case 'request-supplement':
      return { path: `${base}/supplement-requests`, body: { requestedComponents: command.requestedComponents, reason: command.reason } };
    case 'reject-dossier':
      return { path: `${base}/rejection`, body: { reasonCode: command.reasonCode, reason: command.reason } };
  }
}

async function safeText(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 300);
  } catch {
    return '';
  }
}
