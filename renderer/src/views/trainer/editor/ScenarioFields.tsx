// The scenario's own fields, the clinic, the patient and their coverages — each enumeration's
// options from shared/enums.ts with their words from shared/labels.ts.
import {
  COVERAGE_RATIOS,
  ELDERLY_CARD_HANDLINGS,
  INCIDENTS,
  INSURERS,
  LIMIT_CATEGORIES,
  VISIT_TYPES,
} from '../../../../../shared/enums';
import {
  copayWari,
  ELDERLY_CARD_JA,
  INCIDENT_JA,
  INSURER_JA,
  VISIT_TYPE_JA,
  YES_NO_JA,
} from '../../../../../shared/labels';
import { getIn, listAt, NEW_MYNA, newCoverage } from './draft';
import { CheckField, ChoiceField, options, TextField, useForm } from './fields';

export function ScenarioFields() {
  return (
    <fieldset className="field-group">
      <legend>例題</legend>
      <div className="field-row">
        <TextField path={['id']} label="id (半角英小文字・数字・ハイフン)" />
        <TextField path={['title']} label="題名 (研修生には答え合わせのときに表示)" wide />
      </div>
      <TextField path={['story']} label="窓口でのできごと (研修生に表示)" area wide />
      <div className="field-row">
        <TextField path={['visitDate']} label="受診日" hint="例: 令和8年1月15日" />
        <ChoiceField
          path={['visitType']}
          label="初診・再診"
          options={[['', `${VISIT_TYPE_JA.first} (既定)`], ...options(VISIT_TYPES, (t) => VISIT_TYPE_JA[t])]}
        />
        <CheckField path={['needsLimit']} label="限度額の適用が必要" def={false} />
        <CheckField path={['limitConsent']} label="限度額情報の提供に同意" def={true} />
      </div>
    </fieldset>
  );
}

export function ClinicFields() {
  return (
    <fieldset className="field-group">
      <legend>医療機関</legend>
      <div className="field-row">
        <CheckField path={['clinic', 'onlineCheck']} label="オンライン資格確認あり" def={false} />
        <CheckField path={['clinic', 'phoneReader']} label="スマホ用の汎用カードリーダーあり" def={false} />
        <ChoiceField
          path={['clinic', 'incident']}
          label="本日の障害"
          options={[
            ['', INCIDENT_JA.none],
            ...options(
              INCIDENTS.filter((i) => i !== 'none'),
              (i) => INCIDENT_JA[i],
            ),
          ]}
        />
      </div>
    </fieldset>
  );
}

export function PatientFields() {
  const form = useForm();
  const hasCard = getIn(form.draft, ['patient', 'myna']) != null;
  return (
    <fieldset className="field-group">
      <legend>患者</legend>
      <div className="field-row">
        <TextField path={['patient', 'birthDate']} label="生年月日" hint="例: 昭和28年6月10日" />
      </div>
      <div className="field-row">
        <label className="choice">
          <input
            type="checkbox"
            checked={hasCard}
            onChange={(e) => form.set(['patient', 'myna'], e.target.checked ? NEW_MYNA : null)}
          />
          マイナンバーカードを持っている
        </label>
        {hasCard && (
          <>
            <CheckField path={['patient', 'myna', 'insuranceRegistered']} label="保険証利用の登録済み" def={false} />
            <CheckField path={['patient', 'myna', 'registerAtDesk']} label="窓口で登録に応じる" def={true} />
            <CheckField path={['patient', 'myna', 'pinLocked']} label="暗証番号ロック中" def={false} />
            <TextField path={['patient', 'myna', 'certExpiresOn']} label="電子証明書の有効期限" />
          </>
        )}
      </div>
    </fieldset>
  );
}

const COVERAGES = ['patient', 'coverages'] as const;

/** The patient's coverages (the truth behind what the desk sees), oldest first. */
export function CoverageFields() {
  const form = useForm();
  const list = listAt(form.draft, COVERAGES);
  return (
    <fieldset className="field-group">
      <legend>保険 (本当の加入状況。古い順)</legend>
      {list.length === 0 && <p className="muted">保険なし (無保険)</p>}
      {list.map((_, i) => {
        const p = [...COVERAGES, i];
        return (
          <div key={i} className="list-item">
            <div className="list-item-head">
              <strong>保険 {i + 1}</strong>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  form.set(
                    COVERAGES,
                    list.filter((_x, k) => k !== i),
                  )
                }
              >
                この保険を削除
              </button>
            </div>
            <div className="field-row">
              <TextField path={[...p, 'id']} label="id" hint={`c${i + 1}`} />
              <ChoiceField
                path={[...p, 'insurer']}
                label="保険者の種類"
                options={options(INSURERS, (x) => INSURER_JA[x])}
              />
              <TextField path={[...p, 'insurerNumber']} label="保険者番号" hint="8桁 (国保は6桁)" />
              <TextField path={[...p, 'symbol']} label="記号" />
              <TextField path={[...p, 'number']} label="番号" />
              <TextField path={[...p, 'branch']} label="枝番" />
            </div>
            <div className="field-row">
              <TextField path={[...p, 'acquiredOn']} label="資格取得日" hint="例: R7.4.1" />
              <TextField path={[...p, 'lostOn']} label="資格喪失日 (任意)" />
              <TextField path={[...p, 'registeredOn']} label="オン資への登録日 (任意)" />
              <TextField path={[...p, 'filedOn']} label="資格取得届の提出日 (任意)" />
            </div>
            <div className="field-row">
              <ChoiceField
                path={[...p, 'myNumberOnForm']}
                label="届にマイナンバー記載"
                options={[['', `既定 (${YES_NO_JA.true})`], ...options([true, false], (b) => YES_NO_JA[`${b}`])]}
              />
              <ChoiceField
                path={[...p, 'ratio']}
                label="負担割合"
                options={[
                  ['', '既定'],
                  ...options(COVERAGE_RATIOS, (r) => (r === 10 ? `${copayWari(r)} (後期のみ)` : copayWari(r))),
                ]}
              />
              <ChoiceField
                path={[...p, 'elderlyCard']}
                label="高齢受給者証"
                options={[['', '既定 (保険者による)'], ...options(ELDERLY_CARD_HANDLINGS, (h) => ELDERLY_CARD_JA[h])]}
              />
              <ChoiceField
                path={[...p, 'limitCategory']}
                label="限度額区分"
                options={[['', 'なし'], ...options(LIMIT_CATEGORIES, (x) => x)]}
              />
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => form.set(COVERAGES, [...list, newCoverage(list.length)])}
      >
        保険を追加
      </button>
    </fieldset>
  );
}
