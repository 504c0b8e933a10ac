import type { LocalDate } from '@bcci/kernel';
import type { DataSource } from 'typeorm';
import { clockStatusOn } from '../domain/clock-status';
import type { DossierClock } from '../domain/dossier-clock';
import { DossierClockRepository } from '../persistence/dossier-clock.repository';
import type { ClockSettings } from './clock-settings';

/**
 * The periodic evaluation: days pass without events, so running clocks move from ON_TIME to AT_RISK to
 * OVERDUE on their own. Re-reads every running clock on `today` and stores the statuses that changed.
 */
export class EvaluateClocks {
  private readonly clocks = new DossierClockRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ClockSettings,
  ) {}

  async execute(today: LocalDate = this.settings.today(), pageSize = 500): Promise<{ checked: number; changed: number }> {
    let after = { dossierId: '00000000-0000-0000-0000-000000000000', clockKey: '' };
    let checked = 0;
    let changed = 0;
    for (;;) {
      const page = await this.clocks.runningAfter(this.dataSource.manager, after, pageSize);
      if (page.length === 0) break;
      await this.dataSource.transaction(async (manager) => {
        for (const row of page) {
          const clock = { phase: 'RUNNING', dueDate: row.dueDate } as DossierClock;
          const status = clockStatusOn(clock, today, this.settings.reading);
          if (status !== row.status) {
            await this.clocks.setStatus(manager, row.dossierId, row.clockKey, status, today);
            changed++;
          }
        }
      });
      checked += page.length;
      const last = page[page.length - 1];
      after = { dossierId: last.dossierId, clockKey: last.clockKey };
    }
    return { checked, changed };
  }
}
