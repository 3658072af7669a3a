// The trainee's answer: verdict, copay, 高齢受給者証, documents still needed — and, where the question
// asks them (a scenario with programmes, 生活保護 or 労災), what the patient pays and which programmes
// apply. Native radio groups, checkboxes and text fields (arrow keys, Space, Tab), Enter answers.
// Every group must be answered; choosing 自費 (10割) sets the copay to 10割, which the trainee may
// still change.
import { useEffect, useRef, useState } from 'react';
import type { PatientPays } from '../../../../shared/decision';
import {
  type NeededDocument,
  VERDICTS,
  type Verdict,
  COPAY_PERCENTS,
  type CopayPercent,
  NEEDED_DOCUMENTS,
  type PublicExpenseProgram,
} from '../../../../shared/enums';
import { PROGRAM_JA } from '../../../../shared/labels';
import { copayText, numberEntryText } from '../../../../shared/trainer/answer-text';
import { ANSWER_ITEM_JA, type NumberEntry, type TraineeAnswer } from '../../../../shared/trainer/grade';
import type { Question } from '../../../../shared/trainer/question';
import { NEEDED_LABELS, VERDICT_LABELS } from '../../labels';
import { verdictTone } from '../../tones';

/** What the patient pays, as the receptionist would charge it (each choice one PatientPays). */
const PAY_CHOICES = ['none', 'per-visit', '10', '20', '30', '100', 'cap-reached', 'deposit'] as const;
type PayChoice = (typeof PAY_CHOICES)[number];
const PAY_JA: Record<PayChoice, string> = {
  none: '負担なし (0円)',
  'per-visit': '1回の定額',
  '10': '1割',
  '20': '2割',
  '30': '3割',
  '100': '10割',
  'cap-reached': '今月の上限額に達した (0円)',
  deposit: '10割を預かり金として',
};
const withCap = (c: PayChoice) => c === '10' || c === '20' || c === '30';

/** A whole number of yen typed by a person (full-width digits and 「,」 allowed), or null. */
function yenOf(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[,\s円]/g, '');
  return /^\d{1,8}$/.test(t) ? Number(t) : null;
}

function paysOf(choice: PayChoice, perVisit: number | null, cap: number | null): PatientPays {
  const base: PatientPays = { percent: 0, perVisitYen: null, monthlyCapYen: null, capReached: false, deposit: false };
  switch (choice) {
    case 'none':
      return base;
    case 'per-visit':
      return { ...base, perVisitYen: perVisit };
    case 'cap-reached':
      return { ...base, capReached: true };
    case 'deposit':
      return { ...base, deposit: true };
    default:
      return { ...base, percent: Number(choice), monthlyCapYen: withCap(choice) ? cap : null };
  }
}

/** Keyed by the question (SessionView), so each patient starts with an empty form. */
export function AnswerForm({
  q,
  entry,
  busy,
  onAnswer,
}: {
  q: Question;
  /** the numbers typed for the number query (NumberEntryForm), when the question asked for them */
  entry: NumberEntry | null;
  busy: boolean;
  onAnswer: (a: TraineeAnswer) => void;
}) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [copay, setCopay] = useState<CopayPercent | null>(null);
  const [elderly, setElderly] = useState<boolean | null>(null);
  const [docs, setDocs] = useState<NeededDocument[]>([]);
  const [pay, setPay] = useState<PayChoice | null>(null);
  const [perVisit, setPerVisit] = useState('');
  const [cap, setCap] = useState('');
  const [programs, setPrograms] = useState<PublicExpenseProgram[]>([]);
  const [missing, setMissing] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const asksPays = q.items.includes('patientPays');
  const asksPrograms = q.items.includes('publicExpense');

  useEffect(() => first.current?.focus(), []);

  const submit = () => {
    const gaps = [
      verdict === null && '判定',
      copay === null && '窓口負担',
      elderly === null && '高齢受給者証',
      asksPays && pay === null && ANSWER_ITEM_JA.patientPays,
    ].filter(Boolean);
    if (gaps.length > 0 || verdict === null || copay === null || elderly === null) {
      setMissing(`${gaps.join('・')}を選んでください`);
      return;
    }
    const perVisitYen = yenOf(perVisit);
    if (asksPays && pay === 'per-visit' && perVisitYen === null) {
      setMissing('1回の定額を円で入力してください (例: 200)');
      return;
    }
    const capYen = cap.trim() === '' ? null : yenOf(cap);
    if (asksPays && pay !== null && withCap(pay) && cap.trim() !== '' && capYen === null) {
      setMissing('月額の上限額は円で入力してください (上限がなければ空欄)');
      return;
    }
    setMissing(null);
    onAnswer({
      verdict,
      copayPercent: copay,
      elderlyCardNeeded: elderly,
      documentsNeeded: docs,
      ...(asksPays && pay !== null ? { patientPays: paysOf(pay, perVisitYen, capYen) } : {}),
      ...(asksPrograms ? { publicExpense: programs } : {}),
      ...(entry ? { numberEntry: entry } : {}),
    });
  };

  return (
    <form
      className="panel answer-form"
      aria-label="回答"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 className="panel-title">あなたの判断</h2>
      {entry && (
        <p className="answer-entry" data-testid="answer-entry">
          照会した番号: {numberEntryText(entry)}
        </p>
      )}
      <fieldset className="choice-group">
        <legend>判定</legend>
        {VERDICTS.map((v, i) => (
          <label key={v} className={`choice verdict-text ${verdictTone(v)}`}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="verdict"
              value={v}
              checked={verdict === v}
              onChange={() => {
                setVerdict(v);
                if (v === 'self-pay') setCopay(100);
                else if (copay === 100) setCopay(null);
              }}
            />
            {VERDICT_LABELS[v].title}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>窓口負担 (保険の負担割合)</legend>
        {COPAY_PERCENTS.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name="copay" value={c} checked={copay === c} onChange={() => setCopay(c)} />
            {copayText(c)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>高齢受給者証の確認</legend>
        <label className="choice">
          <input type="radio" name="elderly" value="yes" checked={elderly === true} onChange={() => setElderly(true)} />
          必要
        </label>
        <label className="choice">
          <input
            type="radio"
            name="elderly"
            value="no"
            checked={elderly === false}
            onChange={() => setElderly(false)}
          />
          不要
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend>まだ必要な書類 (なければ選ばない)</legend>
        {NEEDED_DOCUMENTS.map((d) => (
          <label key={d} className="choice">
            <input
              type="checkbox"
              name="documents"
              value={d}
              checked={docs.includes(d)}
              onChange={(e) => setDocs(e.target.checked ? [...docs, d] : docs.filter((x) => x !== d))}
            />
            {NEEDED_LABELS[d]}
          </label>
        ))}
      </fieldset>
      {asksPrograms && (
        <fieldset className="choice-group" data-testid="answer-programs">
          <legend>{ANSWER_ITEM_JA.publicExpense} (なければ選ばない)</legend>
          {q.programs.map((p) => (
            <label key={p} className="choice">
              <input
                type="checkbox"
                name="programs"
                value={p}
                checked={programs.includes(p)}
                onChange={(e) => setPrograms(e.target.checked ? [...programs, p] : programs.filter((x) => x !== p))}
              />
              {PROGRAM_JA[p]}
            </label>
          ))}
        </fieldset>
      )}
      {asksPays && (
        <fieldset className="choice-group" data-testid="answer-pays">
          <legend>{ANSWER_ITEM_JA.patientPays} (公費のあと・本日の窓口で)</legend>
          {PAY_CHOICES.map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="pays" value={c} checked={pay === c} onChange={() => setPay(c)} />
              {PAY_JA[c]}
            </label>
          ))}
          {pay === 'per-visit' && (
            <label className="field pay-yen">
              <span className="field-label">1回の額 (円)</span>
              <input
                className="input input-num"
                name="perVisitYen"
                inputMode="numeric"
                autoComplete="off"
                value={perVisit}
                onChange={(e) => setPerVisit(e.target.value)}
              />
            </label>
          )}
          {pay !== null && withCap(pay) && (
            <label className="field pay-yen">
              <span className="field-label">月額の上限 (円・なければ空欄)</span>
              <input
                className="input input-num"
                name="monthlyCapYen"
                inputMode="numeric"
                autoComplete="off"
                value={cap}
                onChange={(e) => setCap(e.target.value)}
              />
            </label>
          )}
        </fieldset>
      )}
      {missing && (
        <p className="field-error" role="alert">
          {missing}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          回答する <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
