// Japanese texts of a decision: `explanation` (why, for the receptionist) and `tellPatient` (what
// to say to the patient now and for next time). Both can be read aloud as they are. Built from the
// observation and what the rule book established (./facts.ts) — never from `hindsight`.
import type { Decision } from '../decision';
import type { CheckFailure, PublicExpenseReason } from '../enums';
import { isNationalProgram, NATIONAL_SHARE, type Programme } from '../kohi';
import {
  copayWari,
  DOCUMENT_JA,
  failureJa,
  INSURER_JA,
  limitCertJa,
  patientPaysJa,
  PREFECTURE_JA,
  PROGRAM_JA,
  PUBLIC_EXPENSE_BASIS_JA,
  WELFARE_ROUTE_JA,
} from '../labels';
import type { ObservedCoverage, ObservedDocOf } from '../observation/types';
import { KOUKI_ALL_KAKUNIN_END, KOUKI_OSHIRASE_START, LEGACY_LAST, WELFARE_ONLINE_START } from '../timeline';
import { formatWareki } from '../wareki';
import { inElderlyPeriod } from './age';
import { certGraceEnd, kakuninStart, legacyExpiry } from './documents';
import type { DocEval, Facts, LimitCover } from './facts';

const W = formatWareki;
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** A programme's share in words (R21, R22). */
function shareJa(p: Programme): string {
  if (isNationalProgram(p.program)) return `${copayWari(NATIONAL_SHARE[p.program])}負担`;
  if (p.share === null || p.share === 'none') return '自己負担なし';
  return 'percent' in p.share ? `${copayWari(p.share.percent)}負担` : `1回${yen(p.share.perVisitYen)}`;
}

/** A programme's paper: 受給者証 (national programmes, R21) or 医療証 (local ones, R22). */
const certOf = (p: Programme) => (isNationalProgram(p.program) ? '受給者証' : '医療証');

/** Why a programme was not applied, for the receptionist (one sentence per reason, table-driven). */
const NOT_APPLIED: Record<PublicExpenseReason, (p: Programme, clinicPref: string | null) => string> = {
  'not-valid': (p) =>
    `${PROGRAM_JA[p.program]}の${certOf(p)}は有効期間${p.validFrom && p.validUntil ? ` (${W(p.validFrom)}〜${W(p.validUntil)})` : ''}外のため使えません。有効な${certOf(p)}を確認してください。`,
  'not-designated': (p) =>
    `当院は${PROGRAM_JA[p.program]}の受給者証に記載された指定医療機関ではないため、公費は使えません。`,
  'other-prefecture': (p, clinicPref) =>
    `${PROGRAM_JA[p.program]}の医療証は${p.prefecture ? PREFECTURE_JA[p.prefecture] : '交付した都道府県'}内でのみ使えます${clinicPref ? ` (当院は${clinicPref})` : ''}。`,
  'not-presented': (p) =>
    `${PROGRAM_JA[p.program]}の${certOf(p)}の提示がない (PMH でも確認できない) ため、本日は公費を適用できません。`,
  'not-insured': (p) => `保険診療ではないため、${PROGRAM_JA[p.program]}は使いません。`,
};

/** Why no 限度額 document is needed (R13), for the receptionist; `online` is said with R3. */
const LIMIT_COVERED: Record<Exclude<LimitCover, 'online'>, (f: Facts) => string> = {
  consent: (f) => `記号・番号の照会で、ご本人の同意を得て限度額区分を確認できるため、${limitCertOf(f)}は不要です。`,
  kakunin: (f) => `資格確認書に限度額区分が記載されているため、${limitCertOf(f)}は不要です。`,
  cert: (f) => {
    const cert = f.documents.find(
      (d): d is ObservedDocOf<'limit-cert'> =>
        d.kind === 'limit-cert' && (d.validUntil === null || d.validUntil >= f.o.visitDate),
    )!;
    return `${limitCertJa(cert.category)} (区分: ${cert.category}) を確認しました。`;
  },
  bracket: (f) =>
    `限度額区分が「${f.limitCategory}」の方には認定証が交付されないため、提示は不要です (区分はご本人に確認します)。`,
};

/** The 限度額 certificate this patient would need (後期 issues none since 2024-12-02: 「認定証」). */
const limitCertOf = (f: Facts) => (f.coverage?.insurer === 'kouki' ? '認定証' : limitCertJa(f.limitCategory));

/** A 保険証 printed valid beyond LEGACY_LAST (R1): why it ends earlier, or null. */
function legacyCut(doc: ObservedDocOf<'legacy-card'>): string | null {
  return doc.printedExpiry !== null && doc.printedExpiry > LEGACY_LAST
    ? `保険証に印字された有効期限は${W(doc.printedExpiry)}ですが、保険証は経過措置で${W(LEGACY_LAST)}までしか使えません。`
    : null;
}

/** Why a coverage document did not qualify the visit, or null if it would have. */
function rejectionOf(e: DocEval, f: Facts): string | null {
  const name = `${DOCUMENT_JA[e.doc.kind]} (${INSURER_JA[e.coverage.insurer]})`;
  const D = f.o.visitDate;
  if (e.route === 'invalid') return `${name}: オンライン資格確認で資格(無効)と表示されました (資格喪失)。`;
  if (e.route === 'invalid-new') return `${name}: 資格(無効)と表示され、新しい資格があります。`;
  if (e.voidBy === 'age')
    return `${name}: 75歳の誕生日 (${W(f.periods.birthday75)}) からは後期高齢者医療以外の保険は使えません。`;
  if (e.voidBy === 'newer')
    return `${name}: あとから加入した保険の書類があるため、前の保険のこの書類は使えません (一人が加入できる健康保険は一つです)。`;
  if (e.coverage.acquiredOn !== null && e.coverage.acquiredOn > D)
    return `${name}: 資格取得日 (${W(e.coverage.acquiredOn)}) より前は使えません。`;
  if (e.doc.kind === 'kakunin-sho' && D > e.doc.validUntil)
    return `${name}: 有効期限 (${W(e.doc.validUntil)}) を過ぎています。期限切れの資格確認書は暫定的な取扱いの対象外です。`;
  if (e.doc.kind === 'kakunin-sho' && D < (e.doc.validFrom ?? e.doc.issuedOn))
    return `${name}: 有効開始日 (${W(e.doc.validFrom ?? e.doc.issuedOn)}) 前です。`;
  if (e.doc.kind === 'legacy-card') {
    const end = legacyExpiry(e.doc, e.coverage);
    if (D > end) return `${name}: ${legacyCut(e.doc) ?? `有効期限 (${W(end)}) を過ぎています。`}`;
  }
  if (e.doc.kind === 'oshirase')
    return `${name}: お知らせだけでは資格確認できません (マイナンバーカードと一緒に使います)。`;
  return null;
}

/** The visit's copay, with the reason where the age or the insurer sets it (R15). */
function copayJa(f: Facts): string {
  const w = copayWari(f.copay);
  const D = f.o.visitDate;
  if (f.copayBasis !== 'declared' && f.coverage?.insurer === 'kouki')
    return `後期高齢者医療のため負担割合は${w}です (所得に応じて1〜3割)。`;
  if (D <= f.periods.preschoolEnd) return `未就学児のため負担割合は${w}です。`;
  if (inElderlyPeriod(f.periods, D)) return `70〜74歳のため負担割合は${w}です。`;
  return `負担割合は${w}です。`;
}

/** An 高齢受給者証's validity in words: 「令和8年8月1日から令和9年7月31日まで」. */
const validityJa = (c: ObservedDocOf<'elderly-card'>) =>
  `${c.validFrom ? `${W(c.validFrom)}から` : ''}${c.validUntil ? `${W(c.validUntil)}まで` : '期限の記載なし'}`;

/** The presented 高齢受給者証 that is not valid on D (the latest one), when none is. */
function staleElderlyCard(f: Facts): string | null {
  const cards = f.documents.filter((d): d is ObservedDocOf<'elderly-card'> => d.kind === 'elderly-card');
  const last = cards.sort((a, b) => ((a.validUntil ?? '9999') < (b.validUntil ?? '9999') ? 1 : -1))[0];
  if (!last) return null;
  if (last.validUntil !== null && last.validUntil < f.o.visitDate)
    return `有効期限 (${W(last.validUntil)}) を過ぎています`;
  return `${W(last.validFrom!)}からのもので、本日はまだ使えません`;
}

/** The latest presented 限度額適用認定証 (called when one is still needed: none was valid on D, R13). */
function staleLimitCert(f: Facts): ObservedDocOf<'limit-cert'> | null {
  const certs = f.documents.filter((d): d is ObservedDocOf<'limit-cert'> => d.kind === 'limit-cert');
  return certs.sort((a, b) => ((a.validUntil ?? '9999') < (b.validUntil ?? '9999') ? 1 : -1))[0] ?? null;
}

/** What the patient pays after the public shares, as a sentence. */
function paysJa(f: Facts, forPatient: boolean): string {
  const pays = f.shares.patientPays;
  if (pays.capReached)
    return forPatient
      ? '公費の今月の上限額に達しているため、窓口でのお支払いはありません。'
      : '今月の上限額に達しているため、窓口負担はありません。';
  if (pays.percent === 0 && pays.perVisitYen === null && !pays.deposit)
    return forPatient ? '公費により、窓口でのお支払いはありません。' : '公費により、窓口負担はありません。';
  return forPatient
    ? `公費により、窓口でのお支払いは${patientPaysJa(pays)}です。`
    : `窓口負担は${patientPaysJa(pays)}です。`;
}

export function explain(f: Facts): { explanation: string; tellPatient: string } {
  const { o, card, rule, deciding } = f;
  const D = o.visitDate;
  const ex: string[] = [];
  const tell: string[] = [];
  const ins = (c: ObservedCoverage | null) => (c ? INSURER_JA[c.insurer] : '');
  const deviceJa = card?.device === 'smartphone' ? 'スマホのマイナ保険証' : 'マイナ保険証';
  const presented = (kind: string) => f.documents.some((d) => d.kind === kind);
  const failure = (x: CheckFailure) => failureJa(x, D);
  const insured = f.verdict === 'insured' || f.verdict === 'insured-interim' || f.verdict === 'insured-declaration';
  /** the online system (or, for R2, the insurer) confirmed the qualification today; else it was accepted on a document */
  const confirmed =
    rule === 'R3' || rule === 'R2' || deciding?.route === 'valid' || (rule === 'R4' && f.portal?.form === 'screen');
  /** the patient says they hold no health insurance now */
  const noInsurance = o.patient.insurance !== null && o.patient.insurance.length === 0 && o.patient.onWelfare !== true;

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
    case 'R3': {
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
      ex.push(`負担割合はオンライン資格確認の結果により${copayWari(f.copay)}です。`);
      // only the papers this patient could have needed (R7: 70–74 outside 後期; R13: a visit that needs the ceiling)
      const notNeeded = [
        ...(f.coverage?.insurer !== 'kouki' && inElderlyPeriod(f.periods, D) ? [DOCUMENT_JA['elderly-card']] : []),
        ...(f.limitCovered === 'online' ? [limitCertJa(f.limitCategory)] : []),
      ];
      if (notNeeded.length > 0) ex.push(`${notNeeded.join('や')}の提示は不要です (オンライン資格確認で確認できます)。`);
      break;
    }
    case 'R5':
    case 'R1': {
      const d = deciding!;
      if (d.doc.kind === 'kakunin-sho') {
        ex.push(`資格確認書 (${ins(d.coverage)}、有効期限 ${W(d.doc.validUntil)}) は有効期間内です。`);
      } else {
        const legacy = d.doc as ObservedDocOf<'legacy-card'>;
        ex.push(`保険証 (${ins(d.coverage)}) は有効期限 (${W(legacyExpiry(legacy, d.coverage))}) 内です。`);
        const cut = legacyCut(legacy);
        if (cut) ex.push(cut);
      }
      if (d.route === 'valid') ex.push('記号・番号によるオンライン資格確認でも資格有効を確認しました。');
      if (d.route === 'not-found')
        ex.push(
          '記号・番号の照会では資格情報なしでしたが、書類が有効なので受け付けます (登録が遅れていることがあります)。',
        );
      break;
    }
    case 'R4':
      if (card?.result === 'failed') ex.push(`${deviceJa}での資格確認ができなかったため (${failure(card.failure!)})、`);
      else if (!o.clinic.onlineCheck) ex.push('オンライン資格確認ができない医療機関のため、');
      ex.push(
        deciding
          ? `マイナンバーカードと資格情報のお知らせ (${ins(deciding.coverage)}) で資格を確認しました。`
          : `マイナンバーカードとマイナポータルの資格情報${f.portal?.form === 'pdf' ? 'PDF' : f.portal?.form === 'screenshot' ? 'のスクリーンショット' : '画面'} (${ins(f.coverage)}${f.portal?.form === 'pdf' ? `、${W(f.portal.savedOn ?? D)}に保存` : ''}) で資格を確認しました。`,
      );
      break;
    case 'R2': {
      const d = deciding!;
      const what =
        d.doc.kind === 'legacy-card' ? '有効期限切れの保険証' : 'マイナンバーカードのない資格情報のお知らせのみ';
      ex.push(`${what}ですが、暫定的な取扱い (${W(f.interim![0])}〜${W(f.interim![1])}) の期間内です。`);
      const cut = d.doc.kind === 'legacy-card' ? legacyCut(d.doc) : null;
      if (cut) ex.push(cut);
      ex.push(
        d.route === 'valid'
          ? '記号・番号によるオンライン資格確認で資格有効を確認できたため、通常の負担割合で受け付けます。'
          : '保険者への照会など、ほかの方法で資格を確認したものとして通常の負担割合で受け付けます (設定: オンライン資格確認なしでも可)。',
      );
      break;
    }
    case 'R9': {
      if (card?.result === 'failed') ex.push(`${deviceJa}での資格確認ができませんでした (${failure(card.failure!)})。`);
      else
        ex.push(`オンライン資格確認の結果は「${card?.result === 'invalid' ? '資格(無効)' : '資格情報なし'}」でした。`);
      if (!f.declarationForm) {
        ex.push('再診のため、前回から保険に変更がないことを口頭で確認し、診療録の資格情報で通常どおり受け付けます。');
      } else {
        const id = card?.device === 'smartphone' ? 'スマホのマイナ保険証' : 'マイナンバーカード';
        ex.push(
          presented('declaration')
            ? `${id}で本人確認のうえ、記入済みの被保険者資格申立書を受け取り、申告に基づく負担割合で受け付けます。`
            : `${id}で本人確認のうえ、被保険者資格申立書に記入してもらい、申告に基づく負担割合で受け付けます。`,
        );
        ex.push(
          f.billing === 'old-qualification'
            ? `喪失済みの資格 (${ins(f.coverage)}) が表示されたため、旧資格で請求します。`
            : '後日あらためて資格確認してから請求します (見つからない場合は不詳請求: 保険者番号 77777777、検証番号が必要な場合は 77777779)。',
        );
      }
      break;
    }
    case 'R11': {
      ex.push('有効な資格確認の手段がないため、自費 (10割) でお預かりします。');
      if (f.evals.some((e) => e.route === 'valid')) {
        ex.push(
          '記号・番号による照会では資格有効と表示されますが、提示された書類そのものが今日は使えないため、保険診療にはできません。',
        );
      }
      if (card?.result === 'failed' && card.failure)
        ex.push(`${deviceJa}は読み取れませんでした (${failure(card.failure)})。`);
      if (card?.failure === 'no-phone-reader' && !presented('myna-card')) {
        ex.push('カード本体がないため本人確認もできません。');
      }
      // the reader did not say so (it failed or was not used): the desk knows it from the patient
      if (presented('myna-card') && !card?.registered && card?.failure !== 'not-registered')
        ex.push('ご本人の申告では、マイナンバーカードを保険証として利用登録していません。');
      const portal = f.documents.find((d): d is ObservedDocOf<'mynaportal'> => d.kind === 'mynaportal');
      if (portal) {
        if (!presented('myna-card'))
          ex.push('マイナポータルの資格情報は、マイナンバーカード本体での本人確認と一緒でなければ使えません。');
        else if (!card?.registered)
          ex.push('マイナポータルの資格情報は、保険証として利用登録したマイナンバーカードと一緒に使います。');
        else if (portal.form === 'screenshot' && o.policy.portalScreenshot !== 'accept')
          ex.push(
            'マイナポータルのスクリーンショット・印刷は、当院の設定では資格確認に使えません (使えるのはスマホの画面か保存した PDF です)。',
          );
      }
      if (presented('myna-card') && !o.clinic.onlineCheck && !presented('oshirase') && !portal) {
        ex.push(
          'オンライン資格確認がないため、カードだけでは資格を確認できません (お知らせかマイナポータルの画面が必要です)。',
        );
      }
      break;
    }
    default:
      break;
  }
  // several documents of the deciding one's kind: which one was used (its insurer, and from when it is valid)
  const same = deciding ? f.evals.filter((e) => e.doc.kind === deciding.doc.kind) : [];
  if (deciding && same.length > 1) {
    const from =
      deciding.doc.kind === 'kakunin-sho'
        ? kakuninStart(deciding.doc, deciding.coverage)
        : deciding.coverage.acquiredOn;
    ex.push(
      `${DOCUMENT_JA[deciding.doc.kind]}が${same.length}枚あるため、本日使える${ins(deciding.coverage)}のもの${from ? ` (${W(from)}から有効)` : ''}を使います。`,
    );
  }
  // accepted on a document the desk could not check today (R12: the insurer may reclaim its share)
  if (insured && rule !== 'R9' && !confirmed && deciding?.route !== 'not-found')
    ex.push(
      'オンライン資格確認で本日の資格を確かめられないため、書類の記載どおりに受け付けます (資格を喪失していた場合は、保険者が給付分の返還を患者さんに求めることがあります)。',
    );
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
  if (insured) {
    if (f.elderlyCardNeeded) {
      const cards = f.documents.filter((d) => d.kind === 'elderly-card').length;
      const stale = f.elderlyCard ? null : staleElderlyCard(f);
      ex.push(
        f.elderlyCard
          ? cards > 1
            ? `70〜74歳のため高齢受給者証を確認し、${cards}枚のうち本日有効なもの (${validityJa(f.elderlyCard)}) の負担割合 (${copayWari(f.copay)}) を適用します。`
            : `70〜74歳のため高齢受給者証を確認し、その負担割合 (${copayWari(f.copay)}) を適用します。`
          : stale
            ? `70〜74歳のため高齢受給者証が必要ですが、提示された高齢受給者証は${stale}。いったん3割でお預かりし、有効な高齢受給者証が提示されたときに差額を精算します。`
            : '70〜74歳のため高齢受給者証が必要ですが提示がありません。いったん3割でお預かりし、提示されたときに差額を精算します。',
      );
    } else if (rule !== 'R3') {
      ex.push(copayJa(f));
    }
  }
  const shareTell = publicShareTexts(f, ex);
  const staleLimit = f.limitNeeded ? staleLimitCert(f) : null;
  if (f.limitNeeded) {
    if (staleLimit?.validUntil)
      ex.push(`提示された${DOCUMENT_JA['limit-cert']}は有効期限 (${W(staleLimit.validUntil)}) を過ぎています。`);
    ex.push(
      f.limitNeeded === 'kakunin-with-limit'
        ? '限度額の適用には、区分が記載された後期高齢者医療の資格確認書が必要です (後期の限度額適用認定証は新規交付終了)。'
        : `限度額の適用には${staleLimit ? '有効な' : ''}${limitCertJa(f.limitCategory)}が必要です。`,
    );
  } else if (f.limitCovered && f.limitCovered !== 'online') {
    ex.push(LIMIT_COVERED[f.limitCovered](f));
  }
  if (f.lagging) {
    ex.push(
      `資格取得届 (${W(f.lagging.filedOn)}提出) から登録まで数営業日かかるため、まだオンライン資格確認に反映されていません (${W(f.lagging.registeredOn)}ごろ反映の見込み)。`,
    );
  }
  if (f.r6)
    ex.push(
      `後期高齢者医療の加入者には、${W(KOUKI_ALL_KAKUNIN_END)}まで全員に資格確認書が交付されています。資格確認書をお持ちでないか確認してください。`,
    );
  if (f.verdict === 'self-pay' && o.visitType === 'return')
    ex.push('再診の患者さんは、医療機関の判断で通常の負担割合とすることもできます。');

  // 3. what to tell the patient — one piece of advice once: at most one 「…をお持ちください」 for next time
  const joinKokuho = dependentEnded(f)
    ? 'ご家族 (被保険者) の退職や75歳の誕生日などで扶養から外れた場合は、お住まいの市区町村で国民健康保険の加入手続きをしてください。'
    : 'お住まいの市区町村で国民健康保険の加入手続きをしてください。';
  let joinSaid = false;
  let bring: string | null = null;
  if (f.verdict === 'public-assistance') {
    tell.push('本日は医療扶助で受診いただけます。窓口でのお支払いはありません。');
    if (f.shares.welfare?.basis === 'pending')
      tell.push(
        '医療券の確認のため、こちらから福祉事務所に連絡します。次回からは受診前に担当のケースワーカーにご連絡ください。',
      );
  } else if (f.verdict === 'self-pay') {
    if (f.evals.some((e) => e.route === 'valid'))
      tell.push(
        'ご加入の保険は有効ですが、お持ちの書類は本日は使えないため、医療費は全額 (10割) のご負担になります。後日、ご加入の健康保険に申請すると、保険給付分の払い戻し (療養費) を受けられる場合があります。',
      );
    else if (noInsurance) {
      tell.push('現在ご加入の健康保険がないため、本日は医療費の全額 (10割) のご負担になります。');
      tell.push(joinKokuho);
      joinSaid = true;
      tell.push('加入後に申請すると、保険給付分の払い戻し (療養費) を受けられる場合があります。');
    } else
      tell.push(
        '本日は保険の資格を確認できないため、医療費は全額 (10割) のご負担になります。後日、ご加入の健康保険に申請すると、保険給付分の払い戻し (療養費) を受けられる場合があります。',
      );
    bring = `次回は${whatToBring(f)}をお持ちください。`;
  } else {
    tell.push(
      f.verdict === 'insured-interim'
        ? '本日は暫定的な取扱いで保険診療とします。'
        : f.verdict === 'insured-declaration'
          ? `${deviceJa}で資格を確認できませんでしたが、本日は保険診療として受け付けます。`
          : confirmed
            ? '保険の資格を確認できました。'
            : `本日はお持ちの${acceptedOn(f)}で保険診療として受け付けます。ご加入の保険が変わっていた場合はお知らせください (前の保険から、給付した分の返還を求められることがあります)。`,
    );
    if (f.declarationForm)
      tell.push(
        presented('declaration')
          ? 'ご記入いただいた被保険者資格申立書をお預かりします。'
          : 'お手数ですが、こちらの被保険者資格申立書にご記入ください。マイナンバー (個人番号) は書かないでください。',
      );
    if (rule === 'R9' && !f.declarationForm) tell.push('前回から保険証の内容に変更がないか確認させてください。');
    tell.push(
      f.copayBasis === 'provisional'
        ? '本日はいったん3割でお預かりします。'
        : `本日の負担割合は${copayWari(f.copay)}です。`,
    );
    const pays = f.shares.patientPays;
    if (pays.percent !== f.copay || pays.perVisitYen !== null || pays.capReached) tell.push(paysJa(f, true));
    if (f.verdict === 'insured-interim') {
      tell.push(`${W(f.interim![1])}を過ぎると、この書類だけでは保険診療を受けられません。`);
      bring = `次回は${nextDocs(f, false)}をお持ちください。`;
    }
    if (rule === 'R1' && D <= LEGACY_LAST && deciding) {
      tell.push(
        `お持ちの保険証は${W(legacyExpiry(deciding.doc as ObservedDocOf<'legacy-card'>, deciding.coverage))}まで使えます。`,
      );
      bring = `その後は${nextDocs(f, false)}をお持ちください。`;
    }
    if (f.billing === 'old-qualification' || f.evals.some((e) => e.route === 'invalid-new')) {
      if (noInsurance) {
        tell.push(joinKokuho);
        joinSaid = true;
        bring = `加入後は${nextDocs(f, true)}をお持ちください。`;
      } else bring = `保険が変わった場合は、${nextDocs(f, true)}をお持ちください。`;
    }
  }
  tell.push(...shareTell);
  if (bring) tell.push(bring);
  if (f.elderlyCardNeeded && !f.elderlyCard && insured)
    tell.push(
      staleElderlyCard(f)
        ? 'お持ちの高齢受給者証は本日は使えません。新しい高齢受給者証が届いていましたら次回ご提示ください。ご提示いただいたときに差額を精算します。'
        : '高齢受給者証をお持ちでしたら次回ご提示ください。ご提示いただいたときに差額を精算します。',
    );
  if (f.limitNeeded === 'limit-cert') {
    const name = limitCertJa(f.limitCategory);
    tell.push(
      staleLimit
        ? `お持ちの${DOCUMENT_JA['limit-cert']}は有効期限が切れています。新しい${name}をお持ちでしたらご提示ください (ない場合はご加入の健康保険に申請できます)。`
        : `${name}をお持ちでしたらご提示ください (ない場合はご加入の健康保険に申請できます)。`,
    );
  }
  if (f.limitNeeded === 'kakunin-with-limit')
    tell.push('限度額の区分が記載された資格確認書を、お住まいの市区町村の後期高齢者医療の窓口に申請してください。');
  if (f.lagging)
    tell.push('新しい保険の登録には数日かかることがあります。次回の受診時にあらためて確認させてください。');
  if (f.r8 && card)
    tell.push('マイナンバーカードの電子証明書の有効期限が切れています。お早めにお住まいの市区町村で更新してください。');
  if (card?.pinFallback) tell.push('暗証番号のロックは市区町村の窓口で解除できます。');
  if (card?.device === 'smartphone' && o.visitType === 'first' && f.verdict !== 'self-pay')
    tell.push('初めての受診のときは、マイナンバーカード本体もお持ちください。');
  if (o.cause === 'traffic')
    tell.push('交通事故のけがで健康保険を使うときは、ご加入の健康保険に「第三者行為による傷病届」を提出してください。');
  if (dependentEnded(f) && !joinSaid) tell.push(joinKokuho);
  return { explanation: ex.join(''), tellPatient: tell.join('') };
}

/** The documents a visit was accepted on without the online system confirming them today. */
function acceptedOn(f: Facts): string {
  if (f.rule === 'R4')
    return f.deciding ? 'マイナンバーカードと資格情報のお知らせ' : 'マイナンバーカードとマイナポータルの資格情報';
  return f.deciding?.doc.kind === 'kakunin-sho' ? '資格確認書' : '保険証';
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
      `当院は労災指定医療機関ではないため、本日は医療費の全額 (10割) をお支払いください。労災の請求書 (${form}) に領収書を添えて労働基準監督署に請求すると、払い戻しを受けられる場合があります。`,
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
      `マイナンバーカードで医療扶助のオンライン資格確認ができませんでした${f.card?.failure ? ` (${failureJa(f.card.failure, o.visitDate)})` : ''}。`,
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
      `提示された医療券は${t.forThisClinic ? `${W(`${t.month}-01`).replace(/1日$/, '')}分` : '他の医療機関あて'}のため使えません。`,
    );
  ex.push('福祉事務所に連絡して医療券 (今月・当院あて) を確認してください。医療扶助なので窓口負担はありません。');
}

/** R21–R24 as public shares: each programme applied or not, and what the patient pays after them; returns what to tell. */
function publicShareTexts(f: Facts, ex: string[]): string[] {
  const tell: string[] = [];
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
          ? `医療証をお持ちでないため、本日は${copayWari(f.copay)}をお支払いください。後日、領収書と医療証を市区町村の窓口に持参すると払い戻しを受けられる場合があります。`
          : `${PROGRAM_JA[p.program]}の受給者証を次回お持ちください。`,
      );
    else if (entry.reason === 'not-valid')
      tell.push(`${PROGRAM_JA[p.program]}の${certOf(p)}は本日は有効期間外です。更新の手続きを確認してください。`);
  }
  if (insured && f.shares.welfare) {
    ex.push(
      `生活保護を受けていますが${f.coverage ? `${INSURER_JA[f.coverage.insurer]}に` : '健康保険に'}加入しているため、健康保険で受け付け、自己負担分は医療扶助 (公費) が負担します。`,
    );
    welfareConfirmation(f, ex);
  }
  const pays = f.shares.patientPays;
  if (insured && (pays.percent !== f.copay || pays.perVisitYen !== null || pays.capReached)) ex.push(paysJa(f, false));
  return tell;
}

/**
 * The documents that prove the qualification next time at this clinic: without online check a
 * マイナ保険証 alone proves nothing (R4), and 後期 お知らせ exist only from 2026-08-01 (R6).
 * `renewed`: the insurance changed, so the papers are the new insurance's.
 */
function nextDocs(f: Facts, renewed: boolean): string {
  const { o } = f;
  const D = o.visitDate;
  const known = [f.coverage, ...(o.patient.insurance ?? []).map((id) => o.coverages.find((c) => c.id === id) ?? null)];
  const kouki = D >= f.periods.birthday75 || known.some((c) => c?.insurer === 'kouki');
  const oshirase = !kouki || D >= KOUKI_OSHIRASE_START;
  const kakunin = renewed ? '新しい保険の資格確認書' : '資格確認書';
  if (!o.clinic.onlineCheck)
    return oshirase
      ? `${kakunin}、またはマイナンバーカードと${renewed ? '新しい保険の' : ''}資格情報のお知らせ (マイナポータルの資格情報画面でも可)`
      : kakunin;
  return renewed
    ? `${kakunin}か、マイナ保険証 (新しい保険が登録されると、お持ちのマイナンバーカードでそのまま使えます)`
    : `マイナ保険証か${kakunin}`;
}

/** What to bring next time, for a patient who was turned away. */
function whatToBring(f: Facts): string {
  const presented = (kind: string) => f.documents.some((d) => d.kind === kind);
  if (f.r6) return '後期高齢者医療の資格確認書 (加入者全員に郵送されています)';
  if (f.card?.failure === 'no-phone-reader') return 'マイナンバーカード本体';
  if (f.evals.some((e) => e.route === 'invalid' || e.route === 'invalid-new' || e.voidKnown)) return nextDocs(f, true);
  if (f.o.clinic.onlineCheck && presented('oshirase') && !presented('myna-card'))
    return 'マイナンバーカード (資格情報のお知らせと一緒に)、または資格確認書';
  return nextDocs(f, false);
}

// ---------------------------------------------------------------------------------------------
// The desk's screen says one thing at a time (issue 10): the lines beside the verdict and in the
// online check's panel, derived from the decision (what the rule book established), so that the
// result screen's items never read as a second, different answer.

/**
 * What to do next, beside the verdict: the ladder before the 申立書 after a card that could not be
 * read (R4 and R5 accept without the card route), which coverage after 複数該当 (R3), and why a
 * 資格有効 answer still ends in 自費 (R11: the document itself is not usable today).
 */
export function deskNextSteps(d: Decision): string[] {
  const oc = d.onlineCheck;
  const out: string[] = [];
  if (oc.cardRoute === 'multiple')
    out.push('複数の保険が該当しました。どの保険で受診するか患者さんに確認してください。');
  if (d.verdict === 'insured-declaration' && oc.cardRoute === 'failed' && oc.numberRoute === 'not-run') {
    const portal =
      oc.failure === 'cert-expired'
        ? 'マイナポータルの資格情報を前に保存した PDF (電子証明書の期限切れで画面にはログインできません)'
        : 'スマホのマイナポータルの資格情報画面';
    out.push(
      `カードで資格を確認できなかったため、申立ての前に次のどれかをお持ちでないか確認してください。あれば通常どおり保険で受け付けます: 資格確認書、有効期限内の保険証、マイナンバーカードと資格情報のお知らせ、${portal}。`,
    );
    out.push(
      d.documentsNeeded.includes('declaration')
        ? 'どれもないときは、被保険者資格申立書に記入していただきます。'
        : 'どれもないときは、前回から保険の内容に変更がないことを口頭で確認して受け付けます (再診)。',
    );
  }
  if (d.verdict === 'self-pay' && oc.numberRoute === 'valid')
    out.push(
      '照会では資格有効ですが、提示された書類は本日は使えないため自費 (10割) です。マイナ保険証か有効な資格確認書があれば保険で受け付けます。',
    );
  return out;
}

/** 高齢受給者証 as the desk shows it (R7): not needed, checked (with the ratio applied), or still missing. */
export function elderlyCardState(d: Decision): { text: string; missing: boolean } {
  if (!d.elderlyCardNeeded) return { text: '不要', missing: false };
  if (d.documentsNeeded.includes('elderly-card')) return { text: '必要 (未提示)', missing: true };
  return { text: `確認済み (${copayWari(d.copayPercent)})`, missing: false };
}

/**
 * Beside the result screen's 高齢受給者 負担割合 when the decision still asks for the card (R7): why
 * the ratio the online system shows does not settle the copay.
 */
export function elderlyRatioNote(d: Decision): string | null {
  if (!d.documentsNeeded.includes('elderly-card')) return null;
  return `照会結果にも高齢受給者の負担割合は表示されますが、マイナ保険証以外で受け付けたときは保険者が高齢受給者証の提示を求めています。提示があるまでは${copayWari(d.copayPercent)} (仮) でお預かりし、提示されたときに差額を精算します。`;
}

/** How the card's holder was identified at the reader (R20), for the result panel; null: no card was read. */
export function identityCheckJa(d: Decision, device: 'card' | 'smartphone' | null): string | null {
  const read = d.onlineCheck.cardRoute !== 'not-run' && d.onlineCheck.cardRoute !== 'failed';
  if (!read) return null;
  if (device === 'smartphone') return 'スマホでの本人確認 (暗証番号または生体認証)';
  if (d.rules.includes('R20')) return '顔認証または目視確認 (暗証番号はロック中)';
  return '顔認証または暗証番号';
}

/** The e-certificate alert of the result (R8), for the result panel; null: none. */
export function certAlertJa(d: Decision): string | null {
  if (d.notes.includes('cert-grace'))
    return '電子証明書の有効期限が切れています (猶予期間中のため資格確認できました)。更新を案内してください。';
  if (d.rules.includes('R8')) return '電子証明書の有効期限が切れています。市区町村での更新を案内してください。';
  return null;
}
