import type { Actor } from '@bcci/auth';
import type { DataSource } from 'typeorm';
import { returnNotFound } from '../domain/returns.errors';
import type { ReturnRepository } from '../persistence/return.repository';
import { assertMayRead } from './return-scope';
import { returnView, type ReturnView } from './return.view';

/** One dossier's return; a dossier registered for return by post but without a result yet shows its waiting status. */
export class GetReturnQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly returns: ReturnRepository,
  ) {}

  async execute(actor: Actor, dossierId: string): Promise<ReturnView> {
    const ret = await this.returns.find(this.dataSource.manager, dossierId);
    if (!ret) throw returnNotFound(dossierId);
    assertMayRead(actor, ret);
    return returnView(ret);
  }
}
