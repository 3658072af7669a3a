// The authoring form: one scenario in the pack form, edited field by field (or as JSON), checked
// live with the very validation an import uses (parseScenario) and decided live by the engine, so
// the trainer sees the problems and the answer while writing. Saving goes through the backend,
// which validates again; nothing is stored while a problem remains.
import { useId, useMemo, useState } from 'react';
import { decideScenario, compareExpected } from '../../../../shared/engine';
import {
  CERT_GRACE_BASES,
  COVERAGE_RATIOS,
  DOCUMENT_KINDS,
  type DocumentKind,
  ELDERLY_CARD_HANDLINGS,
  ELDERLY_RATIOS,
  INCIDENTS,
  INSURERS,
  LIMIT_CATEGORIES,
  PHONE_OS,
  POLICY_KEYS,
  PORTAL_FORMS,
  PORTAL_SCREENSHOT_OPTIONS,
  VISIT_TYPES,
} from '../../../../shared/enums';
import { formatPath, type ScenarioIssue } from '../../../../shared/issues';
import {
  CERT_GRACE_BASIS_JA,
  copayWari,
  ELDERLY_CARD_JA,
  INCIDENT_JA,
  INSURER_JA,
  PHONE_OS_JA,
  POLICY_INFO,
  PORTAL_FORM_JA,
  PORTAL_SCREENSHOT_JA,
  VISIT_TYPE_JA,
} from '../../../../shared/labels';
import { parseScenario } from '../../../../shared/scenario';
import { correctAnswer } from '../../../../shared/trainer/grade';
import { DOCUMENTS, VERDICT_LABELS } from '../../labels';
import { useApp } from '../../store';
import { copayText, neededText } from './format';
import { RuleList } from '../../components/RuleList';

type Json = Record<string, unknown>;
type Path = (string | number)[];

function getIn(o: unknown, path: Path): unknown {
  let cur: unknown = o;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function setIn(o: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(o)) {
    const copy = [...o];
    copy[k as number] = setIn(copy[k as number], rest, value);
    return copy;
  }
  const obj = { ...((o ?? {}) as Json) };
  const next = setIn(obj[k as string], rest, value);
  if (next === undefined) delete obj[k as string];
  else obj[k as string] = next;
  return obj;
}

export function newScenarioTemplate(today: string): Json {
  return {
    id: 'new-scenario',
    title: '新しい例題',
    story: '',
    visitDate: today,
    clinic: { onlineCheck: true },
    patient: {
      birthDate: '1985-04-01',
      coverages: [{ id: 'c1', insurer: 'kyokai', acquiredOn: '2015-04-01' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-04-01' },
    },
    presented: [{ kind: 'myna-card' }],
  };
}

const DOC_FIELDS: Record<DocumentKind, Json> = {
  'myna-card': {},
  'myna-smartphone': { os: 'iphone' },
  'legacy-card': {},
  'kakunin-sho': { issuedOn: '2025-08-01', validUntil: '2030-07-31' },
  oshirase: {},
  mynaportal: { form: 'screen' },
  'elderly-card': { ratio: 20 },
  'limit-cert': { category: 'ウ' },
  declaration: {},
  'kohi-cert': {},
  'medical-ticket': {},
  'rousai-form': {},
};

interface Ctx {
  draft: Json;
  set: (path: Path, value: unknown) => void;
  issueAt: (path: Path) => ScenarioIssue | undefined;
}

function FieldError({ id, issue }: { id: string; issue: ScenarioIssue | undefined }) {
  if (!issue) return null;
  return (
    <span id={id} className="field-error">
      {issue.ja}
    </span>
  );
}

function Text({
  c,
  path,
  label,
  hint,
  wide,
  area,
}: {
  c: Ctx;
  path: Path;
  label: string;
  hint?: string;
  wide?: boolean;
  area?: boolean;
}) {
  const id = useId();
  const v = getIn(c.draft, path);
  const issue = c.issueAt(path);
  const props = {
    id,
    className: area ? 'input te-area' : 'input',
    value: v === undefined || v === null ? '' : String(v),
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': issue ? `${id}-e` : undefined,
    placeholder: hint,
  };
  const onChange = (s: string) => c.set(path, s === '' ? undefined : s);
  return (
    <div className={wide ? 'field te-wide' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {area ? (
        <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={`${id}-e`} issue={issue} />
    </div>
  );
}

function Choice({ c, path, label, options }: { c: Ctx; path: Path; label: string; options: [string, string][] }) {
  const id = useId();
  const v = getIn(c.draft, path);
  const issue = c.issueAt(path);
  const current = v === undefined ? '' : JSON.stringify(v);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={current}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-e` : undefined}
        onChange={(e) => c.set(path, e.target.value === '' ? undefined : JSON.parse(e.target.value))}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-e`} issue={issue} />
    </div>
  );
}

const j = (v: unknown) => JSON.stringify(v);
/** The options of an enumeration: its values (as JSON) with their words. */
const choices = <T,>(values: readonly T[], words: (v: T) => string): [string, string][] =>
  values.map((v) => [j(v), words(v)]);
const YES_NO_DEFAULT = (def: string): [string, string][] => [
  ['', `既定 (${def})`],
  [j(true), 'はい'],
  [j(false), 'いいえ'],
];

function Check({ c, path, label, def }: { c: Ctx; path: Path; label: string; def: boolean }) {
  const v = getIn(c.draft, path);
  return (
    <label className="ta-choice">
      <input
        type="checkbox"
        checked={v === undefined ? def : v === true}
        onChange={(e) => c.set(path, e.target.checked)}
      />
      {label}
    </label>
  );
}

function Coverages({ c }: { c: Ctx }) {
  const list = (getIn(c.draft, ['patient', 'coverages']) as Json[] | undefined) ?? [];
  return (
    <fieldset className="te-group">
      <legend>保険 (本当の加入状況。古い順)</legend>
      {list.length === 0 && <p className="muted">保険なし (無保険)</p>}
      {list.map((_, i) => {
        const p = ['patient', 'coverages', i];
        return (
          <div key={i} className="te-item">
            <div className="te-item-head">
              <strong>保険 {i + 1}</strong>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  c.set(
                    ['patient', 'coverages'],
                    list.filter((_x, k) => k !== i),
                  )
                }
              >
                この保険を削除
              </button>
            </div>
            <div className="te-row">
              <Text c={c} path={[...p, 'id']} label="id" hint={`c${i + 1}`} />
              <Choice
                c={c}
                path={[...p, 'insurer']}
                label="保険者の種類"
                options={INSURERS.map((x) => [j(x), INSURER_JA[x]])}
              />
              <Text c={c} path={[...p, 'insurerNumber']} label="保険者番号" hint="8桁 (国保は6桁)" />
              <Text c={c} path={[...p, 'symbol']} label="記号" />
              <Text c={c} path={[...p, 'number']} label="番号" />
              <Text c={c} path={[...p, 'branch']} label="枝番" />
            </div>
            <div className="te-row">
              <Text c={c} path={[...p, 'acquiredOn']} label="資格取得日" hint="例: R7.4.1" />
              <Text c={c} path={[...p, 'lostOn']} label="資格喪失日 (任意)" />
              <Text c={c} path={[...p, 'registeredOn']} label="オン資への登録日 (任意)" />
              <Text c={c} path={[...p, 'filedOn']} label="資格取得届の提出日 (任意)" />
            </div>
            <div className="te-row">
              <Choice
                c={c}
                path={[...p, 'myNumberOnForm']}
                label="届にマイナンバー記載"
                options={YES_NO_DEFAULT('はい')}
              />
              <Choice
                c={c}
                path={[...p, 'ratio']}
                label="負担割合"
                options={[
                  ['', '既定'],
                  ...choices(COVERAGE_RATIOS, (r) => (r === 10 ? `${copayWari(r)} (後期のみ)` : copayWari(r))),
                ]}
              />
              <Choice
                c={c}
                path={[...p, 'elderlyCard']}
                label="高齢受給者証"
                options={[['', '既定 (保険者による)'], ...choices(ELDERLY_CARD_HANDLINGS, (h) => ELDERLY_CARD_JA[h])]}
              />
              <Choice
                c={c}
                path={[...p, 'limitCategory']}
                label="限度額区分"
                options={[['', 'なし'], ...choices(LIMIT_CATEGORIES, (x) => x)]}
              />
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          c.set(
            ['patient', 'coverages'],
            [...list, { id: `c${list.length + 1}`, insurer: 'kyokai', acquiredOn: '2025-04-01' }],
          )
        }
      >
        保険を追加
      </button>
    </fieldset>
  );
}

function Documents({ c }: { c: Ctx }) {
  const list = (getIn(c.draft, ['presented']) as Json[] | undefined) ?? [];
  const covIds = ((getIn(c.draft, ['patient', 'coverages']) as Json[] | undefined) ?? []).map((x, i) =>
    String(x.id ?? `c${i + 1}`),
  );
  const [adding, setAdding] = useState<DocumentKind>('myna-card');
  const covOptions: [string, string][] = [
    ['', '既定 (受診日の保険)'],
    ...covIds.map((id): [string, string] => [j(id), id]),
  ];
  return (
    <fieldset className="te-group">
      <legend>出したもの</legend>
      {list.length === 0 && <p className="muted">何も出さない</p>}
      {list.map((d, i) => {
        const p = ['presented', i];
        const kind = d.kind as DocumentKind;
        const known = (DOCUMENT_KINDS as readonly string[]).includes(kind);
        return (
          <div key={i} className="te-item">
            <div className="te-item-head">
              <strong>{known ? DOCUMENTS[kind].name : `不明な書類 (${String(d.kind)})`}</strong>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  c.set(
                    ['presented'],
                    list.filter((_x, k) => k !== i),
                  )
                }
              >
                取り除く
              </button>
            </div>
            <FieldError id={`doc-${i}`} issue={c.issueAt([...p, 'kind'])} />
            <div className="te-row">
              {(kind === 'legacy-card' || kind === 'kakunin-sho' || kind === 'oshirase') && (
                <Choice c={c} path={[...p, 'coverage']} label="どの保険の書類か" options={covOptions} />
              )}
              {kind === 'legacy-card' && (
                <Text c={c} path={[...p, 'printedExpiry']} label="印字の有効期限 (国保は必須)" />
              )}
              {kind === 'kakunin-sho' && (
                <>
                  <Text c={c} path={[...p, 'issuedOn']} label="交付日" />
                  <Text c={c} path={[...p, 'validFrom']} label="有効開始日 (任意)" />
                  <Text c={c} path={[...p, 'validUntil']} label="有効期限" />
                  <Check c={c} path={[...p, 'showsRatio']} label="負担割合を印字" def={false} />
                  <Check c={c} path={[...p, 'showsLimit']} label="限度区分を印字" def={false} />
                </>
              )}
              {kind === 'myna-smartphone' && (
                <Choice
                  c={c}
                  path={[...p, 'os']}
                  label="機種"
                  options={[['', '指定なし'], ...choices(PHONE_OS, (os) => PHONE_OS_JA[os])]}
                />
              )}
              {kind === 'mynaportal' && (
                <Choice
                  c={c}
                  path={[...p, 'form']}
                  label="見せ方"
                  options={choices(PORTAL_FORMS, (f) => PORTAL_FORM_JA[f])}
                />
              )}
              {kind === 'elderly-card' && (
                <>
                  <Choice c={c} path={[...p, 'ratio']} label="負担割合" options={choices(ELDERLY_RATIOS, copayWari)} />
                  <Text c={c} path={[...p, 'validUntil']} label="有効期限" />
                </>
              )}
              {kind === 'limit-cert' && (
                <>
                  <Choice
                    c={c}
                    path={[...p, 'category']}
                    label="適用区分"
                    options={LIMIT_CATEGORIES.map((x): [string, string] => [j(x), x])}
                  />
                  <Text c={c} path={[...p, 'validUntil']} label="有効期限" />
                </>
              )}
            </div>
          </div>
        );
      })}
      <div className="te-add">
        <select
          className="input"
          aria-label="追加する書類"
          value={adding}
          onChange={(e) => setAdding(e.target.value as DocumentKind)}
        >
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENTS[k].name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => c.set(['presented'], [...list, { kind: adding, ...DOC_FIELDS[adding] }])}
        >
          書類を追加
        </button>
      </div>
    </fieldset>
  );
}

function PolicyFields({ c }: { c: Ctx }) {
  return (
    <details className="te-group">
      <summary>この例題だけの方針 (任意)</summary>
      <div className="te-row">
        {POLICY_KEYS.map((k) => {
          const path = ['policy', k];
          const info = POLICY_INFO[k];
          if (k === 'interimEnd') return <Text key={k} c={c} path={path} label={info.ja} hint="既定 2026-07-31" />;
          if (k === 'lagWithMyNumber' || k === 'lagWithoutMyNumber') {
            return (
              <Choice
                key={k}
                c={c}
                path={path}
                label={info.ja}
                options={[
                  ['', '既定'],
                  ...Array.from({ length: k === 'lagWithMyNumber' ? 4 : 31 }, (_x, i): [string, string] => {
                    const n = k === 'lagWithMyNumber' ? i + 2 : i;
                    return [j(n), `${n} 営業日`];
                  }),
                ]}
              />
            );
          }
          if (k === 'certGraceBasis') {
            return (
              <Choice
                key={k}
                c={c}
                path={path}
                label={info.ja}
                options={[['', '既定'], ...choices(CERT_GRACE_BASES, (b) => CERT_GRACE_BASIS_JA[b])]}
              />
            );
          }
          if (k === 'portalScreenshot') {
            return (
              <Choice
                key={k}
                c={c}
                path={path}
                label={info.ja}
                options={[['', '既定'], ...choices(PORTAL_SCREENSHOT_OPTIONS, (o) => PORTAL_SCREENSHOT_JA[o])]}
              />
            );
          }
          return <Choice key={k} c={c} path={path} label={info.ja} options={YES_NO_DEFAULT('既定値')} />;
        })}
      </div>
    </details>
  );
}

export function ScenarioEditor({
  packId,
  replaces,
  initial,
  onClose,
}: {
  packId: number;
  replaces: string | null;
  initial: Json;
  onClose: () => void;
}) {
  const save = useApp((s) => s.saveScenario);
  const notify = useApp((s) => s.notify);
  const [draft, setDraft] = useState<Json>(initial);
  const [serverIssues, setServerIssues] = useState<ScenarioIssue[]>([]);
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const check = useMemo(() => {
    const r = parseScenario(draft, { inPack: true });
    if (!r.ok)
      return { issues: r.issues.map((i) => ({ ...i, scenarioId: null })), decision: null, mismatches: [] as string[] };
    const decision = decideScenario(r.scenario);
    const mismatches = r.scenario.expected ? compareExpected(r.scenario.expected, decision).map((m) => m.field) : [];
    return { issues: [] as ScenarioIssue[], decision, mismatches };
  }, [draft]);
  const issues = serverIssues.length > 0 ? serverIssues : check.issues;
  const c: Ctx = {
    draft,
    set: (path, value) => {
      setServerIssues([]);
      setDraft((d) => setIn(d, path, value) as Json);
    },
    issueAt: (path) => issues.find((i) => i.path === formatPath(path)),
  };

  const submit = async () => {
    setSaving(true);
    const out = await save(packId, draft, replaces ?? undefined);
    setSaving(false);
    if (!out) return;
    if (out.row) {
      notify(`例題「${out.row.title ?? out.row.scenarioId}」を保存しました`);
      onClose();
    } else setServerIssues(out.issues);
  };

  const d = check.decision;
  return (
    <section className="panel te" aria-labelledby="te-h" data-testid="scenario-editor">
      <div className="te-head">
        <h2 id="te-h" className="panel-title">
          {replaces ? `例題を編集: ${replaces}` : '新しい例題'}
        </h2>
        <div className="te-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={saving || issues.length > 0}
            onClick={() => void submit()}
          >
            保存する
          </button>
          <button type="button" className="btn" onClick={onClose}>
            やめる
          </button>
        </div>
      </div>
      <div
        className={issues.length ? 'te-issues te-bad' : 'te-issues te-good'}
        role="status"
        aria-live="polite"
        data-testid="editor-status"
      >
        {issues.length === 0 ? (
          '入力に問題はありません。'
        ) : (
          <>
            <p>保存する前に次の {issues.length} 件を直してください。</p>
            <ul>
              {issues.map((i, k) => (
                <li key={k}>
                  <code>{i.path}</code>: {i.ja}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <fieldset className="te-group">
        <legend>例題</legend>
        <div className="te-row">
          <Text c={c} path={['id']} label="id (半角英小文字・数字・ハイフン)" />
          <Text c={c} path={['title']} label="題名 (研修生には答え合わせのときに表示)" wide />
        </div>
        <Text c={c} path={['story']} label="窓口でのできごと (研修生に表示)" area wide />
        <div className="te-row">
          <Text c={c} path={['visitDate']} label="受診日" hint="例: 令和8年1月15日" />
          <Choice
            c={c}
            path={['visitType']}
            label="初診・再診"
            options={[['', `${VISIT_TYPE_JA.first} (既定)`], ...choices(VISIT_TYPES, (t) => VISIT_TYPE_JA[t])]}
          />
          <Check c={c} path={['needsLimit']} label="限度額の適用が必要" def={false} />
          <Check c={c} path={['limitConsent']} label="限度額情報の提供に同意" def={true} />
        </div>
      </fieldset>

      <fieldset className="te-group">
        <legend>医療機関</legend>
        <div className="te-row">
          <Check c={c} path={['clinic', 'onlineCheck']} label="オンライン資格確認あり" def={false} />
          <Check c={c} path={['clinic', 'phoneReader']} label="スマホ用の汎用カードリーダーあり" def={false} />
          <Choice
            c={c}
            path={['clinic', 'incident']}
            label="本日の障害"
            options={[['', INCIDENT_JA.none], ...choices(INCIDENTS.slice(1), (i) => INCIDENT_JA[i])]}
          />
        </div>
      </fieldset>

      <fieldset className="te-group">
        <legend>患者</legend>
        <div className="te-row">
          <Text c={c} path={['patient', 'birthDate']} label="生年月日" hint="例: 昭和28年6月10日" />
        </div>
        <div className="te-row">
          <label className="ta-choice">
            <input
              type="checkbox"
              checked={getIn(draft, ['patient', 'myna']) != null}
              onChange={(e) =>
                c.set(
                  ['patient', 'myna'],
                  e.target.checked ? { insuranceRegistered: true, certExpiresOn: '2030-04-01' } : null,
                )
              }
            />
            マイナンバーカードを持っている
          </label>
          {getIn(draft, ['patient', 'myna']) != null && (
            <>
              <Check c={c} path={['patient', 'myna', 'insuranceRegistered']} label="保険証利用の登録済み" def={false} />
              <Check c={c} path={['patient', 'myna', 'registerAtDesk']} label="窓口で登録に応じる" def={true} />
              <Check c={c} path={['patient', 'myna', 'pinLocked']} label="暗証番号ロック中" def={false} />
              <Text c={c} path={['patient', 'myna', 'certExpiresOn']} label="電子証明書の有効期限" />
            </>
          )}
        </div>
      </fieldset>
      <Coverages c={c} />
      <Documents c={c} />
      <PolicyFields c={c} />

      <section className="te-group te-engine" aria-labelledby="te-engine-h">
        <h3 id="te-engine-h">エンジンの判定</h3>
        {d ? (
          <>
            <p data-testid="editor-decision">
              <span className={`tf-badge v-${d.verdict}`}>
                {VERDICT_LABELS[d.verdict].symbol} {VERDICT_LABELS[d.verdict].title}
              </span>{' '}
              窓口負担 {copayText(d.copayPercent)} ・ 高齢受給者証 {d.elderlyCardNeeded ? '必要' : '不要'} ・
              まだ必要な書類 {neededText(d.documentsNeeded)}
            </p>
            <p className="explanation">{d.explanation}</p>
            <RuleList rules={d.rules} />
            <div className="te-expected">
              {draft.expected === undefined ? (
                <p className="muted">期待する判定 (expected) はありません。研修の採点はエンジンの判定で行います。</p>
              ) : check.mismatches.length === 0 ? (
                <p>期待する判定 (expected) はエンジンの判定と一致しています。</p>
              ) : (
                <p className="field-error" role="alert">
                  期待する判定 (expected) がエンジンと違います: {check.mismatches.join(', ')}
                </p>
              )}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => c.set(['expected'], { ...correctAnswer(d), rules: d.rules })}
              >
                この判定を期待値にする
              </button>
              {draft.expected !== undefined && (
                <button type="button" className="btn btn-small" onClick={() => c.set(['expected'], undefined)}>
                  期待値を外す
                </button>
              )}
            </div>
          </>
        ) : (
          <p className="muted">入力の問題を直すと、ここにエンジンの判定が出ます。</p>
        )}
      </section>

      <details
        className="te-group"
        onToggle={(e) => setJsonText((e.target as HTMLDetailsElement).open ? JSON.stringify(draft, null, 2) : null)}
      >
        <summary>JSON で見る・編集する</summary>
        {jsonText !== null && (
          <>
            <textarea
              className="input te-json"
              aria-label="例題の JSON"
              value={jsonText}
              rows={16}
              onChange={(e) => setJsonText(e.target.value)}
              spellCheck={false}
            />
            {jsonError && (
              <p className="field-error" role="alert">
                {jsonError}
              </p>
            )}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                try {
                  const v = JSON.parse(jsonText) as unknown;
                  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
                  setJsonError(null);
                  setServerIssues([]);
                  setDraft(v as Json);
                } catch {
                  setJsonError('JSON として読めません。括弧やカンマを確認してください');
                }
              }}
            >
              JSON を反映
            </button>
          </>
        )}
      </details>
    </section>
  );
}
