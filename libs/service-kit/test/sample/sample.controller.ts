import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { assertPostalPointScope, CurrentActor, Roles, type Actor } from '@bcci/auth';
import { buildEvent, topicFor } from '@bcci/contracts';
import { ConflictError, RuleViolationError } from '@bcci/kernel';
import { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import { ApiIdempotencyKey, IdempotencyKey, IdempotencyStore } from '../../src';
import { SampleWithdrawalOrmEntity } from './sample-withdrawal.orm-entity';
import { ListSampleWithdrawalsRequest } from './list-sample-withdrawals.request.dto';
import { WithdrawSampleRequest } from './withdraw-sample.request.dto';

/** A tiny feature exercising the kit the way a service does (use case inlined: it is a test fixture). */
@Controller('sample')
export class SampleController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(IdempotencyStore) private readonly idempotency: IdempotencyStore,
  ) {}

  @Post('withdrawals')
  @Roles('clerk')
  @ApiIdempotencyKey()
  withdraw(@CurrentActor() actor: Actor, @Body() body: WithdrawSampleRequest, @IdempotencyKey() key?: string): Promise<{ dossierId: string; eventId: string }> {
    // As the services run a step: transactionWithRetry, whose first try presumes the key is new.
    return transactionWithRetry(this.dataSource, (manager) =>
      this.idempotency.run(
        manager,
        `sample-withdraw:${actor.postalCode}`,
        key,
        async () => {
          const exists = await manager.existsBy(SampleWithdrawalOrmEntity, { dossierId: body.dossierId });
          if (exists) {
            throw new ConflictError({ code: 'sample.already-withdrawn', message: 'Dossier already withdrawn', messageVi: 'Hồ sơ đã được rút trước đó.' });
          }
          await manager.insert(SampleWithdrawalOrmEntity, { dossierId: body.dossierId, postalCode: actor.postalCode!, reason: body.reason });
          const event = buildEvent({
            type: 'bcci.intake.dossier-withdrawn.v1',
            data: {
              dossierId: body.dossierId,
              withdrawnAt: new Date().toISOString(),
              reasonCode: 'APPLICANT_REQUEST',
              reason: body.reason,
              refund: { agencyFees: body.agencyFees, postage: 0 },
              actor: { role: 'POSTAL_CLERK', ref: `staff:${actor.subject}` },
            },
          });
          await this.outbox.append(manager, { topic: topicFor(event.type), event });
          return { dossierId: body.dossierId, eventId: event.id };
        },
        body,
      ),
    );
  }

  /** Query values go straight to PostgreSQL, as a service's search does: what it refuses must be stopped before. */
  @Get('withdrawals')
  @Roles('clerk')
  async list(@CurrentActor() actor: Actor, @Query() query: ListSampleWithdrawalsRequest): Promise<{ items: Array<{ dossierId: string; reason: string }> }> {
    const items = await this.dataSource.query(
      `SELECT dossier_id AS "dossierId", reason FROM sample_withdrawal WHERE postal_code = $1 AND ($2::text IS NULL OR reason = $2)
       ORDER BY dossier_id LIMIT $3 OFFSET $4`,
      [actor.postalCode, query.reason ?? null, query.limit ?? 50, query.offset ?? 0],
    );
    return { items };
  }

  @Get('postal-points/:postalCode')
  postalPoint(@CurrentActor() actor: Actor, @Param('postalCode') postalCode: string): { postalCode: string } {
    assertPostalPointScope(actor, postalCode);
    return { postalCode };
  }

  @Post('late-supplement')
  @HttpCode(200)
  lateSupplement(): never {
    throw new RuleViolationError({
      code: 'sample.supplement-too-late',
      message: 'Supplement requests are allowed within 3 working days',
      messageVi: 'Đã quá 3 ngày làm việc, không thể yêu cầu bổ sung hồ sơ.',
      details: { limitWorkingDays: 3 },
    });
  }

  @Get('boom')
  boom(): never {
    throw new Error('database password is hunter2');
  }
}
