import type { OutboxItem } from '../outbox/outbox-item';
import { LEG_STATUS_TEXT, scanKindText, type LegStatus, type ScanKind, type ScanResult } from './courier-views';

/** What became of one S10 of a batch, as the courier reads it. */
export interface ItemOutcome {
  readonly s10ItemId: string;
  readonly state: 'accepted' | 'refused' | 'not-recorded' | 'pending';
  readonly text: string;
}

interface RefusalBody {
  readonly code?: string;
  readonly messageVi?: string;
  readonly details?: { readonly unknown?: readonly string[]; readonly items?: readonly { s10ItemId?: string; status?: LegStatus; reason?: string; previousKind?: ScanKind }[] };
}

/**
 * POST /scans/batch is all or nothing: either every item is answered (recorded or repeated), or the
 * whole batch is refused with the offending items listed in `details` (unknown → 404, out of order →
 * 409, earlier than the previous scan → 422, another postal point → 403 without a list). The items
 * not named in a refusal were not recorded either: they can be sent again without the offenders.
 */
export function outcomesOf(item: OutboxItem, s10ItemIds: readonly string[]): ItemOutcome[] {
  if (item.state === 'waiting' || item.state === 'sending') {
    return s10ItemIds.map((s10ItemId) => ({ s10ItemId, state: 'pending', text: 'Đang chờ gửi trong Hộp thư đi; sẽ tự gửi khi có mạng.' }));
  }
  if (item.state === 'done') {
    const results = ((item.response?.body as { items?: ScanResult[] } | undefined)?.items ?? []) as ScanResult[];
    return s10ItemIds.map((s10ItemId) => {
      const result = results.find((candidate) => candidate.s10ItemId === s10ItemId);
      if (!result) return { s10ItemId, state: 'accepted', text: 'Đã ghi nhận.' };
      const status = LEG_STATUS_TEXT[result.status] ?? result.status;
      return {
        s10ItemId,
        state: 'accepted',
        text: result.outcome === 'recorded' ? `Đã ghi nhận — ${status}.` : `Bước này đã được ghi trước đó, không thay đổi — ${status}.`,
      };
    });
  }
  const body = (item.response?.body ?? {}) as RefusalBody;
  const unknown = new Set(body.details?.unknown ?? []);
  const listed = body.details?.items ?? [];
  const offenders = new Set([...unknown, ...listed.map((entry) => entry.s10ItemId ?? '')]);
  return s10ItemIds.map((s10ItemId) => {
    if (unknown.has(s10ItemId)) return { s10ItemId, state: 'refused', text: 'Không tìm thấy chặng chuyển của bưu gửi này (sai mã hoặc chưa đăng ký).' };
    const entry = listed.find((candidate) => candidate.s10ItemId === s10ItemId);
    if (entry) return { s10ItemId, state: 'refused', text: refusalText(body.code, entry) };
    if (offenders.size === 0) return { s10ItemId, state: 'refused', text: item.lastError ?? body.messageVi ?? 'Bị từ chối.' };
    return { s10ItemId, state: 'not-recorded', text: 'Chưa ghi nhận: cả lượt bị từ chối vì các bưu gửi khác; gửi lại sau khi bỏ các mã bị từ chối.' };
  });
}

function refusalText(code: string | undefined, entry: { status?: LegStatus; reason?: string; previousKind?: ScanKind }): string {
  if (code === 'forwarding.scan-time-before-previous') {
    return `Thời điểm quét sớm hơn lần quét trước${entry.previousKind ? ` (${scanKindText(entry.previousKind)})` : ''}.`;
  }
  const status = entry.status ? LEG_STATUS_TEXT[entry.status] : undefined;
  if (entry.reason?.includes('withdrawn')) return 'Hồ sơ đã rút, chặng chuyển đã đóng.';
  if (entry.reason?.includes('handover record signed')) return 'Biên bản giao nhận đã ký, chặng chuyển đã đóng.';
  const expected = /expected (\w+)/.exec(entry.reason ?? '')?.[1] as ScanKind | undefined;
  if (expected && ['DISPATCHED', 'ARRIVED', 'HANDED_OVER'].includes(expected)) {
    return `Quét sai thứ tự: bước tiếp theo phải là "${scanKindText(expected)}"${status ? ` (hiện: ${status})` : ''}.`;
  }
  return `Quét sai thứ tự${status ? ` (hiện: ${status})` : ''}: mọi bước đã được quét.`;
}
