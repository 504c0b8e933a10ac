import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent, EventType } from '@bcci/contracts';
import type { EntityManager } from 'typeorm';
import { ResultDigitizationRepository } from '../persistence/result-digitization.repository';

/** An agency issued a result (agency-gateway): from now on a paper result can be digitized here. */
@Injectable()
export class RecordIssuedResultUseCase {
  constructor(@Inject(ResultDigitizationRepository) private readonly results: ResultDigitizationRepository) {}

  async execute(manager: EntityManager, event: BcciEvent<typeof EventType.ResultIssued>): Promise<void> {
    const data = event.data;
    await this.results.insertIfAbsent(manager, {
      resultId: data.resultId,
      dossierId: data.dossierId,
      agencyId: data.agencyId,
      medium: data.medium,
      issuedAt: new Date(data.issuedAt),
    });
  }
}
