import { RunFacts, type ConsumerRun, type OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import type { DossierDecision, DossierProgress } from '../domain/dossier-progress';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { Clock } from './clock';
import { appendDecisionEvents } from './dossier-decision.writer';

/** A rule of domain/dossier-progress.rules.ts, given what it needs but the dossier's state. */
export type ProgressRule = (dossier: DossierProgress) => DossierDecision;

interface ProgressFact {
  readonly dossierId: string;
  readonly rule: ProgressRule;
  readonly traceparent?: string;
}

/**
 * Applies what intake learns from downstream (forwarding's scans, the agency's dossier code) to its
 * dossiers, in the consumer's transaction, next to its inbox rows.
 *
 * A consumer run handles many events in one transaction: their facts are gathered and applied together
 * just before it commits, in the order consumed. One statement locks every dossier of the run (in id
 * order, so two runs locking overlapping dossiers cannot deadlock, and a withdrawal at the counter
 * queues behind it or is seen by it); each fact's rule decides on the state the previous fact left; each
 * dossier that changed is saved once. The three scans and the dossier code of a dossier used to cost a
 * locking read each. A dossier this intake does not know changes nothing.
 */
export class DossierProgressRecorder {
  private readonly facts = new RunFacts<ProgressFact>((manager, facts) => this.applyAll(manager, facts));

  constructor(private readonly deps: { readonly dossiers: DossierRepository; readonly outbox: OutboxWriter; readonly clock: Clock }) {}

  /** Gathers the fact; it is applied with the rest of the run before the transaction commits. */
  record(run: ConsumerRun, dossierId: string, rule: ProgressRule, traceparent?: string): void {
    this.facts.add(run, { dossierId: dossierId.toLowerCase(), rule, ...(traceparent ? { traceparent } : {}) });
  }

  private async applyAll(manager: EntityManager, facts: readonly ProgressFact[]): Promise<void> {
    const locked = await this.deps.dossiers.findByIdsForUpdate(manager, [...new Set(facts.map((fact) => fact.dossierId))]);
    const states = new Map<string, DossierProgress>(locked.map((dossier) => [dossier.id.toLowerCase(), dossier]));
    const changed = new Set<string>();
    const now = this.deps.clock.now();
    for (const fact of facts) {
      const state = states.get(fact.dossierId);
      if (!state) continue;
      const decision = fact.rule(state);
      if (decision.state === state) continue;
      states.set(fact.dossierId, decision.state);
      changed.add(fact.dossierId);
      await appendDecisionEvents(manager, this.deps.outbox, decision, { now, ...(fact.traceparent ? { traceparent: fact.traceparent } : {}) });
    }
    for (const dossierId of changed) await this.deps.dossiers.saveProgress(manager, states.get(dossierId)!);
  }
}
