// Practice feedback: 「日付を変えると？」 for the question just answered. The scenario behind the
// question (its truth) is asked of the backend only when the trainee opens the section.
import type { IsoDate } from '../../../../shared/dates';
import { parseScenario } from '../../../../shared/scenario';
import { useApp } from '../../store';
import { WhatIfSection } from './WhatIfSection';

export function FeedbackWhatIf({
  packId,
  scenarioId,
  visitDate,
}: {
  packId: number;
  scenarioId: string;
  visitDate: IsoDate;
}) {
  const scenarioJson = useApp((s) => s.scenarioJson);
  const load = async () => {
    const json = await scenarioJson(packId, scenarioId);
    const r = json === null ? null : parseScenario(json, { inPack: true });
    return r?.ok ? r.scenario : null;
  };
  return (
    <WhatIfSection
      key={`${packId}:${scenarioId}`}
      scenario={load}
      selected={visitDate}
      selectedLabel="この例題の受診日"
    />
  );
}
