// The walk-in form (飛び込みの患者): what can be read from the patient and their documents — birth
// date and insurer (needed; なし for 生活保護 or the uninsured), name, kana, sex, 保険者番号・記号・
// 番号・枝番, 本人・家族 (a 家族's insured person's birth date), 資格取得日; folded away until needed,
// one programme's 受給者証・医療証 (公費・医療証) and 生活保護.
// Loaded apart from the desk's first screen (lazy-view.tsx), ahead of use. An IME's keys never accept it.
import { useEffect, useRef } from 'react';
import { INSURER_JA, PROGRAM_JA, SEX_JA } from '../../../shared/labels';
import {
  INSURERS,
  type Insurer,
  isNationalProgram,
  KOHI_PROGRAMS,
  type KohiProgram,
  type Sex,
  SEXES,
} from '../../../shared/enums';
import { isEmployeeInsurance } from '../../../shared/timeline';
import { DESK_KEYS } from '../labels';
import { useApp } from '../store';
import type { WalkInDraft, WalkInShare } from '../store/desk';
import { readWalkIn } from '../walk-in-read';

/** The IME is composing: its keys (its Enter confirms a conversion) are not ours. */
const composing = (e: React.KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

/** One labelled field of the walk-in form; Enter accepts the form (never the IME's Enter). */
function Field({
  id,
  label,
  field,
  placeholder,
  inputRef,
  onEnter,
}: {
  id: string;
  label: string;
  field: { [K in keyof WalkInDraft]: WalkInDraft[K] extends string ? K : never }[keyof WalkInDraft];
  placeholder?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  onEnter: () => void;
}) {
  const value = useApp((s) => s.walkInDraft[field]);
  const error = useApp((s) => s.walkInErrors[field]);
  const setDraft = useApp((s) => s.setWalkInDraft);
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <span className="walk-in-field">
        <input
          id={id}
          ref={inputRef}
          className="input"
          value={value}
          placeholder={placeholder}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDraft({ [field]: e.target.value })}
          onKeyDown={(e) => {
            if (composing(e)) return;
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              onEnter();
            }
          }}
        />
        {error && (
          <span id={`${id}-error`} className="field-error" role="alert">
            {error}
          </span>
        )}
      </span>
    </>
  );
}

/** A yes/no of the walk-in form, across both columns. */
function Check({
  id,
  label,
  field,
}: {
  id: string;
  label: string;
  field: 'kohiCarried' | 'designatedHere' | 'welfare' | 'ticketRegistered';
}) {
  const checked = useApp((s) => s.walkInDraft[field]);
  const setDraft = useApp((s) => s.setWalkInDraft);
  return (
    <label className="walk-in-check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => setDraft({ [field]: e.target.checked })} />
      {label}
    </label>
  );
}

const SHARE_JA: Record<WalkInShare, string> = { none: '負担なし', '10': '1割', '20': '2割', 'per-visit': '1回の定額' };

export function WalkInForm({ onChosen }: { onChosen: () => void }) {
  const open = useApp((s) => s.walkInOpen);
  const draft = useApp((s) => s.walkInDraft);
  const setDraft = useApp((s) => s.setWalkInDraft);
  const accept = useApp((s) => s.acceptWalkIn);
  const openWalkIn = useApp((s) => s.openWalkIn);
  const closeWalkIn = useApp((s) => s.closeWalkIn);
  const birthRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) birthRef.current?.focus();
  }, [open]);
  const visitDate = useApp((s) => s.visitDate);
  const submit = () => {
    if (accept(readWalkIn(draft, visitDate))) onChosen();
  };
  const insured = draft.insurer !== 'none';
  const dependent = draft.insurer !== 'none' && isEmployeeInsurance(draft.insurer) && draft.personalFamily === 2;
  const national = draft.program !== '' && isNationalProgram(draft.program);
  const set =
    <K extends keyof WalkInDraft>(k: K) =>
    (v: WalkInDraft[K]) =>
      setDraft({ [k]: v } as Partial<WalkInDraft>);
  return (
    <details
      className="walk-in"
      open={open}
      onToggle={(e) => {
        if (e.target !== e.currentTarget) return; // the folds inside (公費・医療証, 生活保護) are their own
        const nowOpen = e.currentTarget.open;
        if (nowOpen !== open) (nowOpen ? () => openWalkIn() : closeWalkIn)();
      }}
    >
      <summary aria-keyshortcuts={DESK_KEYS.walkIn.toUpperCase()}>
        登録のない患者 (飛び込み) を受け付ける <kbd aria-hidden="true">{DESK_KEYS.walkIn.toUpperCase()}</kbd>
      </summary>
      <div className="walk-in-body">
        <Field
          id="walkin-birth"
          label="生年月日 (和暦可)"
          field="birthDate"
          placeholder="例: 昭和56年5月10日"
          inputRef={birthRef}
          onEnter={submit}
        />
        <label className="field-label" htmlFor="walkin-insurer">
          加入している保険
        </label>
        <select
          id="walkin-insurer"
          className="input"
          value={draft.insurer}
          onChange={(e) => set('insurer')(e.target.value as Insurer | 'none')}
        >
          {INSURERS.map((i) => (
            <option key={i} value={i}>
              {INSURER_JA[i]}
            </option>
          ))}
          <option value="none">なし (生活保護・無保険)</option>
        </select>
        <Field id="walkin-name" label="氏名 (任意)" field="name" onEnter={submit} />
        <Field id="walkin-kana" label="フリガナ (任意)" field="kana" onEnter={submit} />
        <label className="field-label" htmlFor="walkin-sex">
          性別
        </label>
        <select id="walkin-sex" className="input" value={draft.sex} onChange={(e) => set('sex')(e.target.value as Sex)}>
          {SEXES.map((x) => (
            <option key={x} value={x}>
              {x === 'unspecified' ? '—' : SEX_JA[x]}
            </option>
          ))}
        </select>
        {insured && (
          <>
            <p className="walk-in-section">保険証・資格確認書などに書かれていること (わかる範囲で)</p>
            <Field
              id="walkin-insurer-number"
              label="保険者番号"
              field="insurerNumber"
              placeholder="6桁か8桁"
              onEnter={submit}
            />
            <Field id="walkin-symbol" label="記号" field="symbol" onEnter={submit} />
            <Field id="walkin-number" label="番号" field="number" onEnter={submit} />
            <Field id="walkin-branch" label="枝番" field="branch" onEnter={submit} />
            <label className="field-label" htmlFor="walkin-family">
              本人・家族
            </label>
            <select
              id="walkin-family"
              className="input"
              value={draft.personalFamily}
              onChange={(e) => set('personalFamily')(e.target.value === '2' ? 2 : 1)}
            >
              <option value="1">本人 (被保険者)</option>
              <option value="2">家族 (被扶養者)</option>
            </select>
            {dependent && (
              <Field
                id="walkin-holder-birth"
                label="被保険者の生年月日 (わかれば)"
                field="holderBirthDate"
                placeholder="75歳で家族の資格も終わります"
                onEnter={submit}
              />
            )}
            <Field id="walkin-acquired" label="資格取得年月日 (和暦可)" field="acquiredOn" onEnter={submit} />
          </>
        )}
        <details className="walk-in-more" open={draft.program !== '' || undefined}>
          <summary>公費・医療証 (受給者証) {draft.program !== '' && `: ${PROGRAM_JA[draft.program]}`}</summary>
          <div className="walk-in-body">
            <label className="field-label" htmlFor="walkin-program">
              制度
            </label>
            <select
              id="walkin-program"
              className="input"
              value={draft.program}
              onChange={(e) => set('program')(e.target.value as KohiProgram | '')}
            >
              <option value="">なし</option>
              {KOHI_PROGRAMS.map((k) => (
                <option key={k} value={k}>
                  {PROGRAM_JA[k]}
                </option>
              ))}
            </select>
            {draft.program !== '' && (
              <>
                <Field
                  id="walkin-payer"
                  label="公費負担者番号"
                  field="payerNumber"
                  placeholder="8桁"
                  onEnter={submit}
                />
                <Field
                  id="walkin-recipient"
                  label="受給者番号"
                  field="recipientNumber"
                  placeholder="7桁"
                  onEnter={submit}
                />
                <Field id="walkin-kohi-until" label="有効期限 (和暦可)" field="kohiValidUntil" onEnter={submit} />
                {national ? (
                  <>
                    <Field
                      id="walkin-cap"
                      label="月額の上限 (円)"
                      field="monthlyCapYen"
                      placeholder="なければ空欄"
                      onEnter={submit}
                    />
                    <Field
                      id="walkin-paid"
                      label="今月の支払済み (円)"
                      field="paidThisMonthYen"
                      placeholder="上限額管理票の累計"
                      onEnter={submit}
                    />
                    <Check id="walkin-designated" label="当院は受給者証に書かれた指定医療機関" field="designatedHere" />
                  </>
                ) : (
                  <>
                    <label className="field-label" htmlFor="walkin-share">
                      負担
                    </label>
                    <select
                      id="walkin-share"
                      className="input"
                      value={draft.share}
                      onChange={(e) => set('share')(e.target.value as WalkInShare)}
                    >
                      {(Object.keys(SHARE_JA) as WalkInShare[]).map((k) => (
                        <option key={k} value={k}>
                          {SHARE_JA[k]}
                        </option>
                      ))}
                    </select>
                    {draft.share === 'per-visit' && (
                      <Field id="walkin-per-visit" label="1回の負担額 (円)" field="perVisitYen" onEnter={submit} />
                    )}
                  </>
                )}
                <Check id="walkin-carried" label="受給者証・医療証を持っている" field="kohiCarried" />
              </>
            )}
          </div>
        </details>
        <details className="walk-in-more" open={draft.welfare || undefined}>
          <summary>生活保護 {draft.welfare && ': 受けている'}</summary>
          <div className="walk-in-body">
            <Check id="walkin-welfare" label="生活保護を受けている (医療扶助)" field="welfare" />
            {draft.welfare && (
              <>
                <Field id="walkin-welfare-from" label="開始日 (和暦可)" field="welfareFrom" onEnter={submit} />
                <Check id="walkin-ticket" label="今月の医療券が当院あてに登録済み" field="ticketRegistered" />
              </>
            )}
          </div>
        </details>
        <p className="walk-in-note muted small">
          個人番号 (マイナンバー) は入力しないでください。書類の有効期限は、書類のキーを押したときに入力します。
        </p>
        <button type="button" className="btn" onClick={submit}>
          この内容で受け付ける <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </details>
  );
}
