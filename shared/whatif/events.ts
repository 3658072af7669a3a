// The dated events of one scenario: every day on which a rule of RULES.md can change the answer
// for this patient and these documents — the timeline constants (section T), the policy's interim
// end (section P) and the scenario's own dates (birth, coverages, registration, documents, card,
// public programmes, 生活保護).
// Each event is dated on the FIRST day of the new state (a validity that ends on day X gives an
// event on X + 1), so a change of answer on day D is explained by the events dated D.
// The what-if strip (./strip.ts) labels its change points from this one table.
import { addDays, firstOfNextMonth, type IsoDate } from '../dates';
import { orderOf, type RuleId } from '../enums';
import { agePeriods, coverageStates } from '../engine';
import { certGraceEnd, interimWindow, kakuninStart, legacyExpiry } from '../engine/documents';
import { isNationalProgram } from '../kohi';
import { DOCUMENT_JA, INSURER_JA, PROGRAM_JA } from '../labels';
import type { Coverage, Scenario } from '../scenario';
import {
  KOUKI_ALL_KAKUNIN_END,
  KOUKI_OSHIRASE_START,
  LEGACY_LAST,
  type Policy,
  SMARTPHONE_START,
  WELFARE_ONLINE_START,
} from '../timeline';
import { formatWareki } from '../wareki';

/** What kind of day an event is (one entry per row of the table below). */
const DATED_EVENT_KINDS = [
  'birth',
  'coverage-acquired',
  'coverage-lost',
  'registration-lag-end',
  'loss-registered',
  'legacy-card-end',
  'interim-start',
  'interim-end',
  'kakunin-issued',
  'kakunin-start',
  'kakunin-end',
  'kouki-kakunin-for-all-end',
  'kouki-oshirase-start',
  'smartphone-start',
  'cert-expired',
  'cert-grace-end',
  'portal-pdf-saved',
  'elderly-card-start',
  'elderly-card-end',
  'limit-cert-end',
  'preschool-end',
  'elderly-start',
  'birthday-75',
  'programme-start',
  'programme-end',
  'welfare-start',
  'welfare-end',
  'welfare-online-start',
  'medical-ticket-start',
  'medical-ticket-end',
] as const;
type DatedEventKind = (typeof DATED_EVENT_KINDS)[number];

export interface DatedEvent {
  /** the first day of the new state */
  on: IsoDate;
  kind: DatedEventKind;
  /** what happens on that day, in Japanese (dates in 和暦) */
  ja: string;
  /** the rules of RULES.md that speak of this day */
  rules: RuleId[];
}

const coverageName = (c: Coverage) => INSURER_JA[c.insurer];
const dayAfter = (d: IsoDate) => addDays(d, 1);

/**
 * The table of dated events for a scenario under a policy (already merged with the scenario's own
 * settings), in date order. Only events of this patient and of the documents handed over.
 */
export function datedEvents(s: Scenario, policy: Policy): DatedEvent[] {
  const out: DatedEvent[] = [];
  const add = (on: IsoDate, kind: DatedEventKind, ja: string, rules: RuleId[]) => out.push({ on, kind, ja, rules });
  const byId = new Map(s.patient.coverages.map((c) => [c.id, c]));
  const birth = s.patient.birthDate;

  // --- the patient (R15 age periods; R12 the 75th birthday ends every coverage but 後期)
  add(birth, 'birth', '生まれた日', []);
  const ages = agePeriods(birth);
  add(dayAfter(ages.preschoolEnd), 'preschool-end', '未就学 (2割) の終わり: 6歳になった後の最初の4月1日', ['R15']);
  add(ages.elderlyStart, 'elderly-start', '70〜74歳 (高齢受給者) の始まり: 70歳に達した月の翌月1日', ['R15', 'R7']);
  add(ages.birthday75, 'birthday-75', '75歳の誕生日: 後期高齢者医療へ (ほかの保険はこの日に終わる)', ['R15', 'R12']);

  // --- the timeline constants of this patient's insurers (REFORM itself changes no answer on D: it
  // only bounds which documents exist, checked when a scenario is read)
  if (s.patient.coverages.some((c) => c.insurer === 'kouki')) {
    add(
      dayAfter(KOUKI_ALL_KAKUNIN_END),
      'kouki-kakunin-for-all-end',
      '後期高齢者全員への資格確認書の交付期間の終わり',
      ['R6'],
    );
  }

  // --- the coverages: acquisition, loss, and the day the online system knows them (R17)
  for (const st of coverageStates(s.patient.coverages, birth, s.visitDate, policy)) {
    const c = st.coverage;
    // a 後期 coverage from the 75th birthday is what that event says
    if (!(c.insurer === 'kouki' && c.acquiredOn === ages.birthday75)) {
      add(c.acquiredOn, 'coverage-acquired', `${coverageName(c)}の資格取得日`, []);
    }
    if (st.lostOn !== null && st.lostOn !== ages.birthday75) {
      add(
        st.lostOn,
        'coverage-lost',
        `${coverageName(c)}の資格喪失日`,
        c.role === 'dependent' ? ['R12', 'R26'] : ['R12'],
      );
    }
    if (st.lostOn !== null && st.lossRegisteredOn !== null && st.lossRegisteredOn > st.lostOn) {
      add(st.lossRegisteredOn, 'loss-registered', `${coverageName(c)}の資格喪失がオンライン資格確認に反映される日`, [
        'R17',
        'R12',
      ]);
    }
    if (st.registeredOn > c.acquiredOn) {
      add(
        st.registeredOn,
        'registration-lag-end',
        `${coverageName(c)}の資格がオンライン資格確認に反映される日 (登録の遅れの終わり)`,
        ['R17'],
      );
    }
  }

  // --- the documents handed over, by what is printed on them
  for (const doc of s.presented) {
    switch (doc.kind) {
      case 'legacy-card': {
        const c = byId.get(doc.coverage)!;
        const end = legacyExpiry(doc, c);
        add(
          dayAfter(end),
          'legacy-card-end',
          end === LEGACY_LAST
            ? `従来の保険証の経過措置期間の終わり (${formatWareki(end)}まで有効)`
            : `保険証の有効期限切れ (${formatWareki(end)}まで有効)`,
          ['R1'],
        );
        addInterim(add, doc, c, policy);
        break;
      }
      case 'oshirase': {
        const c = byId.get(doc.coverage)!;
        if (c.insurer === 'kouki') {
          add(KOUKI_OSHIRASE_START, 'kouki-oshirase-start', '後期高齢者医療の資格情報のお知らせの交付開始', ['R6']);
        }
        addInterim(add, doc, c, policy);
        break;
      }
      case 'kakunin-sho': {
        const c = byId.get(doc.coverage)!;
        const start = kakuninStart(doc, c);
        if (doc.issuedOn < start) add(doc.issuedOn, 'kakunin-issued', `${DOCUMENT_JA['kakunin-sho']}の交付日`, []);
        add(start, 'kakunin-start', `${DOCUMENT_JA['kakunin-sho']} (${coverageName(c)}) の有効期間の始まり`, ['R5']);
        add(
          dayAfter(doc.validUntil),
          'kakunin-end',
          `${DOCUMENT_JA['kakunin-sho']} (${coverageName(c)}) の有効期限切れ (${formatWareki(doc.validUntil)}まで有効)`,
          ['R5'],
        );
        break;
      }
      case 'myna-smartphone':
        add(SMARTPHONE_START, 'smartphone-start', 'スマホのマイナ保険証の利用開始', ['R14']);
        break;
      case 'mynaportal':
        if (doc.savedOn !== null)
          add(doc.savedOn, 'portal-pdf-saved', `${DOCUMENT_JA.mynaportal} (PDF) の保存日`, ['R4']);
        break;
      case 'medical-ticket': {
        const first = `${doc.month}-01`;
        add(first, 'medical-ticket-start', `${DOCUMENT_JA['medical-ticket']} (${doc.month}) の月の始まり`, ['R24']);
        add(
          firstOfNextMonth(first),
          'medical-ticket-end',
          `${DOCUMENT_JA['medical-ticket']} (${doc.month}) の月の終わり`,
          ['R24'],
        );
        break;
      }
      case 'elderly-card':
        if (doc.validFrom !== null) {
          add(doc.validFrom, 'elderly-card-start', `${DOCUMENT_JA['elderly-card']}の発効期日`, ['R7']);
        }
        if (doc.validUntil !== null) {
          add(
            dayAfter(doc.validUntil),
            'elderly-card-end',
            `${DOCUMENT_JA['elderly-card']}の有効期限切れ (${formatWareki(doc.validUntil)}まで有効)`,
            ['R7'],
          );
        }
        break;
      case 'limit-cert':
        if (doc.validUntil !== null) {
          add(
            dayAfter(doc.validUntil),
            'limit-cert-end',
            `${DOCUMENT_JA['limit-cert']}の有効期限切れ (${formatWareki(doc.validUntil)}まで有効)`,
            ['R13'],
          );
        }
        break;
      default:
        break;
    }
  }

  // --- the My Number card's e-certificate (R8: card route step 4, and the portal screen)
  const myna = s.patient.myna;
  if (
    myna &&
    s.presented.some((d) => d.kind === 'myna-card' || d.kind === 'myna-smartphone' || d.kind === 'mynaportal')
  ) {
    const expires = myna.certExpiresOn;
    const grace = certGraceEnd(expires, policy.certGraceBasis);
    add(dayAfter(expires), 'cert-expired', `電子証明書の有効期限切れ (${formatWareki(expires)}まで有効)`, ['R8']);
    add(dayAfter(grace), 'cert-grace-end', `電子証明書の期限切れ後の猶予の終わり (${formatWareki(grace)}まで)`, ['R8']);
  }

  // --- the public programmes (R21, R22) and 生活保護 (R24)
  for (const p of s.patient.kohi) {
    const rule: RuleId = isNationalProgram(p.program) ? 'R21' : 'R22';
    add(p.validFrom, 'programme-start', `${PROGRAM_JA[p.program]}の有効期間の始まり`, [rule]);
    add(
      dayAfter(p.validUntil),
      'programme-end',
      `${PROGRAM_JA[p.program]}の有効期間の終わり (${formatWareki(p.validUntil)}まで有効)`,
      [rule],
    );
  }
  const welfare = s.patient.welfare;
  if (welfare !== null) {
    add(welfare.from, 'welfare-start', '生活保護の開始日', ['R24']);
    if (welfare.until !== null)
      add(dayAfter(welfare.until), 'welfare-end', `生活保護の終わり (${formatWareki(welfare.until)}まで)`, ['R24']);
    add(WELFARE_ONLINE_START, 'welfare-online-start', '医療扶助のオンライン資格確認の開始', ['R24']);
  }

  // one entry per day and wording (two cards of one coverage give the same event once)
  const seen = new Set<string>();
  return out
    .filter((e) => {
      const k = `${e.on} ${e.ja}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : DATED_EVENT_ORDER[a.kind] - DATED_EVENT_ORDER[b.kind]));
}

const DATED_EVENT_ORDER = orderOf(DATED_EVENT_KINDS);

/** R2: the provisional handling's first and last day for an expired 保険証 or an お知らせ. */
function addInterim(
  add: (on: IsoDate, kind: DatedEventKind, ja: string, rules: RuleId[]) => void,
  doc: Parameters<typeof interimWindow>[0],
  c: Coverage,
  policy: Policy,
): void {
  const [from, to] = interimWindow(doc, c, policy);
  add(from, 'interim-start', `暫定的な取扱いの始まり (${coverageName(c)})`, ['R2']);
  add(dayAfter(to), 'interim-end', `暫定的な取扱いの終わり (${formatWareki(to)}まで)`, ['R2']);
}
