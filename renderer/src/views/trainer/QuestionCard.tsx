// One patient at the desk, as the trainee sees it: the day (和暦), the patient, the clinic's
// situation, what was said, what was handed over with what is printed on it, and the online
// check's screens. Never the scenario's title (it often names the answer) nor the truth behind it.
import { POLICY_KEYS } from '../../../../shared/enums';
import type { QuestionDocument, Question } from '../../../../shared/trainer/question';
import {
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
  VISIT_TYPE_JA,
} from '../../../../shared/labels';
import { formatDateJa } from '../../../../shared/wareki';
import { DOCUMENTS } from '../../labels';
import { warekiWithWeekday } from './format';

function Printed({ d }: { d: QuestionDocument }) {
  const lines: [string, string][] = [];
  const p = d.printed;
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

export function QuestionCard({ q, heading }: { q: Question; heading: string }) {
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
            {q.clinic.incident !== 'none' && (
              <>
                {' ・ '}
                <strong className="question-alert">本日の障害: {INCIDENT_JA[q.clinic.incident]}</strong>
              </>
            )}
          </dd>
        </div>
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
              <dd>
                {ONLINE_STATUS_JA[numberRouteStatus(q.online.numberRoute)]}
                {q.online.numberRoute === 'invalid-new' && ' (新しい資格あり)'}
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
