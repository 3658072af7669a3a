// realdesk.decide (受付ナビ): what a receptionist saw and heard at a real desk — an observation,
// validated by the contract — decided by the rule book under the clinic's own policy and recorded
// in the check history as mode real-desk. Nothing of the person is kept: the observation's id is
// replaced, every insurer number, 記号・番号 and 枝番 is blanked before the rule book reads it (so the
// record and the answer agree), there is no name or patient id, and no hindsight (a real desk has
// none).
import type { RealDeskResult } from '../../../shared/contract';
import type { ParsedInput } from '../../../shared/contract/kernel';
import { decide } from '../../../shared/engine';
import type { Observation } from '../../../shared/observation';
import type { HistoryRepository } from '../history/repository';
import type { ClinicSettingsRepository } from '../settings/clinic';

/** The id every real-desk observation is recorded under. */
const REAL_DESK_ID = 'real-desk';

/** The observation with nothing of the person: no numbers, a fixed id, no hindsight; the clinic's policy. */
function anonymousObservation(o: Observation, policy: Observation['policy']): Observation {
  return {
    ...o,
    id: REAL_DESK_ID,
    policy,
    coverages: o.coverages.map((c) => ({ ...c, insurerNumber: null, symbol: null, number: null, branch: null })),
    hindsight: null,
  };
}

export function createRealDeskService(deps: {
  settings: ClinicSettingsRepository;
  history: HistoryRepository;
  now: () => Date;
}): { decide(req: ParsedInput<'realdesk.decide'>): RealDeskResult } {
  return {
    decide(req) {
      const observation = anonymousObservation(req.observation, deps.settings.get().policy);
      const decision = decide(observation);
      const historyId = deps.history.append({
        at: deps.now(),
        mode: 'real-desk',
        operator: req.operator ?? null,
        observation,
        decision,
      });
      return { decision, observation, historyId };
    },
  };
}
