import { messageOf } from '../outbox/answer-classification';

export type StaffRole = 'clerk' | 'digitization-operator' | 'courier';

export interface StaffSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly staff: { readonly username: string; readonly displayName: string; readonly role: StaffRole; readonly postalCode?: string };
}

const STORAGE_KEY = 'bcci.post-office.session';

/** The session of this tab (sessionStorage: closing the tab at a shared counter signs out). */
export function storedSession(now = Date.now()): StaffSession | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as StaffSession | null;
    return session && Date.parse(session.expiresAt) > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export function rememberSession(session: StaffSession | undefined): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}

export async function signIn(username: string, password: string): Promise<StaffSession> {
  let response: Response;
  try {
    response = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  } catch {
    throw new Error('Không kết nối được với hệ thống để đăng nhập. Kiểm tra mạng rồi thử lại.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(messageOf(body, 'Đăng nhập không thành công.'));
  return body as StaffSession;
}

export const ROLE_TITLES: Readonly<Record<StaffRole, string>> = {
  clerk: 'Giao dịch viên',
  'digitization-operator': 'Nhân viên số hoá',
  courier: 'Bưu tá',
};
