// Choose the patient: search the registry by name, kana or birth date (和暦 accepted), or a quick
// walk-in entry (birth date + insurer). Keyboard: type, ↓/↑ to move, Enter to choose.
import { useEffect, useId, useRef, useState } from 'react';
import type { PatientSummary } from '../../../shared/contract';
import { ageOn } from '../../../shared/dates';
import { INSURER_JA, SEX_JA } from '../../../shared/labels';
import { INSURERS, type Insurer } from '../../../shared/enums';
import { formatDateJa, formatWareki, parseDate } from '../../../shared/wareki';
import { DESK_KEYS } from '../labels';
import { useApp } from '../store';

export function PatientPicker({ onChosen }: { onChosen: () => void }) {
  const patient = useApp((s) => s.patient);
  const nextPatientCount = useApp((s) => s.nextPatientCount);
  return patient === null ? <PatientSearch key={nextPatientCount} onChosen={onChosen} /> : <ChosenPatient />;
}

function ChosenPatient() {
  const patient = useApp((s) => s.patient)!;
  const visitDate = useApp((s) => s.visitDate);
  const nextPatient = useApp((s) => s.nextPatient);
  const birthDate = patient.kind === 'registry' ? patient.summary.birthDate : patient.birthDate;
  const age = birthDate <= visitDate ? ageOn(birthDate, visitDate) : null;
  return (
    <section className="panel chosen-patient" aria-labelledby="chosen-h">
      <div className="panel-head">
        <h2 id="chosen-h" className="panel-title">
          患者
        </h2>
        <button type="button" className="btn btn-quiet btn-small" onClick={nextPatient}>
          別の患者にする <kbd>Esc</kbd>
        </button>
      </div>
      {patient.kind === 'registry' ? (
        <>
          <p className="patient-name" data-testid="patient-name">
            {patient.summary.name}
            <span className="patient-kana">{patient.summary.kana}</span>
          </p>
          <p className="patient-meta">
            {formatDateJa(birthDate)} 生 ・ {age !== null ? `${age}歳` : '—'}
            {patient.summary.sex !== 'unspecified' && ` ・ ${SEX_JA[patient.summary.sex]}`}
          </p>
          <p className="patient-meta">
            {patient.summary.insurers.length > 0
              ? patient.summary.insurers.map((i) => INSURER_JA[i]).join('、')
              : '保険なし'}
            {patient.summary.hasMynaCard ? ' ・ マイナンバーカードあり' : ' ・ マイナンバーカードなし'}
          </p>
          {patient.summary.note !== '' && <p className="patient-note">{patient.summary.note}</p>}
        </>
      ) : (
        <>
          <p className="patient-name" data-testid="patient-name">
            飛び込みの患者 (登録なし)
          </p>
          <p className="patient-meta">
            {formatDateJa(birthDate)} 生 ・ {age !== null ? `${age}歳` : '—'} ・ {INSURER_JA[patient.insurer]}
          </p>
        </>
      )}
    </section>
  );
}

/** The search field takes this many characters (the registry's limit; more is refused with a message). */
const SEARCH_MAX = 60;

function PatientSearch({ onChosen }: { onChosen: () => void }) {
  const query = useApp((s) => s.query);
  const results = useApp((s) => s.results);
  const resultsFor = useApp((s) => s.resultsFor);
  const searched = useApp((s) => s.searched);
  const searchError = useApp((s) => s.searchError);
  const search = useApp((s) => s.search);
  const selectPatient = useApp((s) => s.selectPatient);
  const openWalkIn = useApp((s) => s.openWalkIn);
  const walkInPrefill = useApp((s) => s.walkInPrefill);
  const nextPatientCount = useApp((s) => s.nextPatientCount);
  const visitDate = useApp((s) => s.visitDate);
  const [text, setText] = useState(query);
  // the highlighted hit, for the list it was chosen in (a new list starts at its first hit)
  const [cursor, setCursor] = useState({ list: results, index: 0 });
  const active = cursor.list === results ? cursor.index : 0;
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const tooLong = text.trim().length > SEARCH_MAX;
  /** the list shows the results of the text in the field (else they belong to an earlier text) */
  const current = resultsFor === text.trim() && !tooLong;

  useEffect(() => {
    inputRef.current?.focus();
  }, [nextPatientCount]);

  useEffect(() => {
    if (tooLong) return;
    const t = setTimeout(() => void search(text), 120);
    return () => clearTimeout(t);
  }, [text, search, tooLong]);

  const choose = (p: PatientSummary | undefined) => {
    if (!p) return;
    selectPatient(p);
    onChosen();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return; // the IME's keys (its Enter confirms a conversion)
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setCursor({ list: results, index: Math.min(active + 1, results.length - 1) });
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor({ list: results, index: Math.max(active - 1, 0) });
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (!current) return; // the results of this text are not in yet: Enter never picks an older list
      if (results.length > 0) choose(results[active]);
      else if (text.trim() !== '' && !searchError) openWalkIn(text.trim()); // no one: accept as a walk-in
    }
  };

  const showList = results.length > 0;
  return (
    <section className="panel patient-search" aria-labelledby="search-h">
      <h2 id="search-h" className="panel-title">
        患者を選ぶ
      </h2>
      <label className="field-label" htmlFor="patient-search">
        氏名・カナ・生年月日で検索
      </label>
      <input
        id="patient-search"
        ref={inputRef}
        className="input input-large"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && current ? `${listId}-${active}` : undefined}
        aria-invalid={tooLong || searchError !== null}
        autoComplete="off"
        spellCheck={false}
        placeholder="例: やまだ、山田、S56.5.10"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="検索結果"
        aria-busy={!current}
        className={current ? 'result-list' : 'result-list stale'}
      >
        {results.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={current && i === active}
            className={current && i === active ? 'result active' : 'result'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(p)}
          >
            <span className="result-name">{p.name}</span>
            <span className="result-kana">{p.kana}</span>
            <span className="result-meta">
              {formatWareki(p.birthDate)} 生 ({p.birthDate <= visitDate ? `${ageOn(p.birthDate, visitDate)}歳` : '—'})
              ・ {p.insurers.length > 0 ? INSURER_JA[p.insurers[0]!] : '保険なし'}
            </span>
          </li>
        ))}
      </ul>
      {tooLong ? (
        <p className="field-error" role="alert">
          検索する文字が長すぎます ({SEARCH_MAX}文字まで)
        </p>
      ) : (
        searchError && (
          <p className="field-error" role="alert">
            {searchError.ja}
          </p>
        )
      )}
      {current && searched && !searchError && results.length === 0 && text.trim() !== '' && (
        <p className="muted" role="status">
          該当する患者がいません。Enter で登録のない患者として受け付けます
        </p>
      )}
      {/* a new prefill (Enter on a search that found no one) starts the form afresh */}
      <WalkIn key={walkInPrefill} onChosen={onChosen} />
    </section>
  );
}

function WalkIn({ onChosen }: { onChosen: () => void }) {
  const walkIn = useApp((s) => s.walkIn);
  const open = useApp((s) => s.walkInOpen);
  const prefill = useApp((s) => s.walkInPrefill);
  const openWalkIn = useApp((s) => s.openWalkIn);
  const closeWalkIn = useApp((s) => s.closeWalkIn);
  // what the search held: a birth date goes to its field
  const [birth, setBirth] = useState(() => (parseDate(prefill).ok ? prefill : ''));
  const [insurer, setInsurer] = useState<Insurer>('kyokai');
  const [error, setError] = useState<string | null>(null);
  const birthRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) birthRef.current?.focus();
  }, [open]);
  const submit = () => {
    const err = walkIn(birth, insurer);
    setError(err);
    if (err === null) onChosen();
  };
  const enter = (e: React.KeyboardEvent) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return; // the IME's Enter confirms a conversion
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <details
      className="walk-in"
      open={open}
      onToggle={(e) => {
        const nowOpen = (e.target as HTMLDetailsElement).open;
        if (nowOpen !== open) (nowOpen ? openWalkIn : closeWalkIn)();
      }}
    >
      <summary aria-keyshortcuts={DESK_KEYS.walkIn.toUpperCase()}>
        登録のない患者 (飛び込み) を受け付ける <kbd aria-hidden="true">{DESK_KEYS.walkIn.toUpperCase()}</kbd>
      </summary>
      <div className="walk-in-body">
        <label className="field-label" htmlFor="walkin-birth">
          生年月日 (和暦可)
        </label>
        <input
          id="walkin-birth"
          ref={birthRef}
          className="input"
          value={birth}
          placeholder="例: 昭和56年5月10日"
          aria-invalid={error !== null}
          aria-describedby={error ? 'walkin-error' : undefined}
          onChange={(e) => setBirth(e.target.value)}
          onKeyDown={enter}
        />
        <label className="field-label" htmlFor="walkin-insurer">
          加入している保険
        </label>
        <select
          id="walkin-insurer"
          className="input"
          value={insurer}
          onChange={(e) => setInsurer(e.target.value as Insurer)}
        >
          {INSURERS.map((i) => (
            <option key={i} value={i}>
              {INSURER_JA[i]}
            </option>
          ))}
        </select>
        {error !== null && (
          <p id="walkin-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="btn" onClick={submit}>
          この内容で受け付ける
        </button>
      </div>
    </details>
  );
}
