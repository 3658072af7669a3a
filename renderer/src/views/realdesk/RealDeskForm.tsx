// 受付ナビ's form: only what the receptionist sees and hears — the visit and the clinic today, the
// patient's age and insurance and answers, each thing handed over with what is printed on it, and
// what the terminal showed. Every field is a plain control; the letter and number keys of
// RealDeskView reach the common ones without the mouse.
import {
  CHANGE_ANSWERS,
  AGE_BANDS,
  LOCAL_SHARE_KINDS,
  type LocalShareKind,
  type FormDocument,
  type FormDocumentKind,
  QUERY_ANSWERS,
  type QueryAnswer,
  type RealDeskForm,
  CARD_SCREENS,
  type Whose,
} from '../../../../shared/real-desk/form';
import {
  CAUSES,
  COVERAGE_RATIOS,
  type CoverageRatio,
  DOCUMENT_KINDS,
  ELDERLY_RATIOS,
  type ElderlyRatio,
  INCIDENTS,
  INSURERS,
  type Insurer,
  KOHI_PROGRAMS,
  type KohiProgram,
  LIMIT_CATEGORIES,
  type LimitCategory,
  PORTAL_FORMS,
  type PortalForm,
  PREFECTURE_CODES,
  type PrefectureCode,
} from '../../../../shared/enums';
import { isNationalProgram } from '../../../../shared/kohi';
import {
  CAUSE_JA,
  copayWari,
  INCIDENT_JA,
  INSURER_JA,
  PORTAL_FORM_JA,
  PREFECTURE_JA,
  PROGRAM_JA,
} from '../../../../shared/labels';
import { formatDateJa, parseDate } from '../../../../shared/wareki';
import { DocumentIcon } from '../../illustrations/DocumentIcons';
import { DOCUMENTS } from '../../labels';
import { AGE_BAND_JA, CHANGE_JA, isFailure, QUERY_JA, REAL_DESK_KEYS, TERMINAL_LABELS } from './labels';

const Key = ({ k }: { k: string }) => <kbd aria-hidden="true">{k.toUpperCase()}</kbd>;

/** 「生活保護を受けていますか」 */
const WELFARE_JA = { unknown: '聞いていない', no: '受けていない', yes: '受けている' } as const;

const SHARE_JA: Record<LocalShareKind, string> = {
  none: '負担なし',
  percent: '割合 (%)',
  'per-visit': '1回あたりの額 (円)',
};

export interface FormProps {
  form: RealDeskForm;
  update(change: (f: RealDeskForm) => RealDeskForm): void;
  toggleDocument(kind: FormDocumentKind): void;
  chooseTerminal(t: RealDeskForm['terminal']): void;
  setChanged(c: RealDeskForm['changed']): void;
  /** reads a terminal's result file (the backend's reader) into the form */
  loadResultFile(file: File): void;
}

/** A typed date, read back in 和暦 under the field (or what is wrong with it). */
function DateShown({ text, id }: { text: string; id: string }) {
  if (text.trim() === '') return null;
  const r = parseDate(text, { documentField: true });
  return (
    <span id={id} className={r.ok ? 'date-shown small' : 'field-error small'}>
      {r.ok ? formatDateJa(r.value) : '日付として読めません'}
    </span>
  );
}

function DateField(props: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  shortcut?: string;
  onChange(v: string): void;
}) {
  return (
    <label className="rd-field">
      <span className="rd-label">
        {props.label}
        {props.shortcut && <Key k={props.shortcut} />}
      </span>
      <input
        id={props.id}
        className="input input-date"
        value={props.value}
        placeholder={props.placeholder ?? '例: R8.7.31'}
        aria-describedby={`${props.id}-shown`}
        aria-keyshortcuts={props.shortcut?.toUpperCase()}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <DateShown text={props.value} id={`${props.id}-shown`} />
    </label>
  );
}

function Select<T extends string | number>(props: {
  id: string;
  label: string;
  value: T | null;
  options: readonly T[];
  labelOf(v: T): string;
  /** the words for null (no choice), when null is allowed */
  none?: string;
  shortcut?: string;
  onChange(v: T | null): void;
}) {
  return (
    <label className="rd-field">
      <span className="rd-label">
        {props.label}
        {props.shortcut && <Key k={props.shortcut} />}
      </span>
      <select
        id={props.id}
        className="input"
        value={props.value === null ? '' : String(props.value)}
        aria-keyshortcuts={props.shortcut?.toUpperCase()}
        onChange={(e) => {
          const v = props.options.find((o) => String(o) === e.target.value);
          props.onChange(v ?? null);
        }}
      >
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {props.labelOf(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Check(props: { label: string; checked: boolean; shortcut?: string; onChange(v: boolean): void }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        aria-keyshortcuts={props.shortcut?.toUpperCase()}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
      {props.shortcut && <Key k={props.shortcut} />}
    </label>
  );
}

/** One choice among a few, as radio buttons in a row. */
function Radios<T extends string>(props: {
  name: string;
  label: string;
  value: T;
  options: readonly T[];
  labelOf(v: T): string;
  shortcut?: string;
  onChange(v: T): void;
}) {
  return (
    <div
      className="rd-radios"
      role="radiogroup"
      aria-label={props.label}
      aria-keyshortcuts={props.shortcut?.toUpperCase()}
    >
      <span className="rd-label" aria-hidden="true">
        {props.label}
        {props.shortcut && <Key k={props.shortcut} />}
      </span>
      {props.options.map((o) => (
        <label key={o} className="radio">
          <input type="radio" name={props.name} checked={props.value === o} onChange={() => props.onChange(o)} />
          {props.labelOf(o)}
        </label>
      ))}
    </div>
  );
}

export function VisitSection({ form, update }: Pick<FormProps, 'form' | 'update'>) {
  const clinic = form.clinic;
  const setClinic = (patch: Partial<RealDeskForm['clinic']>) =>
    update((f) => ({ ...f, clinic: { ...f.clinic, ...patch } }));
  return (
    <section className="panel rd-section" aria-labelledby="rd-visit-h">
      <h2 id="rd-visit-h" className="panel-title">
        受診と医療機関の状況
      </h2>
      <div className="rd-row">
        <DateField
          id="rd-visitDate"
          label="受診日"
          value={form.visitDate}
          shortcut={REAL_DESK_KEYS.date}
          onChange={(visitDate) => update((f) => ({ ...f, visitDate }))}
        />
        <Radios
          name="rd-visit-type"
          label="初診・再診"
          value={form.visitType}
          options={['first', 'return'] as const}
          labelOf={(v) => (v === 'first' ? '初診' : '再診')}
          shortcut={REAL_DESK_KEYS.visitType}
          onChange={(visitType) => update((f) => ({ ...f, visitType }))}
        />
      </div>
      <div className={clinic.incident === 'none' ? 'rd-row' : 'rd-row rd-alert'}>
        <Check
          label="オンライン資格確認あり"
          checked={clinic.onlineCheck}
          onChange={(onlineCheck) => setClinic({ onlineCheck })}
        />
        <Check
          label="スマホ用の汎用カードリーダーあり"
          checked={clinic.phoneReader}
          onChange={(phoneReader) => setClinic({ phoneReader })}
        />
        <Radios
          name="rd-incident"
          label="本日の障害"
          value={clinic.incident}
          options={INCIDENTS}
          labelOf={(v) => INCIDENT_JA[v]}
          shortcut={REAL_DESK_KEYS.incident}
          onChange={(incident) => setClinic({ incident })}
        />
      </div>
    </section>
  );
}

export function PatientSection({ form, update, setChanged }: Pick<FormProps, 'form' | 'update' | 'setChanged'>) {
  return (
    <section className="panel rd-section" aria-labelledby="rd-patient-h">
      <h2 id="rd-patient-h" className="panel-title">
        患者さん <span className="muted small">(氏名・記号番号は入力しません)</span>
      </h2>
      <div className="rd-row">
        <DateField
          id="rd-birthDate"
          label="生年月日"
          value={form.birthDate}
          placeholder="例: S56.5.10"
          shortcut={REAL_DESK_KEYS.birth}
          onChange={(birthDate) => update((f) => ({ ...f, birthDate }))}
        />
        <Select
          id="rd-ageBand"
          label="年齢区分"
          value={form.ageBand}
          options={AGE_BANDS}
          labelOf={(v) => AGE_BAND_JA[v]}
          shortcut={REAL_DESK_KEYS.ageBand}
          onChange={(v) => v && update((f) => ({ ...f, ageBand: v }))}
        />
      </div>
      {form.birthDate.trim() === '' && (
        <p className="muted small rd-hint">
          生年月日が空欄のときは年齢区分で判定します。70歳・75歳の誕生日の前後は生年月日を入力してください。
        </p>
      )}
      <div className="rd-row">
        <Select<Insurer>
          id="rd-insurer"
          label="保険の種類"
          value={form.insurer}
          options={INSURERS}
          labelOf={(v) => INSURER_JA[v]}
          shortcut={REAL_DESK_KEYS.insurer}
          onChange={(v) => v && update((f) => ({ ...f, insurer: v }))}
        />
        <Radios
          name="rd-changed"
          label="保険の変更"
          value={form.changed}
          options={CHANGE_ANSWERS}
          labelOf={(v) => CHANGE_JA[v]}
          shortcut={REAL_DESK_KEYS.changed}
          onChange={setChanged}
        />
        {form.changed === 'yes' && (
          <Select<Insurer>
            id="rd-previousInsurer"
            label="前の保険"
            value={form.previousInsurer}
            options={INSURERS}
            labelOf={(v) => INSURER_JA[v]}
            onChange={(v) => v && update((f) => ({ ...f, previousInsurer: v }))}
          />
        )}
      </div>
      <div className="rd-row">
        <Radios
          name="rd-cause"
          label="お仕事中・通勤中のけが"
          value={form.cause}
          options={CAUSES}
          labelOf={(v) => CAUSE_JA[v]}
          onChange={(cause) => update((f) => ({ ...f, cause }))}
        />
      </div>
      <div className="rd-row">
        <Radios
          name="rd-welfare"
          label="生活保護"
          value={form.onWelfare === null ? 'unknown' : form.onWelfare ? 'yes' : 'no'}
          options={['unknown', 'no', 'yes'] as const}
          labelOf={(v) => WELFARE_JA[v]}
          onChange={(v) => update((f) => ({ ...f, onWelfare: v === 'unknown' ? null : v === 'yes' }))}
        />
        <Check
          label="限度額の適用が必要 (入院・高額な診療)"
          checked={form.needsLimit}
          shortcut={REAL_DESK_KEYS.limit}
          onChange={(needsLimit) => update((f) => ({ ...f, needsLimit }))}
        />
      </div>
    </section>
  );
}

export function DocumentsSection(props: FormProps) {
  const { form, toggleDocument } = props;
  const on = new Set(form.documents.map((d) => d.kind));
  return (
    <section className="panel rd-section" aria-labelledby="rd-docs-h">
      <h2 id="rd-docs-h" className="panel-title">
        患者が出したもの <span className="muted small">(数字キーで選択)</span>
      </h2>
      <div className="doc-grid rd-doc-grid" role="group" aria-label="提示された書類">
        {DOCUMENT_KINDS.map((kind) => {
          const d = DOCUMENTS[kind];
          return (
            <button
              key={kind}
              type="button"
              className={`doc${on.has(kind) ? ' on' : ''}`}
              aria-pressed={on.has(kind)}
              aria-keyshortcuts={d.key || undefined}
              data-kind={kind}
              onClick={() => toggleDocument(kind)}
            >
              {d.key !== '' && (
                <kbd className="doc-key" aria-hidden="true">
                  {d.key}
                </kbd>
              )}
              <DocumentIcon kind={kind} />
              <span className="doc-name">{d.name}</span>
              <span className="doc-check" aria-hidden="true">
                {on.has(kind) ? '✓ 提示' : ''}
              </span>
            </button>
          );
        })}
      </div>
      <TerminalPanel {...props} />
      {DOCUMENT_KINDS.map((kind) => {
        const doc = form.documents.find((d) => d.kind === kind);
        return doc ? <DocumentDetails key={kind} doc={doc} {...props} /> : null;
      })}
    </section>
  );
}

/** What a loaded result file says, in one line. */
function fileSummary(answer: NonNullable<RealDeskForm['resultFile']>['answer']): string {
  const what =
    answer.route === 'card'
      ? `マイナ保険証: ${answer.cardResult ? TERMINAL_LABELS[answer.cardResult].ja : '—'}`
      : `番号での照会: ${answer.numberResult ? QUERY_JA[answer.numberResult] : '—'}`;
  const shown = answer.coverages
    .map((c) => INSURER_JA[c.insurer] + (c.ratio === null ? '' : ` ${copayWari(c.ratio)}`))
    .join('、');
  return shown === '' ? what : `${what} (${shown})`;
}

/** A result file the terminal wrote: a file dialog (or a drop anywhere on the view), what it said, 外す. */
function ResultFileBox({ form, update, loadResultFile }: FormProps) {
  const file = form.resultFile;
  return (
    <div id="rd-resultFile" className="rd-file" tabIndex={-1} data-testid="result-file">
      {file ? (
        <>
          <span>
            結果ファイル <strong>{file.name}</strong>: {fileSummary(file.answer)}
          </span>
          <button type="button" className="btn btn-small" onClick={() => update((f) => ({ ...f, resultFile: null }))}>
            外す
          </button>
        </>
      ) : (
        <>
          <label className="btn btn-small">
            端末の結果ファイル (XML) を読み込む <Key k={REAL_DESK_KEYS.resultFile} />
            <input
              id="rd-resultFile-input"
              type="file"
              accept=".xml,text/xml,application/xml"
              className="visually-hidden"
              aria-keyshortcuts={REAL_DESK_KEYS.resultFile.toUpperCase()}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) loadResultFile(f);
              }}
            />
          </label>
          <span className="muted small">ファイルをこの画面にドロップしても読み込めます</span>
        </>
      )}
    </div>
  );
}

/** What the face-recognition terminal showed for the マイナ保険証 (card or smartphone). */
function TerminalPanel(props: FormProps) {
  const { form, update, chooseTerminal } = props;
  const hasDevice = form.documents.some((d) => d.kind === 'myna-card' || d.kind === 'myna-smartphone');
  const online = form.clinic.onlineCheck;
  const answer = (t: (typeof CARD_SCREENS)[number]) => {
    const l = TERMINAL_LABELS[t];
    return (
      <label key={t} className={`rd-choice${form.terminal === t ? ' on' : ''}`}>
        <input type="radio" name="rd-terminal" checked={form.terminal === t} onChange={() => chooseTerminal(t)} />
        {l.ja}
        {l.key && <Key k={l.key} />}
      </label>
    );
  };
  return (
    <fieldset
      id="rd-terminal"
      className={`rd-terminal${hasDevice ? ' active' : ''}`}
      disabled={!online}
      data-testid="terminal"
    >
      <legend className="rd-terminal-legend">
        資格確認端末の表示 (マイナ保険証){!online && ' — オンライン資格確認なし'}
      </legend>
      <ResultFileBox {...props} />
      <div className="rd-choices" role="radiogroup" aria-label="端末の表示">
        {CARD_SCREENS.filter((t) => !isFailure(t)).map(answer)}
      </div>
      <div className="rd-choices" role="radiogroup" aria-label="読み取れない・照会できない理由">
        <span className="rd-label">読み取れない:</span>
        {CARD_SCREENS.filter(isFailure).map(answer)}
      </div>
      {(form.terminal === 'valid' || form.terminal === 'multiple') && (
        <div className="rd-row">
          <Select<CoverageRatio>
            id="rd-ratio"
            label="表示された負担割合"
            value={form.ratio}
            options={COVERAGE_RATIOS}
            labelOf={copayWari}
            none="表示なし・見ていない"
            onChange={(ratio) => update((f) => ({ ...f, ratio }))}
          />
          <Select<LimitCategory>
            id="rd-limitCategory"
            label="限度額区分"
            value={form.limitCategory}
            options={LIMIT_CATEGORIES}
            labelOf={(v) => v}
            none="表示なし"
            onChange={(limitCategory) => update((f) => ({ ...f, limitCategory }))}
          />
        </div>
      )}
    </fieldset>
  );
}

function DocumentDetails({ doc, form, update }: FormProps & { doc: FormDocument }) {
  const at = `rd-documents.${doc.kind}`;
  const set = (patch: Partial<FormDocument>) =>
    update((f) => ({
      ...f,
      documents: f.documents.map((d) => (d.kind === doc.kind ? ({ ...d, ...patch } as FormDocument) : d)),
    }));
  const canQuery = form.clinic.onlineCheck && form.clinic.incident !== 'network-outage';
  const whose =
    'of' in doc && form.changed === 'yes' ? (
      <Radios<Whose>
        name={`${at}.of`}
        label="どちらの保険"
        value={doc.of}
        options={['current', 'previous'] as const}
        labelOf={(v) =>
          v === 'current'
            ? `いまの保険 (${INSURER_JA[form.insurer]})`
            : `前の保険 (${INSURER_JA[form.previousInsurer]})`
        }
        onChange={(of) => set({ of })}
      />
    ) : null;
  const query =
    'query' in doc ? (
      <Select<QueryAnswer>
        id={`${at}.query`}
        label="番号での照会の結果"
        value={doc.query}
        options={canQuery ? QUERY_ANSWERS : (['none'] as const)}
        labelOf={(v) => QUERY_JA[v]}
        onChange={(q) => set({ query: q ?? 'none' })}
      />
    ) : null;
  let fields: React.ReactNode = null;
  switch (doc.kind) {
    case 'kakunin-sho':
      fields = (
        <>
          <DateField
            id={`${at}.issuedOn`}
            label="交付日"
            value={doc.issuedOn}
            onChange={(issuedOn) => set({ issuedOn })}
          />
          <DateField
            id={`${at}.validUntil`}
            label="有効期限"
            value={doc.validUntil}
            onChange={(validUntil) => set({ validUntil })}
          />
          <Check label="負担割合の記載あり" checked={doc.showsRatio} onChange={(showsRatio) => set({ showsRatio })} />
          <Check label="限度区分の記載あり" checked={doc.showsLimit} onChange={(showsLimit) => set({ showsLimit })} />
        </>
      );
      break;
    case 'legacy-card':
      fields = (
        <DateField
          id={`${at}.printedExpiry`}
          label="有効期限 (印字があれば)"
          value={doc.printedExpiry}
          placeholder="印字なしなら空欄"
          onChange={(printedExpiry) => set({ printedExpiry })}
        />
      );
      break;
    case 'mynaportal':
      fields = (
        <>
          <Select<PortalForm>
            id={`${at}.form`}
            label="見せ方"
            value={doc.form}
            options={PORTAL_FORMS}
            labelOf={(v) => PORTAL_FORM_JA[v]}
            onChange={(v) => v && set({ form: v })}
          />
          <Check
            label="いまの保険が表示されている"
            checked={doc.showsInsurance}
            onChange={(showsInsurance) => set({ showsInsurance })}
          />
        </>
      );
      break;
    case 'elderly-card':
      fields = (
        <>
          <Select<ElderlyRatio>
            id={`${at}.ratio`}
            label="負担割合"
            value={doc.ratio}
            options={ELDERLY_RATIOS}
            labelOf={copayWari}
            onChange={(v) => v && set({ ratio: v })}
          />
          <DateField
            id={`${at}.validUntil`}
            label="有効期限"
            value={doc.validUntil}
            placeholder="空欄: 期限内"
            onChange={(validUntil) => set({ validUntil })}
          />
        </>
      );
      break;
    case 'limit-cert':
      fields = (
        <>
          <Select<LimitCategory>
            id={`${at}.category`}
            label="区分"
            value={doc.category}
            options={LIMIT_CATEGORIES}
            labelOf={(v) => v}
            onChange={(v) => v && set({ category: v })}
          />
          <DateField
            id={`${at}.validUntil`}
            label="有効期限"
            value={doc.validUntil}
            placeholder="空欄: 期限内"
            onChange={(validUntil) => set({ validUntil })}
          />
        </>
      );
      break;
    case 'kohi-cert': {
      const national = isNationalProgram(doc.program);
      fields = (
        <>
          <Select<KohiProgram>
            id={`${at}.program`}
            label="公費の種類"
            value={doc.program}
            options={KOHI_PROGRAMS}
            labelOf={(v) => PROGRAM_JA[v]}
            onChange={(v) => v && set({ program: v })}
          />
          {national ? (
            <Check
              label="当院が指定医療機関として記載されている"
              checked={doc.designatedHere}
              onChange={(designatedHere) => set({ designatedHere })}
            />
          ) : (
            <>
              <Select<PrefectureCode>
                id={`${at}.prefecture`}
                label="交付した都道府県"
                value={doc.prefecture}
                options={PREFECTURE_CODES}
                labelOf={(v) => PREFECTURE_JA[v]}
                none="選んでください"
                onChange={(prefecture) => set({ prefecture })}
              />
              <Select<LocalShareKind>
                id={`${at}.share`}
                label="医療証の負担"
                value={doc.share}
                options={LOCAL_SHARE_KINDS}
                labelOf={(v) => SHARE_JA[v]}
                onChange={(v) => v && set({ share: v })}
              />
              {doc.share !== 'none' && (
                <label className="rd-field">
                  <span className="rd-label">{doc.share === 'percent' ? '割合 (%)' : '金額 (円)'}</span>
                  <input
                    id={`${at}.shareAmount`}
                    className="input input-short"
                    inputMode="numeric"
                    value={doc.shareAmount}
                    onChange={(e) => set({ shareAmount: e.target.value })}
                  />
                </label>
              )}
            </>
          )}
          <DateField
            id={`${at}.validUntil`}
            label="有効期限"
            value={doc.validUntil}
            placeholder="空欄: 期限内"
            onChange={(validUntil) => set({ validUntil })}
          />
        </>
      );
      break;
    }
    case 'medical-ticket':
      fields = (
        <>
          <label className="rd-field">
            <span className="rd-label">何月分</span>
            <input
              id={`${at}.month`}
              className="input input-short"
              placeholder="例: R8.5"
              value={doc.month}
              onChange={(e) => set({ month: e.target.value })}
            />
          </label>
          <Check
            label="当院あての医療券"
            checked={doc.forThisClinic}
            onChange={(forThisClinic) => set({ forThisClinic })}
          />
        </>
      );
      break;
    default:
      break;
  }
  if (fields === null && whose === null && query === null) return null;
  return (
    <fieldset className="rd-doc" data-kind={doc.kind}>
      <legend className="rd-doc-legend">
        <DocumentIcon kind={doc.kind} /> {DOCUMENTS[doc.kind].name} に書かれていること
      </legend>
      {whose}
      <div className="rd-row">
        {fields}
        {query}
      </div>
    </fieldset>
  );
}
