// A filter's verdict field (the history, a pack's scenarios): 「すべて」 or one verdict, by its words.
import type { Verdict } from '../../../shared/enums';
import { VERDICTS } from '../../../shared/enums';
import { VERDICT_LABELS } from '../labels';

export function VerdictSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Verdict | '';
  onChange: (v: Verdict | '') => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="input" name="verdict" value={value} onChange={(e) => onChange(e.target.value as Verdict | '')}>
        <option value="">すべて</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {VERDICT_LABELS[v].title}
          </option>
        ))}
      </select>
    </label>
  );
}
