import type { E2eStack } from './e2e-stack';
import { call } from './journey-http';
import { pollUntil } from './journey-poll';

export interface TrackedEntry {
  sequence: number;
  eventId: string;
  eventType: string;
  eventTime: string;
  stage: string;
  nationalStatus: number | null;
  hash: string;
  data: Record<string, unknown>;
}

export interface TrackedClock {
  kind: string;
  phase: string;
  status: string;
  startedAt?: string;
  dueDate?: string;
  pausedAt?: string;
  restarts: number;
  workingDays?: number;
}

export interface TrackedTimeline {
  dossier: Record<string, unknown>;
  clocks: TrackedClock[];
  entries: TrackedEntry[];
}

/**
 * Tracking's timeline of a dossier once it holds every event id in `eventIds` (tracking consumes each
 * stream on its own, so it catches up in its own time).
 */
export function timelineHolding(stack: E2eStack, dossierId: string, eventIds: readonly string[], token = stack.tokens.auditor): Promise<TrackedTimeline> {
  return pollUntil(`tracking to record the ${eventIds.length} events of ${dossierId}`, async () => {
    const answer = await call<TrackedTimeline>(stack, 'tracking', 'GET', `/dossiers/${dossierId}/timeline`, { token });
    if (answer.status !== 200) return undefined;
    const recorded = new Set(answer.body.entries.map((e) => e.eventId));
    return eventIds.every((id) => recorded.has(id)) ? answer.body : undefined;
  });
}

/** Tracking's timeline once it holds an event of each of `types`. */
export function timelineWith(stack: E2eStack, dossierId: string, types: readonly string[], token = stack.tokens.auditor): Promise<TrackedTimeline> {
  return pollUntil(`tracking to record ${types.join(', ')} for ${dossierId}`, async () => {
    const answer = await call<TrackedTimeline>(stack, 'tracking', 'GET', `/dossiers/${dossierId}/timeline`, { token });
    if (answer.status !== 200) return undefined;
    const recorded = new Set(answer.body.entries.map((e) => e.eventType));
    return types.every((type) => recorded.has(type)) ? answer.body : undefined;
  });
}
