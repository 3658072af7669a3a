// The desk's what-if section: the timeline of the case on the desk. It keeps showing while a day
// chosen on it is being decided (or could not be), as long as the case — patient, documents,
// clinic, visit type, 限度額 — is the one it was drawn for; any other change hides it.
import { useState } from 'react';
import type { DeskResult } from '../../../../shared/contract';
import type { IsoDate } from '../../../../shared/dates';
import { useApp, useStoreApi } from '../../store';
import { deskCaseKey } from '../../store/desk';
import { WhatIfSection } from './WhatIfSection';

export function DeskWhatIf() {
  const store = useStoreApi();
  const result = useApp((s) => s.result);
  // everything the desk sends except the visit date
  const key = useApp(deskCaseKey);
  const pending = useApp((s) => s.deciding || s.deskError !== null);
  const visitDate = useApp((s) => s.visitDate);
  const [drawn, setDrawn] = useState<{ key: string; result: DeskResult } | null>(null);
  if (result !== null && drawn?.result !== result) setDrawn({ key, result });
  if (drawn === null || drawn.key !== key || (result === null && !pending)) return null;

  const load = (day: IsoDate) => {
    const s = store.getState();
    s.setVisitDateText(day);
    if (s.commitVisitDate()) void store.getState().decide();
  };
  return (
    <WhatIfSection
      scenario={drawn.result.scenario}
      policy={drawn.result.decision.policy}
      selected={visitDate}
      onChoose={load}
      chooseLabel="この日で判定する"
    />
  );
}
