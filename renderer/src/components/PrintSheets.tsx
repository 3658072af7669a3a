// What the desk prints (print.css shows one sheet at a time, named by <html data-print>): the
// patient's slip — on A4, or on an 80 mm receipt printer, with the time of reception — and, when the
// decision asks for it (R9), a 被保険者資格申立書 filled in with what the desk already knows: the
// items of the MHLW form (保発0710第1号 別添) — the patient's name and birth date, the insurance
// as declared (the clinic's records), the date — and blank lines for what the patient writes.
import type { IsoDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/decision';
import { INSURERS, type Insurer } from '../../../shared/enums';
import { containsMyNumberLike } from '../../../shared/identifiers';
import { INSURER_JA } from '../../../shared/labels';
import { formatDateJa, formatWareki } from '../../../shared/wareki';
import { BRING_NEXT_TIME } from '../labels';
import { useApp } from '../store';
import { useSlipPaper } from './print-actions';

/** The person and the insurance the desk knows of, for the 申立書 (null: a blank line to write on). */
export interface Declarant {
  name: string | null;
  kana: string | null;
  birthDate: IsoDate | null;
  /** the insurance the patient declares, as the clinic's records hold it */
  coverage: {
    insurer: Insurer;
    insurerNumber: string | null;
    symbol: string | null;
    number: string | null;
    branch: string | null;
  } | null;
}

/** The slip handed to the patient (only printed). */
export function PrintSlip({
  decision: d,
  visitDate,
  name,
  receivedAt,
}: {
  decision: Decision;
  visitDate: IsoDate;
  name: string | null;
  /** when the desk received the patient (the answer arrived): 「受付 9:05」 */
  receivedAt: Date | null;
}) {
  const clinicName = useApp((s) => s.settings?.clinicName ?? '');
  const paper = useSlipPaper();
  const bring: string[] = [];
  if (d.verdict === 'insured-interim' || d.verdict === 'self-pay') {
    bring.push('マイナ保険証 (利用登録したマイナンバーカード) または 資格確認書');
  }
  for (const n of d.documentsNeeded) {
    const b = BRING_NEXT_TIME[n];
    if (b) bring.push(b);
  }
  const time = receivedAt ? `${receivedAt.getHours()}:${String(receivedAt.getMinutes()).padStart(2, '0')}` : null;
  return (
    <div className="print-slip" data-paper={paper} data-testid="print-slip" aria-hidden="true">
      <h1>{bring.length > 0 ? '次回の受診のときにお持ちください' : '本日の受付について'}</h1>
      <p className="slip-who">
        {name !== null && <span>{name} 様</span>}
        <span>受診日 {formatDateJa(visitDate)}</span>
        {time && <span>受付 {time}</span>}
      </p>
      {bring.length > 0 && (
        <ul>
          {bring.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <p className="slip-tell">{d.tellPatient}</p>
      {clinicName !== '' && <p className="slip-clinic">{clinicName}</p>}
    </div>
  );
}

/** R18: a 記号・番号 that looks like a My Number is never printed (the patient writes it, if at all). */
const printable = (v: string | null) => (v === null || v === '' || containsMyNumberLike(v) ? null : v);

/** A line of the form: the value when the desk knows it, else a blank line to write on. */
function Line({ label, value }: { label: string; value: string | null }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className={value === null ? 'decl-blank' : undefined}>{value ?? ''}</td>
    </tr>
  );
}

/** 被保険者資格申立書, filled in with what the desk knows (only printed). */
export function PrintDeclaration({ visitDate, declarant }: { visitDate: IsoDate; declarant: Declarant }) {
  const clinicName = useApp((s) => s.settings?.clinicName ?? '');
  const c = declarant.coverage;
  return (
    <div className="print-declaration" data-testid="print-declaration" aria-hidden="true">
      <h1>被保険者資格申立書</h1>
      <p className="decl-to">{clinicName === '' ? '　　　　　　　　　' : clinicName} 御中</p>
      <p>
        私は、{formatWareki(visitDate)}
        現在、下記の医療保険の資格を有していることを申し立てます。マイナンバー (個人番号) は書かないでください。
      </p>
      <h2>受診される方</h2>
      <table className="decl-table">
        <tbody>
          <Line label="氏名" value={declarant.name} />
          <Line label="フリガナ" value={declarant.kana} />
          <Line label="生年月日" value={declarant.birthDate && formatWareki(declarant.birthDate)} />
          <Line label="住所" value={null} />
          <Line label="電話番号" value={null} />
        </tbody>
      </table>
      <h2>加入している医療保険 (わかる範囲で)</h2>
      <p className="decl-kinds">
        {INSURERS.map((i) => (
          <span key={i}>
            {c?.insurer === i ? '☑' : '☐'} {INSURER_JA[i]}
          </span>
        ))}
        <span>☐ その他</span>
      </p>
      <table className="decl-table">
        <tbody>
          <Line label="保険者名称" value={null} />
          <Line label="保険者番号" value={c && printable(c.insurerNumber)} />
          <Line label="記号" value={c && printable(c.symbol)} />
          <Line label="番号" value={c && printable(c.number)} />
          <Line label="枝番" value={c && printable(c.branch)} />
          <Line label="本人・家族の別" value={null} />
          <Line label="勤務先 (事業所名)" value={null} />
          <Line label="資格を取得した日 (わかれば)" value={null} />
        </tbody>
      </table>
      <table className="decl-table decl-sign">
        <tbody>
          <Line label="記入日" value={formatWareki(visitDate)} />
          <Line label="署名" value={null} />
        </tbody>
      </table>
      <p className="decl-foot">
        この申立書は、オンライン資格確認で資格を確認できなかったときに、受診時点の資格を確認するために使います。
      </p>
    </div>
  );
}
