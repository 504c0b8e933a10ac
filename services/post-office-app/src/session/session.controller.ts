import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../web-assets/send-json';
import { BodyError, readJsonBody } from './read-json-body';
import { StaffSignIn } from './staff-sign-in';

/** Sign-in: username and password against the staff roster, answered with a scoped access token. */
@Controller('api/session')
export class SessionController {
  constructor(@Inject(StaffSignIn) private readonly staffSignIn: StaffSignIn) {}

  @Post()
  async signIn(@Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = await readJsonBody(req, 4096);
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      return sendJson(res, status, { statusCode: status, message: (error as Error).message, messageVi: 'Không đọc được thông tin đăng nhập.' });
    }
    const { username, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string' || username.trim() === '' || password === '' || username.length > 40 || password.length > 200) {
      return sendJson(res, 400, { statusCode: 400, message: 'username and password are required', messageVi: 'Vui lòng nhập tên đăng nhập và mật khẩu.' });
    }
    const outcome = this.staffSignIn.signIn(username, password);
    if (outcome.ok) return sendJson(res, 200, outcome.session);
    if (outcome.reason === 'locked') {
      res.setHeader('retry-after', String(outcome.retryAfterSeconds ?? 60));
      return sendJson(res, 429, {
        statusCode: 429,
        message: 'too many wrong passwords; wait before trying again',
        messageVi: `Nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${outcome.retryAfterSeconds ?? 60} giây.`,
      });
    }
    return sendJson(res, 401, { statusCode: 401, message: 'wrong username or password', messageVi: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  }
}
