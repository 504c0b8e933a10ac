import { messageOf } from '../outbox/answer-classification';

/** A refusal or failure of a service, with the Vietnamese message the clerk reads. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    messageVi: string,
  ) {
    super(messageVi);
  }

  /** Field-level messages of a 400 (`details: [{ field, messageVi }]`), when the service gave them. */
  get fieldMessages(): Record<string, string> {
    const details = (this.body as { details?: unknown } | undefined)?.details;
    if (!Array.isArray(details)) return {};
    return Object.fromEntries(
      details.flatMap((detail: { field?: unknown; messageVi?: unknown; message?: unknown }) =>
        typeof detail.field === 'string' ? [[detail.field, String(detail.messageVi ?? detail.message ?? '')]] : [],
      ),
    );
  }
}

/** The data of an openapi-fetch result, or an ApiError. The services' OpenAPI documents describe requests; answers are typed by the caller's view type. */
export function dataOf<T>(result: { data?: unknown; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new ApiError(result.response.status, result.error, messageOf(result.error, `Hệ thống trả lỗi ${result.response.status}.`));
}

/** A network failure (no answer at all) in Vietnamese. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Không kết nối được với hệ thống. Kiểm tra mạng rồi thử lại.';
}
