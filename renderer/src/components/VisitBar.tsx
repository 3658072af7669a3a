// Always in view (sticky at the top of the desk): the visit date (和暦 with the western date; typed
// 和暦 accepted; a badge when it is not today, a warning beyond a year) and the clinic's situation
// today — online check, the phone reader, and today's incident (for training), which turns the
// bar into the declaration tone so an outage is never missed.
import { forwardRef } from 'react';
import { fartherThanAYear } from '../../../shared/visit-date';
import { formatDateJa } from '../../../shared/wareki';
import { INCIDENTS } from '../../../shared/enums';
import { INCIDENT_JA } from '../../../shared/labels';
import { DESK_KEYS } from '../labels';
import { useApp } from '../store';

const Key = ({ k }: { k: string }) => <kbd aria-hidden="true">{k.toUpperCase()}</kbd>;

export const VisitBar = forwardRef<HTMLDivElement>(function VisitBar(_props, ref) {
  return (
    <div className="visit-bar" ref={ref} data-testid="situation-bar">
      <VisitDate />
      <ClinicSituationPanel />
    </div>
  );
});

function VisitDate() {
  const visitDate = useApp((s) => s.visitDate);
  const today = useApp((s) => s.today);
  const text = useApp((s) => s.visitDateText);
  const error = useApp((s) => s.visitDateError);
  const setText = useApp((s) => s.setVisitDateText);
  const commit = useApp((s) => s.commitVisitDate);
  const setToday = useApp((s) => s.setVisitDateToday);
  const notToday = error === null && visitDate !== today;
  const far = notToday && fartherThanAYear(visitDate, today);
  return (
    <div className="visit-date">
      <label className="visit-date-label" htmlFor="visit-date">
        受診日
      </label>
      <Key k={DESK_KEYS.date} />
      <input
        id="visit-date"
        className="input input-date"
        value={text}
        aria-invalid={error !== null}
        aria-describedby="visit-date-shown visit-date-note"
        aria-keyshortcuts={DESK_KEYS.date.toUpperCase()}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          // Ctrl+Enter (decide) is the desk's; a plain Enter takes the date
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
            e.preventDefault();
            commit();
          }
        }}
      />
      <button
        type="button"
        className="btn btn-small"
        aria-keyshortcuts={DESK_KEYS.today.toUpperCase()}
        disabled={visitDate === today && error === null}
        onClick={setToday}
      >
        今日 <Key k={DESK_KEYS.today} />
      </button>
      <p id="visit-date-shown" className={error ? 'field-error' : 'date-shown'} data-testid="visit-date-shown">
        {error ?? formatDateJa(visitDate)}
      </p>
      <p id="visit-date-note" className="visit-date-note" role="status">
        {notToday && (
          <span className="badge tone-declaration" data-testid="not-today">
            本日ではありません
          </span>
        )}
        {far && <span className="visit-date-far">今日から1年以上離れた日付です。入力を確かめてください</span>}
      </p>
    </div>
  );
}

function ClinicSituationPanel() {
  const situation = useApp((s) => s.situation);
  const setSituation = useApp((s) => s.setSituation);
  return (
    <fieldset
      className={situation.incident === 'none' ? 'situation' : 'situation tone-declaration'}
      data-incident={situation.incident}
    >
      <legend className="situation-legend">医療機関の状況 (本日)</legend>
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
      <div
        className="incident"
        role="radiogroup"
        aria-label="本日の障害 (研修用)"
        aria-keyshortcuts={DESK_KEYS.incident.toUpperCase()}
      >
        <span className="incident-label" aria-hidden="true">
          本日の障害 <Key k={DESK_KEYS.incident} />:
        </span>
        {INCIDENTS.map((value) => (
          <label
            key={value}
            className={`radio ${situation.incident === value && value !== 'none' ? 'radio-alert' : ''}`}
          >
            <input
              type="radio"
              name="incident"
              value={value}
              checked={situation.incident === value}
              onChange={() => setSituation({ incident: value })}
            />
            {INCIDENT_JA[value]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
