// A panel that looks like the online check terminal's result screen: the status in its own words
// (資格有効 / 資格(無効) / 資格情報なし / 照会できません) and the items of the national-format result
// document (XmlMsg) the backend produced.
import type { DeskResult } from '../../../shared/contract';
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

/** The status to show, from the decision (the result document agrees with it). */
function onlineStatus(r: DeskResult): {
  status: OnlineStatus;
  route: 'card' | 'number' | null;
  reason: string | null;
} {
  const oc = r.decision.onlineCheck;
  const clinic = r.scenario.clinic;
  if (oc.cardRoute !== 'not-run') {
    return {
      status: cardRouteStatus(oc.cardRoute),
      route: 'card',
      reason: oc.failure ? failureJa(oc.failure, r.scenario.visitDate) : null,
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
  if (oc.failure) return { status: 'unavailable', route: null, reason: failureJa(oc.failure, r.scenario.visitDate) };
  return { status: 'none', route: null, reason: '照会に使える書類が出されていません' };
}

export function OnlineCheckPanel({ result }: { result: DeskResult }) {
  const { status, route, reason } = onlineStatus(result);
  const q = result.online.result?.XmlMsg.MessageBody.ResultList[0]?.ResultOfQualificationConfirmation ?? null;
  const elderly = q?.ElderlyRecipientCertificateInfo;
  const rows: [string, string | null][] = q
    ? [
        ['氏名', text(q.Name)],
        ['氏名カナ', text(q.NameKana)],
        ['性別', SEX[q.Sex1] ?? null],
        ['生年月日', ymdToJa(q.Birthdate)],
        ['保険者名', text(q.InsurerName)],
        ['保険者番号', text(q.InsurerNumber)],
        ['記号', text(q.InsuredCardSymbol)],
        ['番号', text(q.InsuredIdentificationNumber)],
        ['枝番', text(q.InsuredBranchNumber)],
        ['資格取得日', ymdToJa(q.InsuredCardValidDate)],
        ['資格喪失日', ymdToJa(q.InsuredCardExpirationDate)],
        ['負担割合', RATIO(q.InsuredPartialContributionRatio)],
        ['高齢受給者 負担割合', RATIO(elderly?.ElderlyRecipientContributionRatio)],
        ['未就学', q.PreschoolClassification === '1' ? '未就学' : null],
      ]
    : [];
  const shown = rows.filter((r): r is [string, string] => r[1] !== null);
  const routeLabel = route === 'card' ? 'マイナンバーカード' : route === 'number' ? '被保険者証等の記号・番号' : '—';
  return (
    <section className="onshi" aria-labelledby="onshi-h" data-online-status={status}>
      <header className="onshi-head">
        <h3 id="onshi-h">オンライン資格確認 照会結果</h3>
        <span className="onshi-route">照会区分: {routeLabel}</span>
      </header>
      <p className={`onshi-status ${STATUS_TONE[status] ?? ''}`} data-testid="online-status">
        {ONLINE_STATUS_JA[status]}
        {result.decision.onlineCheck.cardRoute === 'multiple' && (
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
    </section>
  );
}
