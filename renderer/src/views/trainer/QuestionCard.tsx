// One patient at the desk, as the trainee sees it: the day (和暦), the patient, the clinic's
// situation, what was said, what was handed over with what is printed on it, and the online
// check's screens. Never the scenario's title (it often names the answer) nor the truth behind it.
import { POLICY_KEYS } from '../../../../shared/enums';
import type { QuestionDocument, Question } from '../../../../shared/trainer/question';
import {
  CAUSE_JA,
  cardRouteStatus,
  copayWari,
  failureJa,
  INCIDENT_JA,
  INSURER_JA,
  numberRouteStatus,
  ONLINE_STATUS_JA,
  PHONE_OS_JA,
  POLICY_INFO,
  policyValueJa,
  PORTAL_FORM_JA,
  PREFECTURE_JA,
  PROGRAM_JA,
  VISIT_TYPE_JA,
  WELFARE_ROUTE_JA,
} from '../../../../shared/labels';
import { formatDateJa } from '../../../../shared/wareki';
import { DOCUMENTS } from '../../labels';
import { warekiWithWeekday } from './format';

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** What a 受給者証・医療証 prints (and the 上限額管理票 beside a national one). */
function programmeLines(k: NonNullable<QuestionDocument['programme']>): [string, string][] {
  const lines: [string, string][] = [
    ['公費', PROGRAM_JA[k.program]],
    ['公費負担者番号', k.payerNumber],
  ];
  if (k.recipientNumber) lines.push(['受給者番号', k.recipientNumber]);
  lines.push(['有効期間', `${formatDateJa(k.validFrom)}〜${formatDateJa(k.validUntil)}`]);
  if (k.prefecture) lines.push(['交付', PREFECTURE_JA[k.prefecture]]);
  if (k.share !== null)
    lines.push([
      '自己負担',
      k.share === 'none'
        ? 'なし'
        : 'percent' in k.share
          ? copayWari(k.share.percent)
          : `1回${yen(k.share.perVisitYen)}`,
    ]);
  if (k.monthlyCapYen !== null) lines.push(['上限額 (月額)', yen(k.monthlyCapYen)]);
  if (k.paidThisMonthYen !== null && k.monthlyCapYen !== null)
    lines.push(['今月の支払済み', `${yen(k.paidThisMonthYen)} (上限額管理票)`]);
  if (k.designatedHere !== null) lines.push(['指定医療機関', k.designatedHere ? '当院' : '他の医療機関']);
  return lines;
}

function Printed({ d }: { d: QuestionDocument }) {
  const lines: [string, string][] = [];
  const p = d.printed;
  if (d.programme) lines.push(...programmeLines(d.programme));
  if (p) {
    lines.push(['保険者', `${INSURER_JA[p.insurer]}${p.insurerNumber ? ` (保険者番号 ${p.insurerNumber})` : ''}`]);
    const kigo = [p.symbol && `記号 ${p.symbol}`, p.number && `番号 ${p.number}`, p.branch && `枝番 ${p.branch}`]
      .filter(Boolean)
      .join(' ・ ');
    if (kigo) lines.push(['記号・番号', kigo]);
    lines.push(['資格取得日', formatDateJa(p.acquiredOn)]);
  }
  switch (d.kind) {
    case 'legacy-card':
      lines.push(['有効期限', d.printedExpiry ? formatDateJa(d.printedExpiry) : '印字なし']);
      break;
    case 'kakunin-sho':
      lines.push(['交付日', formatDateJa(d.issuedOn)]);
      if (d.validFrom) lines.push(['有効開始日', formatDateJa(d.validFrom)]);
      lines.push(['有効期限', formatDateJa(d.validUntil)]);
      if (d.showsRatio) lines.push(['負担割合', '印字あり']);
      if (d.showsLimit) lines.push(['限度区分', p?.limitCategory ?? '印字あり']);
      break;
    case 'myna-smartphone':
      if (d.os) lines.push(['機種', PHONE_OS_JA[d.os]]);
      break;
    case 'mynaportal':
      lines.push(['見せ方', PORTAL_FORM_JA[d.form]]);
      break;
    case 'elderly-card':
      lines.push(['負担割合', copayWari(d.ratio)]);
      lines.push(['有効期限', d.validUntil ? formatDateJa(d.validUntil) : '印字なし']);
      break;
    case 'limit-cert':
      lines.push(['適用区分', d.category]);
      lines.push(['有効期限', d.validUntil ? formatDateJa(d.validUntil) : '印字なし']);
      break;
    case 'medical-ticket':
      lines.push(['対象月', `${Number(d.month.slice(0, 4))}年${Number(d.month.slice(5, 7))}月`]);
      lines.push(['医療機関', d.forThisClinic ? '当院あて' : '他の医療機関あて']);
      break;
    default:
      break;
  }
  if (lines.length === 0) return null;
  return (
    <dl className="printed-fields">
      {lines.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function QuestionCard({
  q,
  heading,
  numberQueryPending = false,
}: {
  q: Question;
  heading: string;
  /** the trainee has yet to type the number query (NumberEntryForm): its answer is not shown yet */
  numberQueryPending?: boolean;
}) {
  const c = q.clinic;
  const clinicV2 = [
    c.prefecture && `所在地 ${PREFECTURE_JA[c.prefecture]}`,
    c.pmh && 'PMH 接続あり',
    !c.rousaiDesignated && '労災指定医療機関ではない',
    c.onlineCheck && !c.welfareOnline && '医療扶助のオンライン資格確認は未導入',
  ].filter(Boolean);
  const policy = POLICY_KEYS.flatMap((k) => (q.policy[k] === undefined ? [] : [[k, q.policy[k]] as const]));
  return (
    <section className="panel question-card" aria-labelledby="question-h">
      <h2 id="question-h" className="panel-title">
        {heading}
      </h2>
      <dl className="question-facts">
        <div>
          <dt>受診日</dt>
          <dd data-testid="question-date">
            <strong>{warekiWithWeekday(q.visitDate)}</strong> <span className="muted">({q.visitDate})</span>
          </dd>
        </div>
        <div>
          <dt>患者</dt>
          <dd>
            <strong>{q.patient.age}歳</strong> ・ 生年月日 {formatDateJa(q.patient.birthDate)} ・{' '}
            {VISIT_TYPE_JA[q.visitType]}
          </dd>
        </div>
        <div>
          <dt>医療機関</dt>
          <dd>
            オンライン資格確認 {q.clinic.onlineCheck ? 'あり' : 'なし'}
            {q.clinic.onlineCheck && ` ・ スマホ用の汎用カードリーダー ${q.clinic.phoneReader ? 'あり' : 'なし'}`}
            {clinicV2.length > 0 && ` ・ ${clinicV2.join(' ・ ')}`}
            {q.clinic.incident !== 'none' && (
              <>
                {' ・ '}
                <strong className="question-alert">本日の障害: {INCIDENT_JA[q.clinic.incident]}</strong>
              </>
            )}
          </dd>
        </div>
        {q.cause !== 'illness' && (
          <div>
            <dt>けがの原因</dt>
            <dd data-testid="question-cause">
              「お仕事中・通勤中のけがですか」 → <strong>{CAUSE_JA[q.cause]}</strong>
            </dd>
          </div>
        )}
        {q.patient.welfare && (
          <div>
            <dt>生活保護</dt>
            <dd data-testid="question-welfare">
              受給{q.patient.welfare.until ? '' : '中'} ({formatDateJa(q.patient.welfare.from)}から
              {q.patient.welfare.until ? `${formatDateJa(q.patient.welfare.until)}まで` : ''})
            </dd>
          </div>
        )}
        {(q.needsLimit || !q.limitConsent) && (
          <div>
            <dt>申し出</dt>
            <dd>
              {q.needsLimit && '入院などで限度額の適用が必要です。'}
              {q.needsLimit && !q.limitConsent && ' '}
              {!q.limitConsent && '限度額情報の提供には同意しません。'}
            </dd>
          </div>
        )}
        {policy.length > 0 && (
          <div>
            <dt>この例題の方針</dt>
            <dd>
              {policy.map(([k, v]) => (
                <span key={k} className="question-policy">
                  {POLICY_INFO[k].ja}: {policyValueJa(k, v)}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {q.story && (
        <p className="question-story" data-testid="question-story">
          {q.story}
        </p>
      )}
      <h3 className="question-subhead">出されたもの</h3>
      {q.documents.length === 0 ? (
        <p className="question-nothing">何も出されていません。</p>
      ) : (
        <ul className="question-docs" aria-label="出されたもの">
          {q.documents.map((d, i) => (
            <li key={i} className="question-doc" data-kind={d.kind}>
              <strong className="question-doc-name">{DOCUMENTS[d.kind].name}</strong>
              <Printed d={d} />
            </li>
          ))}
        </ul>
      )}
      {q.online && (
        <>
          <h3 className="question-subhead">オンライン資格確認の画面</h3>
          <dl className="question-online" data-testid="question-online">
            <div>
              <dt>カード・スマホで照会</dt>
              <dd>
                {ONLINE_STATUS_JA[cardRouteStatus(q.online.cardRoute)]}
                {q.online.failure && ` (${failureJa(q.online.failure, q.visitDate)})`}
              </dd>
            </div>
            <div>
              <dt>保険者番号等で照会</dt>
              <dd data-testid="question-number-route">
                {numberQueryPending ? (
                  <span className="muted">番号を入力して照会してください</span>
                ) : (
                  <>
                    {ONLINE_STATUS_JA[numberRouteStatus(q.online.numberRoute)]}
                    {q.online.numberRoute === 'invalid-new' && ' (新しい資格あり)'}
                  </>
                )}
              </dd>
            </div>
            {q.online.welfareRoute !== 'not-run' && (
              <div>
                <dt>医療扶助の照会</dt>
                <dd>{WELFARE_ROUTE_JA[q.online.welfareRoute]}</dd>
              </div>
            )}
            {q.online.pmh.length > 0 && (
              <div>
                <dt>PMH の公費情報</dt>
                <dd>{q.online.pmh.map((p) => PROGRAM_JA[p]).join('、')}</dd>
              </div>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
