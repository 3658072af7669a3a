// A panel that looks like the online check terminal's result screen: the status in its own words
// (資格有効 / 資格(無効) / 資格情報なし / 照会できません) and the items of the national-format result
// document (XmlMsg) the backend produced, when there is one (the desk's simulated check).
import type { IsoDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/decision';
import type { Incident } from '../../../shared/enums';
import type { OnshiDocument } from '../../../shared/onshi-document';
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

const SEX: Record<string, string> = { '1': '男', '2': '女', '3': '未設定' };
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

export function OnlineCheckPanel(props: Props) {
  const { status, route, reason } = onlineStatus(props);
  const q = props.document?.XmlMsg.MessageBody.ResultList[0]?.ResultOfQualificationConfirmation ?? null;
  const elderly = q?.ElderlyRecipientCertificateInfo;
  type Key = keyof NonNullable<typeof q>;
  const rows: [string, Key, string | null][] = q
    ? [
        ['氏名', 'Name', text(q.Name)],
        ['氏名カナ', 'NameKana', text(q.NameKana)],
        ['性別', 'Sex1', SEX[q.Sex1] ?? null],
        ['生年月日', 'Birthdate', ymdToJa(q.Birthdate)],
        ['保険者名', 'InsurerName', text(q.InsurerName)],
        ['保険者番号', 'InsurerNumber', text(q.InsurerNumber)],
        ['記号', 'InsuredCardSymbol', text(q.InsuredCardSymbol)],
        ['番号', 'InsuredIdentificationNumber', text(q.InsuredIdentificationNumber)],
        ['枝番', 'InsuredBranchNumber', text(q.InsuredBranchNumber)],
        ['資格取得日', 'InsuredCardValidDate', ymdToJa(q.InsuredCardValidDate)],
        ['資格喪失日', 'InsuredCardExpirationDate', ymdToJa(q.InsuredCardExpirationDate)],
        ['負担割合', 'InsuredPartialContributionRatio', RATIO(q.InsuredPartialContributionRatio)],
        ['高齢受給者 負担割合', 'ElderlyRecipientCertificateInfo', RATIO(elderly?.ElderlyRecipientContributionRatio)],
        ['未就学', 'PreschoolClassification', q.PreschoolClassification === '1' ? '未就学' : null],
      ]
    : [];
  // a walk-in's items that stand on the desk's assumptions (not typed) are left out, never invented
  const assumed = new Set<string>(props.assumed ?? []);
  const shown = rows.flatMap(([label, key, v]) => (v === null || assumed.has(key) ? [] : [[label, v] as const]));
  const routeLabel = route === 'card' ? 'マイナンバーカード' : route === 'number' ? '被保険者証等の記号・番号' : '—';
  return (
    <section className="onshi" aria-labelledby="onshi-h" data-online-status={status}>
      <header className="onshi-head">
        <h3 id="onshi-h">オンライン資格確認 照会結果</h3>
        <span className="onshi-route">照会区分: {routeLabel}</span>
      </header>
      <p className={`onshi-status ${STATUS_TONE[status] ?? ''}`} data-testid="online-status">
        {ONLINE_STATUS_JA[status]}
        {props.decision.onlineCheck.cardRoute === 'multiple' && (
          <span className="onshi-reason"> (複数の資格が該当)</span>
        )}
        {reason && <span className="onshi-reason"> ({reason})</span>}
      </p>
      {shown.length > 0 && (
        <dl className="onshi-items">
          {shown.map(([k, v]) => (
            <div key={k} className="onshi-item">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {assumed.size > 0 && q && (
        <p className="onshi-reason" data-testid="online-assumed">
          受付で入力されなかった項目は表示していません (登録のない患者)
        </p>
      )}
    </section>
  );
}
