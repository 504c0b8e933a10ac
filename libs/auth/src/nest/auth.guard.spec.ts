import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { Actor } from '../actor';
import { issueDevToken } from '../token/issue-dev-token';
import { AuthModule } from './auth.module';
import { Public, Roles } from './auth-metadata';
import { CurrentActor } from './current-actor.decorator';

const SECRET = 'guard-spec-secret';

@Controller()
class SampleController {
  @Public()
  @Get('open')
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Roles('clerk', 'auditor')
  @Get('counter')
  counter(@CurrentActor() actor: Actor): { role: string } {
    return { role: actor.role };
  }
}

@Public()
@Controller('public-controller')
class PublicController {
  @Get()
  get(): string {
    return 'ok';
  }
}

@Module({ imports: [AuthModule.forRoot({ secret: SECRET })], controllers: [SampleController, PublicController] })
class SampleModule {}

describe('AuthGuard', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(SampleModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  const clerk = () => issueDevToken({ role: 'clerk', subject: 'c-1', postalCode: '33100' }, SECRET);

  it('lets @Public routes and controllers through without a token', async () => {
    await request(url).get('/open').expect(200, { ok: true });
    await request(url).get('/public-controller').expect(200);
  });

  it('answers 401 with the Vietnamese message when the token is missing, bad or signed elsewhere', async () => {
    for (const header of [undefined, 'Bearer nonsense', `Bearer ${issueDevToken({ role: 'auditor' }, 'other')}`]) {
      const req = request(url).get('/me');
      const res = await (header ? req.set('Authorization', header) : req);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Missing, invalid or expired access token',
        messageVi: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
      });
    }
  });

  it('hands the Actor to @CurrentActor', async () => {
    const res = await request(url).get('/me').set('Authorization', `Bearer ${clerk()}`).expect(200);
    expect(res.body).toEqual({ subject: 'c-1', role: 'clerk', postalCode: '33100' });
  });

  it('answers 403 when the role is not allowed', async () => {
    await request(url).get('/counter').set('Authorization', `Bearer ${clerk()}`).expect(200, { role: 'clerk' });
    const courier = issueDevToken({ role: 'courier', postalCode: '33100' }, SECRET);
    const res = await request(url).get('/counter').set('Authorization', `Bearer ${courier}`).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', messageVi: expect.stringMatching(/Vai trò/) });
  });
});
