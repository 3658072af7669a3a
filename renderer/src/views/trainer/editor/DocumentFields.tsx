// What the patient hands over: one entry per document, with the fields its kind has (what is
// printed on it). Adding a document kind to the format means one entry in KIND_FIELDS.
import { type ReactNode, useState } from 'react';
import {
  COVERAGE_DOC_KINDS,
  DOCUMENT_KINDS,
  type DocumentKind,
  ELDERLY_RATIOS,
  LIMIT_CATEGORIES,
  PHONE_OS,
  PORTAL_FORMS,
} from '../../../../../shared/enums';
import { copayWari, DOCUMENT_JA, PHONE_OS_JA, PORTAL_FORM_JA } from '../../../../../shared/labels';
import { type Json, listAt, NEW_DOCUMENT, type Path } from './draft';
import { CheckField, ChoiceField, IssueAt, type Option, options, TextField, useForm } from './fields';

const PRESENTED = ['presented'] as const;

/** The fields of each kind of document, at its path `p`. */
const KIND_FIELDS: Partial<Record<DocumentKind, (p: Path) => ReactNode>> = {
  'legacy-card': (p) => <TextField path={[...p, 'printedExpiry']} label="印字の有効期限 (国保は必須)" />,
  'kakunin-sho': (p) => (
    <>
      <TextField path={[...p, 'issuedOn']} label="交付日" />
      <TextField path={[...p, 'validFrom']} label="有効開始日 (任意)" />
      <TextField path={[...p, 'validUntil']} label="有効期限" />
      <CheckField path={[...p, 'showsRatio']} label="負担割合を印字" def={false} />
      <CheckField path={[...p, 'showsLimit']} label="限度区分を印字" def={false} />
    </>
  ),
  'myna-smartphone': (p) => (
    <ChoiceField
      path={[...p, 'os']}
      label="機種"
      options={[['', '指定なし'], ...options(PHONE_OS, (os) => PHONE_OS_JA[os])]}
    />
  ),
  mynaportal: (p) => (
    <ChoiceField path={[...p, 'form']} label="見せ方" options={options(PORTAL_FORMS, (f) => PORTAL_FORM_JA[f])} />
  ),
  'elderly-card': (p) => (
    <>
      <ChoiceField path={[...p, 'ratio']} label="負担割合" options={options(ELDERLY_RATIOS, copayWari)} />
      <TextField path={[...p, 'validUntil']} label="有効期限" />
    </>
  ),
  'limit-cert': (p) => (
    <>
      <ChoiceField path={[...p, 'category']} label="適用区分" options={options(LIMIT_CATEGORIES, (x) => x)} />
      <TextField path={[...p, 'validUntil']} label="有効期限" />
    </>
  ),
};

const isKind = (k: unknown): k is DocumentKind => (DOCUMENT_KINDS as readonly unknown[]).includes(k);
const namesCoverage = (k: DocumentKind) => (COVERAGE_DOC_KINDS as readonly DocumentKind[]).includes(k);

export function DocumentFields() {
  const form = useForm();
  const list = listAt(form.draft, PRESENTED);
  const coverages: Option[] = [
    ['', '既定 (受診日の保険)'],
    ...listAt(form.draft, ['patient', 'coverages']).map((x: Json, i): Option => {
      const id = String(x.id ?? `c${i + 1}`);
      return [JSON.stringify(id), id];
    }),
  ];
  const [adding, setAdding] = useState<DocumentKind>('myna-card');
  return (
    <fieldset className="field-group">
      <legend>出したもの</legend>
      {list.length === 0 && <p className="muted">何も出さない</p>}
      {list.map((d, i) => {
        const p = [...PRESENTED, i];
        const kind = d.kind;
        return (
          <div key={i} className="list-item">
            <div className="list-item-head">
              <strong>{isKind(kind) ? DOCUMENT_JA[kind] : `不明な書類 (${String(kind)})`}</strong>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  form.set(
                    PRESENTED,
                    list.filter((_x, k) => k !== i),
                  )
                }
              >
                取り除く
              </button>
            </div>
            <IssueAt path={[...p, 'kind']} />
            {isKind(kind) && (
              <div className="field-row">
                {namesCoverage(kind) && (
                  <ChoiceField path={[...p, 'coverage']} label="どの保険の書類か" options={coverages} />
                )}
                {KIND_FIELDS[kind]?.(p)}
              </div>
            )}
          </div>
        );
      })}
      <div className="add-row">
        <select
          className="input"
          aria-label="追加する書類"
          value={adding}
          onChange={(e) => setAdding(e.target.value as DocumentKind)}
        >
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_JA[k]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => form.set(PRESENTED, [...list, { kind: adding, ...NEW_DOCUMENT[adding] }])}
        >
          書類を追加
        </button>
      </div>
    </fieldset>
  );
}
