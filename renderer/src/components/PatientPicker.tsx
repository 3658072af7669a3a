// Choose the patient: search the registry by name, kana, birth date (和暦 accepted), 診察券番号 or
// the numbers on a document (保険者番号・記号・番号), or accept a walk-in (飛び込み) with what can be
// read from them and their documents. Keyboard: type, ↓/↑ to move, Enter to choose (a search that
// found no one opens the walk-in form with the text). An IME's keys never choose.
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import type { PatientSummary, WalkIn } from '../../../shared/contract';
import { ageOn } from '../../../shared/dates';
import { INSURER_JA, SEX_JA } from '../../../shared/labels';
import { formatDateJa, formatWareki } from '../../../shared/wareki';
import { lazyView } from '../lazy-view';
import { useApp } from '../store';

/** The walk-in form: loaded apart from the first screen, ahead of use (PatientSearch preloads it). */
const walkInForm = lazyView(() => import('./WalkInForm').then((m) => m.WalkInForm));

/** The IME is composing: its keys (its Enter confirms a conversion) are not ours. */
const composing = (e: React.KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

export function PatientPicker({ onChosen }: { onChosen: () => void }) {
  const patient = useApp((s) => s.patient);
  const nextPatientCount = useApp((s) => s.nextPatientCount);
  return patient === null ? <PatientSearch key={nextPatientCount} onChosen={onChosen} /> : <ChosenPatient />;
}

const ageText = (birthDate: string, on: string) => (birthDate <= on ? `${ageOn(birthDate, on)}歳` : '—');

function ChosenPatient() {
  const patient = useApp((s) => s.patient)!;
  const visitDate = useApp((s) => s.visitDate);
  const nextPatient = useApp((s) => s.nextPatient);
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
            <span className="patient-no">診察券 {patient.summary.clinicNo}</span>
          </p>
          <p className="patient-meta">
            {formatDateJa(patient.summary.birthDate)} 生 ・ {ageText(patient.summary.birthDate, visitDate)}
            {patient.summary.sex !== 'unspecified' && ` ・ ${SEX_JA[patient.summary.sex]}`}
          </p>
          <p className="patient-meta">
            {patient.summary.insurers.length > 0
              ? patient.summary.insurers.map((i) => INSURER_JA[i]).join('、')
              : '保険なし'}
            {patient.summary.hasMynaCard ? ' ・ マイナンバーカードあり' : ' ・ マイナンバーカードなし'}
            {patient.summary.firstVisit !== null &&
              patient.summary.firstVisit < visitDate &&
              ` ・ 初回受付 ${formatWareki(patient.summary.firstVisit)}`}
          </p>
          {patient.summary.note !== '' && <p className="patient-note">{patient.summary.note}</p>}
        </>
      ) : (
        <WalkInPatient walkIn={patient.walkIn} />
      )}
    </section>
  );
}

/** A walk-in at the counter: what was typed, and 「この患者を登録」. */
function WalkInPatient({ walkIn }: { walkIn: WalkIn }) {
  const visitDate = useApp((s) => s.visitDate);
  const register = useApp((s) => s.registerWalkIn);
  const edit = useApp((s) => s.editWalkIn);
  const error = useApp((s) => s.registerError);
  const numbers = [walkIn.insurerNumber, [walkIn.symbol, walkIn.number].filter(Boolean).join('・')]
    .filter((x) => x !== undefined && x !== '')
    .join(' ');
  const canRegister = walkIn.name !== undefined && walkIn.kana !== undefined;
  return (
    <>
      <p className="patient-name" data-testid="patient-name">
        {walkIn.name ?? '飛び込みの患者'}
        {walkIn.kana && <span className="patient-kana">{walkIn.kana}</span>}
        <span className="patient-no">登録なし (飛び込み)</span>
      </p>
      <p className="patient-meta">
        {formatDateJa(walkIn.birthDate)} 生 ・ {ageText(walkIn.birthDate, visitDate)}
        {walkIn.sex !== undefined && walkIn.sex !== 'unspecified' && ` ・ ${SEX_JA[walkIn.sex]}`} ・{' '}
        {walkIn.insurer === undefined ? '保険なし' : INSURER_JA[walkIn.insurer]}
        {walkIn.personalFamily === 2 && ' (家族)'}
        {numbers !== '' && ` ・ ${numbers}`}
      </p>
      <div className="walk-in-actions">
        <button
          type="button"
          className="btn btn-small"
          disabled={!canRegister}
          aria-describedby={canRegister ? undefined : 'register-hint'}
          onClick={() => void register()}
        >
          この患者を登録
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={edit}>
          入力を直す
        </button>
        {!canRegister && (
          <span id="register-hint" className="muted small">
            登録するには氏名とフリガナを入力してください
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          登録できませんでした: {error.ja}
        </p>
      )}
    </>
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
  const nextPatientCount = useApp((s) => s.nextPatientCount);
  const visitDate = useApp((s) => s.visitDate);
  const [text, setText] = useState(query);
  useEffect(() => void walkInForm.preload(), []);
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
    if (composing(e)) return;
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
      else if (text.trim() !== '' && !searchError) openWalkIn(text); // no one: accept as a walk-in
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
        aria-describedby="patient-search-hint"
        aria-activedescendant={showList && current ? `${listId}-${active}` : undefined}
        aria-invalid={tooLong || searchError !== null}
        autoComplete="off"
        spellCheck={false}
        placeholder="例: やまだ、山田、S56.5.10、1001"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id="patient-search-hint" className="field-hint">
        診察券番号、保険者番号・記号・番号 (例: 1234・56) でも探せます
      </p>
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
              診察券 {p.clinicNo} ・ {formatWareki(p.birthDate)} 生 ({ageText(p.birthDate, visitDate)}) ・{' '}
              {p.insurers.length > 0 ? INSURER_JA[p.insurers[0]!] : '保険なし'}
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
          該当する患者がいません。Enter で登録のない患者 (飛び込み) として受け付けます
        </p>
      )}
      <Suspense fallback={null}>
        <walkInForm.View onChosen={onChosen} />
      </Suspense>
    </section>
  );
}
