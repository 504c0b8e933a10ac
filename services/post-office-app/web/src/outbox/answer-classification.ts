/** What an answer (or its absence) means for an outbox item. */
export type AnswerMeaning =
  | { readonly next: 'done' }
  | { readonly next: 'retry'; readonly why: string }
  | { readonly next: 'sign-in'; readonly why: string }
  | { readonly next: 'failed'; readonly why: string };

/** The Vietnamese message of a service's error body ({ messageVi, message }), or a fallback. */
export function messageOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const { messageVi, message } = body as { messageVi?: unknown; message?: unknown };
    if (typeof messageVi === 'string' && messageVi.trim()) return messageVi;
    if (typeof message === 'string' && message.trim()) return message;
    if (Array.isArray(message) && message.length) return message.join('; ');
  }
  return fallback;
}

/**
 * Only an answer the server gave on purpose ends an item: a success, or a refusal a person must look at.
 * No answer, a time-out, "too many requests" and server errors mean "not applied, or applied and the
 * answer lost": sending again with the same Idempotency-Key is safe in both cases, so the item waits.
 */
export function classifyAnswer(answer: { status: number; body: unknown } | 'unreachable'): AnswerMeaning {
  if (answer === 'unreachable') return { next: 'retry', why: 'Chưa có kết nối mạng; sẽ tự gửi khi có mạng trở lại.' };
  const { status, body } = answer;
  if (status >= 200 && status < 300) return { next: 'done' };
  if (status === 401) return { next: 'sign-in', why: 'Phiên đăng nhập đã hết hạn; đăng nhập lại để gửi tiếp.' };
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return { next: 'retry', why: messageOf(body, `Máy chủ chưa xử lý được (mã ${status}); sẽ tự gửi lại.`) };
  }
  return { next: 'failed', why: messageOf(body, `Máy chủ từ chối yêu cầu (mã ${status}).`) };
}

/** 2 s, 4 s, 8 s … at most a minute between attempts: a commune point's link comes back by itself. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}
