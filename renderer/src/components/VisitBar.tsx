// Always visible: the visit date (和暦 with the western date; typed 和暦 accepted) and the clinic's
// situation today — online check, the phone reader, and today's incident (for training).
import { formatDateJa } from '../../../shared/wareki';
import { INCIDENTS } from '../../../shared/enums';
import { INCIDENT_JA } from '../../../shared/labels';
import { useApp } from '../store';

export function VisitBar() {
  return (
    <div className="visit-bar">
      <VisitDate />
      <ClinicSituationPanel />
    </div>
  );
}

function VisitDate() {
  const visitDate = useApp((s) => s.visitDate);
  const text = useApp((s) => s.visitDateText);
  const error = useApp((s) => s.visitDateError);
  const setText = useApp((s) => s.setVisitDateText);
  const commit = useApp((s) => s.commitVisitDate);
  return (
    <div className="visit-date">
      <label className="field-label" htmlFor="visit-date">
        受診日
      </label>
      <input
        id="visit-date"
        className="input input-date"
        value={text}
        aria-invalid={error !== null}
        aria-describedby="visit-date-shown"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <p id="visit-date-shown" className={error ? 'field-error' : 'date-shown'} data-testid="visit-date-shown">
        {error ?? formatDateJa(visitDate)}
      </p>
    </div>
  );
}

function ClinicSituationPanel() {
  const situation = useApp((s) => s.situation);
  const setSituation = useApp((s) => s.setSituation);
  const incidents = INCIDENTS.map((value) => ({ value, label: INCIDENT_JA[value] }));
  return (
    <fieldset
      className={situation.incident === 'none' ? 'situation' : 'situation tone-declaration'}
      data-incident={situation.incident}
    >
      <legend>医療機関の状況 (本日)</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={situation.onlineCheck}
          onChange={(e) => setSituation({ onlineCheck: e.target.checked })}
        />
        オンライン資格確認あり
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={situation.phoneReader}
          onChange={(e) => setSituation({ phoneReader: e.target.checked })}
        />
        スマホ用の汎用カードリーダーあり
      </label>
      <div className="incident" role="radiogroup" aria-label="本日の障害 (研修用)">
        <span className="incident-label" aria-hidden="true">
          本日の障害:
        </span>
        {incidents.map((i) => (
          <label
            key={i.value}
            className={`radio ${situation.incident === i.value && i.value !== 'none' ? 'radio-alert' : ''}`}
          >
            <input
              type="radio"
              name="incident"
              value={i.value}
              checked={situation.incident === i.value}
              onChange={() => setSituation({ incident: i.value })}
            />
            {i.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
