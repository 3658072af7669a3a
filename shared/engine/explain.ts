// Japanese texts of a decision: `explanation` (why, for the receptionist) and `tellPatient` (what
// to say to the patient now and for next time). Both can be read aloud as they are. Built from the
// observation and what the rule book established (./facts.ts) — never from `hindsight`.
import type { PublicExpenseReason } from '../enums';
import { isNationalProgram, NATIONAL_SHARE, type Programme } from '../kohi';
import {
  copayWari,
  DOCUMENT_JA,
  FAILURE_JA,
  INSURER_JA,
  patientPaysJa,
  PREFECTURE_JA,
  PROGRAM_JA,
  PUBLIC_EXPENSE_BASIS_JA,
  WELFARE_ROUTE_JA,
} from '../labels';
import type { ObservedCoverage, ObservedDocOf } from '../observation/types';
import { LEGACY_LAST, WELFARE_ONLINE_START } from '../timeline';
import { formatWareki } from '../wareki';
import { certGraceEnd, legacyExpiry } from './documents';
import type { DocEval, Facts } from './facts';

const W = formatWareki;
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** A programme's share in words (R21, R22). */
function shareJa(p: Programme): string {
  if (isNationalProgram(p.program)) return `${copayWari(NATIONAL_SHARE[p.program])}負担`;
  if (p.share === null || p.share === 'none') return '自己負担なし';
  return 'percent' in p.share ? `${copayWari(p.share.percent)}負担` : `1回${yen(p.share.perVisitYen)}`;
}

/** Why a programme was not applied, for the receptionist (one sentence per reason, table-driven). */
const NOT_APPLIED: Record<PublicExpenseReason, (p: Programme, clinicPref: string | null) => string> = {
  'not-valid': (p) =>
    `${PROGRAM_JA[p.program]}の受給者証は有効期間${p.validFrom && p.validUntil ? ` (${W(p.validFrom)}〜${W(p.validUntil)})` : ''}外のため使えません。有効な受給者証を確認してください。`,
  'not-designated': (p) =>
    `当院は${PROGRAM_JA[p.program]}の受給者証に記載された指定医療機関ではないため、公費は使えません。`,
  'other-prefecture': (p, clinicPref) =>
    `${PROGRAM_JA[p.program]}の医療証は${p.prefecture ? PREFECTURE_JA[p.prefecture] : '交付した都道府県'}内でのみ使えます${clinicPref ? ` (当院は${clinicPref})` : ''}。`,
  'not-presented': (p) =>
    `${PROGRAM_JA[p.program]}の${isNationalProgram(p.program) ? '受給者証' : '医療証'}の提示がない (PMH でも確認できない) ため、本日は公費を適用できません。`,
  'not-insured': (p) => `保険診療ではないため、${PROGRAM_JA[p.program]}は使いません。`,
};

/** Why a coverage document did not qualify the visit, or null if it would have. */
function rejectionOf(e: DocEval, f: Facts): string | null {
  const name = DOCUMENT_JA[e.doc.kind];
  const D = f.o.visitDate;
  if (e.route === 'invalid') return `${name}: オンライン資格確認で資格(無効)と表示されました (資格喪失)。`;
  if (e.route === 'invalid-new') return `${name}: 資格(無効)と表示され、新しい資格があります。`;
  if (e.voidBy === 'age')
    return `${name}: 75歳の誕生日 (${W(f.periods.birthday75)}) からは後期高齢者医療以外の保険は使えません。`;
  if (e.voidBy === 'newer')
    return `${name} (${INSURER_JA[e.coverage.insurer]}): あとから加入した保険の書類があるため、前の保険のこの書類は使えません (一人が加入できる健康保険は一つです)。`;
  if (e.coverage.acquiredOn !== null && e.coverage.acquiredOn > D)
    return `${name}: 資格取得日 (${W(e.coverage.acquiredOn)}) より前は使えません。`;
  if (e.doc.kind === 'kakunin-sho' && D > e.doc.validUntil)
    return `${name}: 有効期限 (${W(e.doc.validUntil)}) を過ぎています。期限切れの資格確認書は暫定的な取扱いの対象外です。`;
  if (e.doc.kind === 'kakunin-sho' && D < (e.doc.validFrom ?? e.doc.issuedOn)) return `${name}: 有効開始日前です。`;
  if (e.doc.kind === 'legacy-card') {
    const end = legacyExpiry(e.doc, e.coverage);
    if (D > end) return `${name}: 有効期限 (${W(end)}) を過ぎています。`;
  }
  if (e.doc.kind === 'oshirase')
    return `${name}: お知らせだけでは資格確認できません (マイナンバーカードと一緒に使います)。`;
  return null;
}

export function explain(f: Facts): { explanation: string; tellPatient: string } {
  const { o, card, rule, deciding } = f;
  const D = o.visitDate;
  const ex: string[] = [];
  const tell: string[] = [];
  const ins = (c: ObservedCoverage | null) => (c ? INSURER_JA[c.insurer] : '');
  const deviceJa = card?.device === 'smartphone' ? 'スマホのマイナ保険証' : 'マイナ保険証';
  const presented = (kind: string) => f.documents.some((d) => d.kind === kind);

  // 0. the two questions asked first (R25, R24)
  if (rule === 'R25') {
    workInjury(f, ex, tell);
    return { explanation: ex.join(''), tellPatient: tell.join('') };
  }
  if (o.cause === 'traffic')
    ex.push('交通事故のけがは健康保険で受診できます。保険者への「第三者行為による傷病届」の提出を案内します。');
  if (rule === 'R24') {
    ex.push('生活保護を受けていて健康保険に加入していないため、医療扶助で受け付けます (窓口負担なし)。');
    welfareConfirmation(f, ex);
  }

  // 1. how the qualification was (or was not) confirmed
  switch (rule) {
    case 'R3':
      if (!card) break;
      if (card.registeredAtDesk) ex.push('顔認証付きカードリーダーで保険証の利用登録を行いました。');
      if (card.pinFallback) ex.push('暗証番号がロックされているため、顔認証または目視確認モードで本人確認しました。');
      if (card.graceUsed && card.certExpiresOn !== null) {
        ex.push(
          `電子証明書の有効期限 (${W(card.certExpiresOn)}) は過ぎていますが、猶予期間 (${W(certGraceEnd(card.certExpiresOn, o.policy.certGraceBasis))}まで) のため資格確認できます。`,
        );
      }
      ex.push(`${deviceJa}でオンライン資格確認を行い、資格有効 (${ins(f.coverage)}) と確認できました。`);
      if (card.result === 'multiple')
        ex.push(
          '複数の資格が該当したため、どの保険で受診するか患者さんに確認してください (最も新しく取得した資格を表示しています)。',
        );
      ex.push(
        `負担割合はオンライン資格確認の結果により${copayWari(f.copay)}です。高齢受給者証や限度額適用認定証の提示は不要です。`,
      );
      break;
    case 'R5':
    case 'R1': {
      const d = deciding!;
      const until = d.doc.kind === 'kakunin-sho' ? d.doc.validUntil : null;
      ex.push(
        d.doc.kind === 'kakunin-sho'
          ? `資格確認書 (${ins(d.coverage)}、有効期限 ${W(until!)}) は有効期間内なので、それだけで資格確認できます。`
          : `保険証 (${ins(d.coverage)}) は有効期限内です。`,
      );
      if (d.route === 'valid') ex.push('記号・番号によるオンライン資格確認でも資格有効を確認しました。');
      if (d.route === 'not-found')
        ex.push(
          '記号・番号の照会では資格情報なしでしたが、書類が有効なので受け付けます (登録が遅れていることがあります)。',
        );
      break;
    }
    case 'R4':
      if (card?.result === 'failed')
        ex.push(`${deviceJa}での資格確認ができなかったため (${FAILURE_JA[card.failure!]})、`);
      else if (!o.clinic.onlineCheck) ex.push('オンライン資格確認ができない医療機関のため、');
      ex.push(
        deciding
          ? `マイナンバーカードと資格情報のお知らせ (${ins(deciding.coverage)}) で資格を確認しました。`
          : `マイナンバーカードとマイナポータルの資格情報${f.portal?.form === 'pdf' ? 'PDF' : f.portal?.form === 'screenshot' ? 'のスクリーンショット' : '画面'} (${ins(f.coverage)}) で資格を確認しました。`,
      );
      break;
    case 'R2': {
      const d = deciding!;
      const what =
        d.doc.kind === 'legacy-card' ? '有効期限切れの保険証' : 'マイナンバーカードのない資格情報のお知らせのみ';
      ex.push(`${what}ですが、暫定的な取扱い (${W(f.interim![0])}〜${W(f.interim![1])}) の期間内です。`);
      ex.push(
        d.route === 'valid'
          ? '記号・番号によるオンライン資格確認で資格有効を確認できたため、通常の負担割合で受け付けます。'
          : '保険者への照会など、ほかの方法で資格を確認したものとして通常の負担割合で受け付けます (設定: オンライン資格確認なしでも可)。',
      );
      break;
    }
    case 'R9': {
      if (card?.result === 'failed')
        ex.push(`${deviceJa}での資格確認ができませんでした (${FAILURE_JA[card.failure!]})。`);
      else
        ex.push(`オンライン資格確認の結果は「${card?.result === 'invalid' ? '資格(無効)' : '資格情報なし'}」でした。`);
      if (!f.declarationForm) {
        ex.push('再診のため、前回から保険に変更がないことを口頭で確認し、診療録の資格情報で通常どおり受け付けます。');
      } else {
        ex.push(
          'マイナンバーカードで本人確認のうえ、被保険者資格申立書に記入してもらい、申告に基づく負担割合で受け付けます。',
        );
        ex.push(
          f.billing === 'old-qualification'
            ? `喪失済みの資格 (${ins(f.coverage)}) が表示されたため、旧資格で請求します。`
            : '後日あらためて資格確認してから請求します (見つからない場合は不詳請求: 保険者番号 77777777、検証番号が必要な場合は 77777779)。',
        );
      }
      break;
    }
    case 'R11':
      ex.push('有効な資格確認の手段がないため、自費 (10割) でお預かりします。');
      if (f.evals.some((e) => e.route === 'valid')) {
        ex.push(
          '記号・番号による照会では資格有効と表示されますが、提示された書類そのものが今日は使えないため、保険診療にはできません。',
        );
      }
      if (card?.result === 'failed' && card.failure)
        ex.push(`${deviceJa}は読み取れませんでした (${FAILURE_JA[card.failure]})。`);
      if (card?.failure === 'no-phone-reader' && !presented('myna-card')) {
        ex.push('カード本体がないため本人確認もできません。');
      }
      if (presented('myna-card') && !card?.registered)
        ex.push('マイナンバーカードが保険証として利用登録されていません。');
      if (presented('myna-card') && !o.clinic.onlineCheck && !presented('oshirase') && !presented('mynaportal')) {
        ex.push(
          'オンライン資格確認がないため、カードだけでは資格を確認できません (お知らせかマイナポータルの画面が必要です)。',
        );
      }
      break;
    default:
      break;
  }
  if (card?.registrationCertExpired && card.certExpiresOn !== null)
    ex.push(
      `電子証明書の有効期限 (${W(card.certExpiresOn)}) が切れているため、カードリーダーで保険証の利用登録ができません (猶予期間は登録には使えません)。`,
    );
  if (f.screenRefused)
    ex.push(
      '電子証明書の有効期限が切れているため、マイナポータルにログインできず資格情報画面は使えません (前に保存した PDF なら使えます)。',
    );
  // documents that did not count (only those not already explained)
  for (const e of f.evals) {
    if (e === deciding) continue;
    const why = rejectionOf(e, f);
    if (why && !(rule === 'R3' && e.route === 'valid')) ex.push(why);
  }
  if (rule === 'R11' && f.interim === null) {
    // a 保険証 or お知らせ of the insurance the patient says they hold now
    const expired = f.evals.find((e) => e.doc.kind !== 'kakunin-sho' && o.patient.insurance?.includes(e.coverage.id));
    if (expired) {
      const pol = o.policy;
      if (D > pol.interimEnd) ex.push(`暫定的な取扱いは${W(pol.interimEnd)}で終了しています。`);
      else if (pol.interimNeedsOnlineCheck && expired.route === 'not-run')
        ex.push('暫定的な取扱いにはオンライン資格確認での照会が必要です。');
    }
  }

  // 2. copay, and the public shares on top (R21–R24)
  if (f.verdict !== 'self-pay' && f.verdict !== 'public-assistance') {
    if (f.elderlyCardNeeded) {
      ex.push(
        f.elderlyCard
          ? `70〜74歳のため高齢受給者証を確認し、その負担割合 (${copayWari(f.copay)}) を適用します。`
          : '70〜74歳のため高齢受給者証が必要ですが提示がありません。いったん3割でお預かりし、提示されたときに差額を精算します。',
      );
    } else if (rule !== 'R3') {
      ex.push(`負担割合は${copayWari(f.copay)}です。`);
    }
  }
  publicShareTexts(f, ex, tell);
  if (f.limitNeeded) {
    ex.push(
      f.limitNeeded === 'kakunin-with-limit'
        ? '限度額の適用には、区分が記載された後期高齢者医療の資格確認書が必要です (後期の限度額適用認定証は新規交付終了)。'
        : '限度額の適用には限度額適用認定証が必要です。',
    );
  }
  if (f.lagging) {
    ex.push(
      `資格取得届 (${W(f.lagging.filedOn)}提出) から登録まで数営業日かかるため、まだオンライン資格確認に反映されていません (${W(f.lagging.registeredOn)}ごろ反映の見込み)。`,
    );
  }
  if (f.r6)
    ex.push(
      '後期高齢者医療の加入者には、2026年7月31日まで全員に資格確認書が交付されています。資格確認書をお持ちでないか確認してください。',
    );
  if (f.verdict === 'self-pay' && o.visitType === 'return')
    ex.push('再診の患者さんは、医療機関の判断で通常の負担割合とすることもできます。');

  // 3. what to tell the patient
  if (f.verdict === 'public-assistance') {
    tell.push('本日は医療扶助で受診いただけます。窓口でのお支払いはありません。');
    if (f.shares.welfare?.basis === 'pending')
      tell.push(
        '医療券の確認のため、こちらから福祉事務所に連絡します。次回からは受診前に担当のケースワーカーにご連絡ください。',
      );
  } else if (f.verdict === 'self-pay') {
    tell.push(
      '本日は保険の資格を確認できないため、医療費は全額 (10割) のご負担になります。後日、加入している保険者に申請すると、保険給付分の払い戻し (療養費) を受けられます。',
    );
    tell.push(`次回は${whatToBring(f)}をお持ちください。`);
  } else {
    tell.push(
      f.verdict === 'insured-interim'
        ? '本日は暫定的な取扱いで保険診療とします。'
        : f.verdict === 'insured-declaration'
          ? 'マイナ保険証で資格を確認できませんでしたが、本日は保険診療として受け付けます。'
          : '保険の資格を確認できました。',
    );
    if (f.declarationForm) tell.push('お手数ですが、こちらの被保険者資格申立書にご記入ください。');
    if (rule === 'R9' && !f.declarationForm) tell.push('前回から保険証の内容に変更がないか確認させてください。');
    const pays = f.shares.patientPays;
    tell.push(
      f.copayBasis === 'provisional'
        ? '本日はいったん3割でお預かりします。'
        : `本日の負担割合は${copayWari(f.copay)}です。`,
    );
    if (pays.percent !== f.copay || pays.perVisitYen !== null || pays.capReached)
      tell.push(`公費により、窓口でのお支払いは${patientPaysJa(pays)}です。`);
    if (f.verdict === 'insured-interim') {
      tell.push(
        `${W(f.interim![1])}を過ぎると、この書類だけでは受診できません。次回はマイナ保険証か資格確認書をお持ちください。`,
      );
    }
    if (rule === 'R1' && D <= LEGACY_LAST && deciding) {
      tell.push(
        `お持ちの保険証は${W(legacyExpiry(deciding.doc as ObservedDocOf<'legacy-card'>, deciding.coverage))}まで使えます。その後はマイナ保険証か資格確認書をお持ちください。`,
      );
    }
  }
  if (f.elderlyCardNeeded && !f.elderlyCard && f.verdict !== 'self-pay')
    tell.push('高齢受給者証をお持ちでしたら次回ご提示ください。ご提示いただいたときに差額を精算します。');
  if (f.limitNeeded === 'limit-cert')
    tell.push('限度額適用認定証をお持ちでしたらご提示ください (ない場合は保険者に申請できます)。');
  if (f.limitNeeded === 'kakunin-with-limit')
    tell.push('限度額の区分が記載された資格確認書を広域連合に申請してください。');
  if (f.billing === 'old-qualification' || f.evals.some((e) => e.route === 'invalid-new')) {
    tell.push('保険が変わった場合は、新しい保険のマイナ保険証か資格確認書をお持ちください。');
  }
  if (f.lagging)
    tell.push('新しい保険の登録には数日かかることがあります。次回の受診時にあらためて確認させてください。');
  if (f.r8 && card)
    tell.push('マイナンバーカードの電子証明書の有効期限が切れています。お早めにお住まいの市区町村で更新してください。');
  if (card?.pinFallback) tell.push('暗証番号のロックは市区町村の窓口で解除できます。');
  if (card?.device === 'smartphone' && o.visitType === 'first' && f.verdict !== 'self-pay')
    tell.push('初めての受診のときは、マイナンバーカード本体もお持ちください。');
  if (o.cause === 'traffic')
    tell.push(
      '交通事故のけがで健康保険を使うときは、加入している保険者に「第三者行為による傷病届」を提出してください。',
    );
  if (dependentEnded(f))
    tell.push(
      'ご家族 (被保険者) の退職や75歳の誕生日などで扶養から外れた場合は、お住まいの市区町村で国民健康保険の加入手続きをしてください。',
    );
  return { explanation: ex.join(''), tellPatient: tell.join('') };
}

/** R26: a dependent's coverage that the online system or a later document showed to have ended. */
function dependentEnded(f: Facts): boolean {
  const ended = (c: ObservedCoverage | null) => c?.role === 'dependent';
  return (
    (f.billing === 'old-qualification' && ended(f.coverage)) ||
    f.evals.some((e) => e.voidKnown && e.voidBy !== 'age' && ended(e.coverage)) ||
    (f.card?.result === 'invalid' && f.card.shows.some((id) => ended(f.o.coverages.find((c) => c.id === id) ?? null)))
  );
}

/** R25: a work or commuting injury. */
function workInjury(f: Facts, ex: string[], tell: string[]): void {
  const commute = f.o.cause === 'commute';
  const what = commute ? '通勤中' : '仕事中';
  ex.push(`${what}のけがには健康保険を使えません (健康保険法第1条)。`);
  if (f.verdict === 'workers-comp') {
    const form = commute ? '様式第16号の3' : '様式第5号';
    ex.push('労災保険で受け付けます (窓口負担なし)。');
    if (f.rousaiFormNeeded)
      ex.push(
        `労災の請求書 (${form}) がまだないため、${f.deposit ? '10割を預かり金としてお預かりし、請求書が届いたら返金します' : '請求書が届くまで窓口での請求は保留します'}。`,
      );
    tell.push(`${what}のけがには健康保険が使えないため、労災保険で受診していただきます。`);
    if (f.rousaiFormNeeded) {
      tell.push(`勤務先で労災の請求書 (${form}) に記入してもらい、お持ちください。`);
      if (f.deposit)
        tell.push('本日は医療費の全額 (10割) を預かり金としてお預かりし、請求書をお持ちいただいたときにお返しします。');
    } else tell.push('窓口でのお支払いはありません。');
  } else {
    const form = commute ? '様式第16号の5' : '様式第7号';
    ex.push(`当院は労災指定医療機関ではないため、労災保険の窓口での扱いができません。自費 (10割) でお預かりします。`);
    tell.push(
      `当院は労災指定医療機関ではないため、本日は医療費の全額 (10割) をお支払いください。労災の請求書 (${form}) に領収書を添えて労働基準監督署に請求すると、払い戻しを受けられます。`,
    );
  }
}

/** R24: how 医療扶助 was confirmed (the online check, the 医療券, or a call to the 福祉事務所). */
function welfareConfirmation(f: Facts, ex: string[]): void {
  const { o } = f;
  const basis = f.shares.welfare?.basis;
  if (basis === 'online') {
    ex.push('マイナンバーカードで医療扶助のオンライン資格確認を行い、今月の医療券情報を確認しました。');
    return;
  }
  if (o.welfareRoute === 'not-found')
    ex.push('医療扶助のオンライン資格確認では医療券情報がありませんでした (福祉事務所で未登録)。');
  else if (o.welfareRoute === 'failed')
    ex.push(
      `マイナンバーカードで医療扶助のオンライン資格確認ができませんでした${f.card?.failure ? ` (${FAILURE_JA[f.card.failure]})` : ''}。`,
    );
  else if (o.clinic.onlineCheck && o.visitDate < WELFARE_ONLINE_START)
    ex.push(`医療扶助のオンライン資格確認は${W(WELFARE_ONLINE_START)}からです。`);
  else if (o.clinic.onlineCheck && !o.clinic.welfareOnline)
    ex.push('当院は医療扶助のオンライン資格確認を導入していません。');
  else if (o.clinic.onlineCheck && !f.documents.some((d) => d.kind === 'myna-card'))
    ex.push(`医療扶助のオンライン資格確認にはマイナンバーカード本体が必要です (${WELFARE_ROUTE_JA['not-run']})。`);
  if (basis === 'document') {
    ex.push('今月の当院あての医療券で確認しました。');
    return;
  }
  const t = f.shares.unusableTicket;
  if (t)
    ex.push(
      `提示された医療券は${t.forThisClinic ? `${t.month.replace('-', '年')}月分` : '他の医療機関あて'}のため使えません。`,
    );
  ex.push('福祉事務所に連絡して医療券 (今月・当院あて) を確認してください。医療扶助なので窓口負担はありません。');
}

/** R21–R24 as public shares: each programme applied or not, and what the patient pays after them. */
function publicShareTexts(f: Facts, ex: string[], tell: string[]): void {
  const insured = f.verdict === 'insured' || f.verdict === 'insured-interim' || f.verdict === 'insured-declaration';
  const clinicPref = f.o.clinic.prefecture ? PREFECTURE_JA[f.o.clinic.prefecture] : null;
  for (const { programme: p, entry } of f.shares.programmes) {
    if (entry.applied) {
      ex.push(`${PROGRAM_JA[p.program]} (${PUBLIC_EXPENSE_BASIS_JA[entry.basis!]}) を適用します: ${shareJa(p)}。`);
      if (isNationalProgram(p.program) && p.monthlyCapYen !== null)
        ex.push(
          (p.paidThisMonthYen ?? 0) >= p.monthlyCapYen
            ? `今月の自己負担上限額 (${yen(p.monthlyCapYen)}) に達しています (上限額管理票)。`
            : `月額上限 ${yen(p.monthlyCapYen)} (今月 ${yen(p.paidThisMonthYen ?? 0)} 支払済)。上限額管理票に記入してください。`,
        );
      continue;
    }
    if (!insured && f.verdict !== 'public-assistance') continue;
    ex.push(NOT_APPLIED[entry.reason!](p, clinicPref));
    const local = !isNationalProgram(p.program);
    if (entry.reason === 'other-prefecture' && p.prefecture)
      tell.push(
        `医療証は${PREFECTURE_JA[p.prefecture]}内でのみ使えます。本日は${copayWari(f.copay)}をお支払いいただき、お住まいの市区町村の窓口で払い戻しを申請してください。`,
      );
    else if (entry.reason === 'not-presented')
      tell.push(
        local
          ? `医療証をお持ちでないため、本日は${copayWari(f.copay)}をお支払いください。後日、領収書と医療証を市区町村の窓口に持参すると払い戻しを受けられます。`
          : `${PROGRAM_JA[p.program]}の受給者証を次回お持ちください。`,
      );
    else if (entry.reason === 'not-valid')
      tell.push(`${PROGRAM_JA[p.program]}の受給者証の有効期間が切れています。更新の手続きを確認してください。`);
  }
  if (insured && f.shares.welfare) {
    ex.push(
      `生活保護を受けていますが${f.coverage ? `${INSURER_JA[f.coverage.insurer]}に` : '健康保険に'}加入しているため、健康保険で受け付け、自己負担分は医療扶助 (公費) が負担します。`,
    );
    welfareConfirmation(f, ex);
  }
  const pays = f.shares.patientPays;
  if (insured && (pays.percent !== f.copay || pays.perVisitYen !== null || pays.capReached))
    ex.push(`窓口負担は${patientPaysJa(pays)}です。`);
}

/** What to bring next time, for a patient who was turned away. */
function whatToBring(f: Facts): string {
  const presented = (kind: string) => f.documents.some((d) => d.kind === kind);
  if (f.r6) return '後期高齢者医療の資格確認書 (加入者全員に郵送されています)';
  if (f.card?.failure === 'no-phone-reader') return 'マイナンバーカード本体';
  if (f.evals.some((e) => e.route === 'invalid' || e.route === 'invalid-new' || e.voidKnown)) {
    return '新しい保険のマイナ保険証か資格確認書';
  }
  if (presented('oshirase') && !presented('myna-card')) {
    return 'マイナンバーカード (資格情報のお知らせと一緒に)、または資格確認書';
  }
  if (presented('myna-card') && !f.o.clinic.onlineCheck) {
    return 'マイナンバーカードと資格情報のお知らせ (またはマイナポータルの資格情報画面)、または資格確認書';
  }
  return 'マイナ保険証か資格確認書';
}
