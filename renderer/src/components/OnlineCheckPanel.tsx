// A panel that looks like the online check terminal's result screen: the status in its own words
// (資格有効 / 資格(無効) / 資格情報なし / 照会できません) and the items of the national-format result
// document (XmlMsg) the backend produced, when there is one (the desk's simulated check): when it was
// queried, every 複数該当 candidate, 本人・家族, the 有効終了日 with the reason of the loss, 限度額 and
// the consent; how the holder was identified and the e-certificate alert (from the decision). Where
// an item could read as a second answer (the 高齢受給者 ratio while the card is still needed), the
// decision's reason stands beside it (shared/engine/explain.ts).
import type { IsoDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/decision';
import type { Incident } from '../../../shared/enums';
import { certAlertJa, elderlyRatioNote, identityCheckJa } from '../../../shared/engine/explain';
import {
  LIMIT_OF_FLAG,
  type OnshiDocument,
  REASON_OF_LOSS_JA,
  type ResultOfQualificationConfirmation,
} from '../../../shared/onshi-document';
import { formatWareki } from '../../../shared/wareki';
import {
  cardRouteStatus,
  FAILURE_JA,
  failureJa,
  numberRouteStatus,
  ONLINE_STATUS_JA,
  type OnlineStatus,
} from '../../../shared/labels';
import { toneClass } from '../tones';

/** the document's yyyyMMdd → 和暦; null for an element the document leaves out */
const ymdToJa = (v: string | undefined) =>
  v === undefined ? null : formatWareki(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`);

/** The result screen's colours: valid in green, invalid or unknown in red, no answer in the terminal's grey. */
const STATUS_TONE: Partial<Record<OnlineStatus, string>> = {
  valid: toneClass('ok'),
  invalid: toneClass('bad'),
  'not-found': toneClass('bad'),
};

/** yyyyMMddHHmmss → 和暦 and the time of day */
const timeToJa = (v: string) => `${ymdToJa(v.slice(0, 8))} ${v.slice(8, 10)}:${v.slice(10, 12)}`;

const SEX: Record<string, string> = { '1': '男', '2': '女', '3': '未設定' };
const PERSONAL_FAMILY: Record<string, string> = { '1': '本人', '2': '家族' };
/** per mille → 割 (030 → 3割) */
const RATIO = (v: string | undefined) => (v === undefined ? null : `${Number(v) / 10}割`);
const text = (v: string | undefined) => (v === undefined || v === '' ? null : v);

interface Props {
  decision: Decision;
  visitDate: IsoDate;
  clinic: { onlineCheck: boolean; incident: Incident };
  /** the national-format result document; null: none to show */
  document: OnshiDocument | null;
  /** items of the document that stand on the desk's assumptions (a walk-in's untyped fields): never shown */
  assumed?: readonly string[];
  /** what was read at the reader (the identity check differs); null: no マイナ保険証 */
  device?: 'card' | 'smartphone' | null;
}

/** The status to show, from the decision (the result document agrees with it). */
function onlineStatus({ decision, clinic, visitDate }: Props): {
  status: OnlineStatus;
  route: 'card' | 'number' | null;
  reason: string | null;
} {
  const oc = decision.onlineCheck;
  if (oc.cardRoute !== 'not-run') {
    return {
      status: cardRouteStatus(oc.cardRoute),
      route: 'card',
      reason: oc.failure ? failureJa(oc.failure, visitDate) : null,
    };
  }
  if (oc.numberRoute !== 'not-run') {
    return {
      status: numberRouteStatus(oc.numberRoute),
      route: 'number',
      reason: oc.numberRoute === 'invalid-new' ? '新しい資格あり' : null,
    };
  }
  if (!clinic.onlineCheck)
    return { status: 'unavailable', route: null, reason: 'この医療機関はオンライン資格確認を使っていません' };
  if (clinic.incident === 'network-outage')
    return { status: 'unavailable', route: null, reason: FAILURE_JA['network-outage'] };
  if (oc.failure) return { status: 'unavailable', route: null, reason: failureJa(oc.failure, visitDate) };
  return { status: 'none', route: null, reason: '照会に使える書類が出されていません' };
}

type Row = readonly [label: string, key: keyof ResultOfQualificationConfirmation, value: string | null];

/** One coverage of the result, as the terminal lists its items. */
function resultRows(q: ResultOfQualificationConfirmation): Row[] {
  const elderly = q.ElderlyRecipientCertificateInfo;
  const limit = q.LimitApplicationCertificateRelatedInfo;
  const consent = q.LimitApplicationCertificateRelatedConsFlg;
  return [
    ['氏名', 'Name', text(q.Name)],
    ['氏名カナ', 'NameKana', text(q.NameKana)],
    ['性別', 'Sex1', SEX[q.Sex1] ?? null],
    ['生年月日', 'Birthdate', ymdToJa(q.Birthdate)],
    ['保険者名', 'InsurerName', text(q.InsurerName)],
    ['保険者番号', 'InsurerNumber', text(q.InsurerNumber)],
    ['記号', 'InsuredCardSymbol', text(q.InsuredCardSymbol)],
    ['番号', 'InsuredIdentificationNumber', text(q.InsuredIdentificationNumber)],
    ['枝番', 'InsuredBranchNumber', text(q.InsuredBranchNumber)],
    ['本人・家族', 'PersonalFamilyClassification', PERSONAL_FAMILY[q.PersonalFamilyClassification] ?? null],
    ['資格取得日', 'InsuredCardValidDate', ymdToJa(q.InsuredCardValidDate)],
    // the document's 資格喪失日 element holds the last valid day
    ['有効終了日', 'InsuredCardExpirationDate', ymdToJa(q.InsuredCardExpirationDate)],
    ['喪失事由', 'ReasonOfLoss', q.ReasonOfLoss === undefined ? null : (REASON_OF_LOSS_JA[q.ReasonOfLoss] ?? null)],
    ['負担割合', 'InsuredPartialContributionRatio', RATIO(q.InsuredPartialContributionRatio)],
    ['高齢受給者 負担割合', 'ElderlyRecipientCertificateInfo', RATIO(elderly?.ElderlyRecipientContributionRatio)],
    ['未就学', 'PreschoolClassification', q.PreschoolClassification === '1' ? '未就学' : null],
    [
      '限度額情報の提供',
      'LimitApplicationCertificateRelatedConsFlg',
      consent === undefined ? null : consent === '1' ? '同意あり' : '同意なし',
    ],
    [
      '限度額適用区分',
      'LimitApplicationCertificateRelatedInfo',
      limit ? (LIMIT_OF_FLAG[limit.LimitApplicationCertificateClassificationFlag] ?? null) : null,
    ],
  ];
}

function Items({ rows, assumed }: { rows: Row[]; assumed: ReadonlySet<string> }) {
  // a walk-in's items that stand on the desk's assumptions (not typed) are left out, never invented
  const shown = rows.flatMap(([label, key, v]) => (v === null || assumed.has(key) ? [] : [[label, v] as const]));
  if (shown.length === 0) return null;
  return (
    <dl className="onshi-items">
      {shown.map(([k, v]) => (
        <div key={k} className="onshi-item">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OnlineCheckPanel(props: Props) {
  const { status, route, reason } = onlineStatus(props);
  const d = props.decision;
  const doc = props.document?.XmlMsg ?? null;
  const results = doc?.MessageBody.ResultList.map((r) => r.ResultOfQualificationConfirmation) ?? [];
  const assumed = new Set<string>(props.assumed ?? []);
  const routeLabel = route === 'card' ? 'マイナンバーカード' : route === 'number' ? '被保険者証等の記号・番号' : '—';
  const identity = identityCheckJa(d, props.device ?? null);
  const certAlert = certAlertJa(d);
  const elderlyNote = results.some((q) => q.ElderlyRecipientCertificateInfo) ? elderlyRatioNote(d) : null;
  return (
    <section className="onshi" aria-labelledby="onshi-h" data-online-status={status}>
      <header className="onshi-head">
        <h3 id="onshi-h">オンライン資格確認 照会結果</h3>
        <span className="onshi-route">
          照会区分: {routeLabel}
          {doc && (
            <span data-testid="online-when"> ・ 照会日時: {timeToJa(doc.MessageHeader.ProcessExecutionTime)}</span>
          )}
        </span>
      </header>
      <p className={`onshi-status ${STATUS_TONE[status] ?? ''}`} data-testid="online-status">
        {ONLINE_STATUS_JA[status]}
        {d.onlineCheck.cardRoute === 'multiple' && (
          <span className="onshi-reason"> (複数の資格が該当: {results.length}件)</span>
        )}
        {reason && <span className="onshi-reason"> ({reason})</span>}
      </p>
      {(identity || certAlert) && (
        <ul className="onshi-alerts">
          {identity && <li data-testid="online-identity">本人確認: {identity}</li>}
          {certAlert && (
            <li className={toneClass('interim')} data-testid="online-cert-alert">
              {certAlert}
            </li>
          )}
        </ul>
      )}
      {results.length > 1
        ? results.map((q, i) => (
            <div key={i} className="onshi-candidate" data-testid="online-candidate">
              <h4>
                候補 {i + 1} / {results.length}
              </h4>
              <Items rows={resultRows(q)} assumed={assumed} />
            </div>
          ))
        : results[0] && <Items rows={resultRows(results[0])} assumed={assumed} />}
      {elderlyNote && (
        <p className="onshi-note" data-testid="online-elderly-note">
          {elderlyNote}
        </p>
      )}
      {assumed.size > 0 && results.length > 0 && (
        <p className="onshi-reason" data-testid="online-assumed">
          受付で入力されなかった項目は表示していません (登録のない患者)
        </p>
      )}
    </section>
  );
}
