import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../web-assets/send-json';
import { BodyError, readJsonBody } from './read-json-body';
import { PostOfficeAppMetrics } from '../metrics/app-metrics';
import { StaffSignIn } from './staff-sign-in';

/** Sign-in: username and password against the staff roster, answered with a scoped access token. */
@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(
    @Inject(StaffSignIn) private readonly staffSignIn: StaffSignIn,
    @Inject(PostOfficeAppMetrics) private readonly metrics: PostOfficeAppMetrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a roster username and password; answers an access token scoped to the person’s role and postal point.', security: [] })
  @ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['username', 'password'],
      additionalProperties: false,
      properties: { username: { type: 'string', maxLength: 40, example: 'giaodich.33100' }, password: { type: 'string', maxLength: 200, format: 'password' } },
    },
  })
  @ApiResponse({ status: 200, description: '{ accessToken, expiresAt, staff: { username, displayName, role, postalCode } }' })
  @ApiResponse({ status: 401, description: 'Wrong username or password.' })
  @ApiResponse({ status: 429, description: 'Too many wrong passwords; Retry-After says when to try again.' })
  async signIn(@Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = await readJsonBody(req, 4096);
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      // The rest of a refused body is not read: the connection closes after the answer, or its unread bytes
      // would be taken for the next request on it.
      if (!req.readableEnded) res.setHeader('connection', 'close');
      return sendJson(res, status, { statusCode: status, message: (error as Error).message, messageVi: 'Không đọc được thông tin đăng nhập.' });
    }
    const { username, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string' || username.trim() === '' || password === '' || username.length > 40 || password.length > 200) {
      return sendJson(res, 400, { statusCode: 400, message: 'username and password are required', messageVi: 'Vui lòng nhập tên đăng nhập và mật khẩu.' });
    }
    const outcome = this.staffSignIn.signIn(username, password);
    this.metrics.countSignIn(outcome);
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
