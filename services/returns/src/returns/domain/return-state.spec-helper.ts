import type { ReturnState } from './return';
import type { ReturnStatus } from './return-status';

export const at = (iso: string): Date => new Date(iso);
export const COURIER = { role: 'COURIER', ref: 'staff:33100-104' } as const;
export const CLERK = { role: 'POSTAL_CLERK', ref: 'staff:33100-017' } as const;
/** The rules' clock in these tests: Friday 11/04/2025, after every step below. */
export const NOW = at('2025-04-11T12:00:00+07:00');

/** A home-delivery return whose leg opened when the result was issued, Thursday 03/04/2025 at 10:00 (J+2 → 08/04). */
export function openReturn(over: Partial<ReturnState> = {}): ReturnState {
  return {
    dossierId: '5b0c7a8e-2f4d-4e57-9a43-1c2d3e4f5a6b',
    status: 'OPEN',
    serviceForm: 'SEND_AND_RECEIVE',
    recipientRef: '7d1e9f00-3a5b-4c6d-8e9f-0a1b2c3d4e5f',
    deliveryMode: 'HOME',
    destinationPostalCode: '33100',
    destinationProvinceCode: '15',
    returnedItem: 'RESULT',
    resultId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    agencyId: '000.00.13.H65',
    issuedAt: at('2025-04-03T10:00:00+07:00'),
    feesOwed: 0,
    documentsToTakeBack: [],
    legId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    s10ItemId: 'EK000000011VN',
    legClass: 'BETWEEN_DISTRICTS',
    startDay: '2025-04-03',
    workingDays: 2,
    dueDate: '2025-04-08',
    openedAt: at('2025-04-03T10:00:05+07:00'),
    pickedUpAt: null,
    deliveredAt: null,
    returnedAt: null,
    invitations: [],
    lastStepAt: null,
    correlationId: 'corr-registration',
    ...over,
  };
}

/** Picked up at the agency on Thursday 03/04 at 16:00. */
export function pickedUpReturn(over: Partial<ReturnState> = {}): ReturnState {
  const pickedUpAt = at('2025-04-03T16:00:00+07:00');
  return openReturn({ status: 'PICKED_UP', pickedUpAt, lastStepAt: pickedUpAt, ...over });
}

/** After invitations at these times (failed home attempts, or counter notices for a counter return). */
export function invitedReturn(status: ReturnStatus, times: readonly string[], over: Partial<ReturnState> = {}): ReturnState {
  const last = at(times[times.length - 1]);
  return pickedUpReturn({ status, invitations: times.map((time) => at(time).toISOString()), lastStepAt: last, ...over });
}

/** The refusal a rule throws, as HTTP will show it (kind → status, code), or null when it decides. */
export function refusalOf(decide: () => unknown): { kind: string; code: string } | null {
  try {
    decide();
    return null;
  } catch (error) {
    const { kind, code } = error as { kind: string; code: string };
    return { kind, code };
  }
}

export const ALL_STATUSES: readonly ReturnStatus[] = [
  'AWAITING_RESULT',
  'AWAITING_REGISTRATION',
  'NOT_BY_POST',
  'OPEN',
  'PICKED_UP',
  'ATTEMPTED',
  'AT_COUNTER',
  'DELIVERED',
  'RETURNED_TO_AGENCY',
  'LOST',
];
