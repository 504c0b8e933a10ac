import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidTokenError, TokenVerifier } from '@bcci/auth';
import { sendJson } from '../web-assets/send-json';
import { LiveHub } from './live-hub';

/** `GET /api/live`: a server-sent event stream telling a signed-in screen which of its queues changed. */
@ApiTags('live')
@Controller('api/live')
export class LiveController {
  constructor(
    @Inject(TokenVerifier) private readonly tokens: TokenVerifier,
    @Inject(LiveHub) private readonly hub: LiveHub,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Server-sent events naming which queues of the signed-in person’s postal point changed (no dossier data).' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'An endless text/event-stream of `queue` events.' })
  @ApiResponse({ status: 401, description: 'No valid token.' })
  listen(@Req() req: IncomingMessage, @Res() res: ServerResponse): void {
    try {
      const actor = this.tokens.verifyAuthorizationHeader(req.headers.authorization);
      this.hub.listen(res, actor.postalCode);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      sendJson(res, 401, { statusCode: 401, message: 'sign in first', messageVi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.' });
    }
  }
}
