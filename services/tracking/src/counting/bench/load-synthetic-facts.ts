import { randomUUID } from 'node:crypto';
import type { Catalog } from '@bcci/catalog';
import { addDays, localDate, type LocalDate } from '@bcci/kernel';
import type { DataSource } from 'typeorm';
import { CatalogUnitResolver } from '../domain/catalog-units';
import { contributionKey, contributionsOf, type Contribution } from '../domain/contributions';
import { emptyFact, type DossierFact } from '../domain/dossier-fact';
import { isDossierOpen } from '../domain/dossier-open';
import { DailyCountsRepository } from '../persistence/daily-counts.repository';

export interface SyntheticLoadOptions {
  /** Number of dossier facts to insert (the benchmark uses ≥ 1,000,000). */
  readonly count: number;
  /** Year the intake days fall in (all 365/366 days used). */
  readonly year: number;
  readonly catalog: Catalog;
  /** Facts per multi-row INSERT (default 1000). */
  readonly batchSize?: number;
  /** Deterministic pseudo-random sequence (default 42). */
  readonly seed?: number;
  readonly onProgress?: (inserted: number) => void;
}

export interface SyntheticLoadResult {
  readonly facts: number;
  readonly countRows: number;
}

/** Small deterministic generator (mulberry32): the same seed gives the same data set. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bulk-loads synthetic BCCI dossier facts and their daily counts, as the projection would have left
 * them, for the ratio-query benchmark: multi-row INSERTs of facts, daily counts aggregated in memory
 * and upserted once. Postal points, procedures and agencies come from the catalog as they stood on each
 * intake day, so scopes (province, point, agency, procedure) behave as in production.
 */
export async function loadSyntheticFacts(dataSource: DataSource, options: SyntheticLoadOptions): Promise<SyntheticLoadResult> {
  const random = generator(options.seed ?? 42);
  const batchSize = options.batchSize ?? 1000;
  const units = new CatalogUnitResolver(options.catalog);
  const first = localDate(options.year, 1, 1);
  const days = (Date.UTC(options.year, 11, 31) - Date.UTC(options.year, 0, 1)) / 86_400_000 + 1;
  const totals = new Map<string, Contribution>();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const forms = ['SEND_DOSSIER', 'SEND_AND_RECEIVE', 'SEND_AND_RECEIVE', 'RECEIVE_RESULT'];
  let inserted = 0;
  while (inserted < options.count) {
    const size = Math.min(batchSize, options.count - inserted);
    const batch: DossierFact[] = [];
    for (let i = 0; i < size; i++) {
      const intakeDay = addDays(first, Math.floor(random() * days)) as LocalDate;
      const snapshot = options.catalog.at(intakeDay);
      const point = pick(snapshot.postalPoints());
      const procedure = pick(snapshot.bcciProcedures());
      const agency = snapshot.findCompetentAgency(procedure.code);
      const serviceForm = pick(forms);
      const resolved = random() < 0.9;
      const delivered = resolved && serviceForm !== 'SEND_DOSSIER' && random() < 0.85;
      const day = (offset: number) => addDays(intakeDay, offset);
      const fact: DossierFact = {
        ...emptyFact(randomUUID()),
        procedureCode: procedure.code,
        agencyId: agency?.id ?? null,
        agencyRank: 3,
        intakePostalCode: point.postalCode,
        intakeDay,
        receivingChannel: serviceForm === 'RECEIVE_RESULT' ? 2 : 3,
        serviceForm,
        returnByPostDay: serviceForm === 'SEND_DOSSIER' ? null : intakeDay,
        componentCount: 3,
        componentsDigitized: random() < 0.95 ? 3 : 2,
        forwardLegOpenedDay: serviceForm === 'RECEIVE_RESULT' ? null : intakeDay,
        forwardHandoverDay: serviceForm === 'RECEIVE_RESULT' ? null : day(1),
        forwardOnTime: serviceForm === 'RECEIVE_RESULT' ? null : random() < 0.93,
        resultIssuedDay: resolved ? day(10) : null,
        resultMedium: resolved ? (random() < 0.3 ? 'DIGITAL' : 'PAPER') : null,
        returnLegOpenedDay: delivered ? day(11) : null,
        returnLegDueDate: delivered ? day(13) : null,
        deliveredDay: delivered ? day(random() < 0.9 ? 12 : 15) : null,
        failedAttempts: delivered && random() < 0.1 ? 1 : 0,
      };
      batch.push(fact);
      for (const contribution of contributionsOf(fact, units)) {
        const key = contributionKey(contribution);
        const existing = totals.get(key);
        totals.set(key, existing ? { ...existing, value: existing.value + contribution.value } : contribution);
      }
    }
    await dataSource.query(
      `INSERT INTO counting_dossier_facts (dossier_id, fact, stage, open, intake_postal_code)
       SELECT id, fact, stage, open, postal FROM unnest($1::uuid[], $2::jsonb[], $3::text[], $4::boolean[], $5::text[]) AS t(id, fact, stage, open, postal)`,
      [
        batch.map((f) => f.dossierId),
        batch.map((f) => JSON.stringify(f)),
        batch.map((f) => (f.deliveredDay ? 'return' : f.resultIssuedDay ? 'agency' : 'forwarding')),
        batch.map((f) => isDossierOpen(f)),
        batch.map((f) => f.intakePostalCode),
      ],
    );
    inserted += size;
    options.onProgress?.(inserted);
  }
  const rows = [...totals.values()];
  const counts = new DailyCountsRepository();
  for (let i = 0; i < rows.length; i += 5000) {
    await dataSource.transaction((manager) => counts.add(manager, rows.slice(i, i + 5000)));
  }
  await dataSource.query(`ANALYZE counting_daily_counts`);
  return { facts: inserted, countRows: rows.length };
}
