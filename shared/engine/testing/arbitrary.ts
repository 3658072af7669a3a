// fast-check generators of valid raw scenarios (JSON as a trainer would write it), for property
// tests and the benchmark: every field of SCENARIO.md version 2 — the 労災 question, the clinic's
// prefecture / PMH / 医療扶助 / 労災 settings, dependents, loss registration, programmes (公費・医療証),
// 生活保護, and every kind of document.
import fc from 'fast-check';
import { addDays, birthday, dayNumber, fromDayNumber } from '../../dates';
import {
  CAUSES,
  CERT_GRACE_BASES,
  DOCUMENT_KINDS,
  INCIDENTS,
  INSURERS,
  KOHI_PROGRAMS,
  PORTAL_FORMS,
  PORTAL_SCREENSHOT_OPTIONS,
  PREFECTURE_CODES,
  ROUSAI_WITHOUT_FORM_OPTIONS,
  VISIT_TYPES,
} from '../../enums';
import { checkDigitOf } from '../../identifiers';
import { HOUBETSU, isNationalProgram } from '../../kohi';
import { KOUKI_LEGACY_END } from '../../timeline';

const dateBetween = (from: string, to: string) =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map((n) => fromDayNumber(n));

/** Digits with their R19 check digit. */
const withCheck = (body: string) => body + checkDigitOf(body);
const insurerNumber = (insurer: string) =>
  fc
    .integer({ min: 0, max: insurer === 'kokuho' ? 99_999 : 9_999_999 })
    .map((n) => withCheck(String(n).padStart(insurer === 'kokuho' ? 5 : 7, '0')));

const REFORM = '2024-12-02';
const EMPLOYEE = ['kyokai', 'kumiai', 'kyosai', 'senin'];

interface RawCoverage {
  id: string;
  insurer: string;
  acquiredOn: string;
  lostOn?: string;
  [k: string]: unknown;
}

export const arbRawScenario = fc
  .record({
    visitDate: dateBetween('2024-01-01', '2028-06-30'),
    ageDays: fc.integer({ min: 0, max: 90 * 365 }),
    online: fc.boolean(),
    phoneReader: fc.boolean(),
    incident: fc.constantFrom('none', 'none', ...INCIDENTS),
    cause: fc.constantFrom('illness', 'illness', 'illness', ...CAUSES),
    clinic: fc.record(
      {
        prefecture: fc.constantFrom(null, '13', '14', '22', ...PREFECTURE_CODES),
        pmh: fc.boolean(),
        welfareOnline: fc.boolean(),
        rousaiDesignated: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    visitType: fc.constantFrom(...VISIT_TYPES),
    needsLimit: fc.boolean(),
    limitConsent: fc.boolean(),
    nCoverages: fc.integer({ min: 0, max: 3 }),
    seeds: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 60, maxLength: 60 }),
    insurers: fc.array(fc.constantFrom(...INSURERS), {
      minLength: 3,
      maxLength: 3,
    }),
    numbers: fc.array(fc.option(insurerNumber('kyokai')), { minLength: 3, maxLength: 3 }),
    kokuhoNumbers: fc.array(fc.option(insurerNumber('kokuho')), { minLength: 3, maxLength: 3 }),
    hasMyna: fc.boolean(),
    myna: fc.record({
      insuranceRegistered: fc.boolean(),
      registerAtDesk: fc.boolean(),
      certOffset: fc.integer({ min: -400, max: 2000 }),
      pinLocked: fc.boolean(),
    }),
    programs: fc.uniqueArray(fc.constantFrom(...KOHI_PROGRAMS), { maxLength: 2 }),
    onWelfare: fc.constantFrom(false, false, true),
    kinds: fc.uniqueArray(fc.constantFrom(...DOCUMENT_KINDS), { maxLength: 6 }),
    portalForm: fc.constantFrom(...PORTAL_FORMS),
    policy: fc.option(
      fc.record(
        {
          interimEnd: fc.constantFrom('2026-03-31', '2026-07-31'),
          interimEmployeeFromExpiry: fc.boolean(),
          interimNeedsOnlineCheck: fc.boolean(),
          certGraceBasis: fc.constantFrom(...CERT_GRACE_BASES),
          portalScreenshot: fc.constantFrom(...PORTAL_SCREENSHOT_OPTIONS),
          lagWithMyNumber: fc.integer({ min: 2, max: 5 }),
          lagWithoutMyNumber: fc.integer({ min: 5, max: 30 }),
          rousaiWithoutForm: fc.constantFrom(...ROUSAI_WITHOUT_FORM_OPTIONS),
        },
        { requiredKeys: [] },
      ),
    ),
  })
  .map((g) => {
    let k = 0;
    const r = (n: number) => g.seeds[k++ % g.seeds.length]! % n;
    const D = g.visitDate;
    const birthDate = addDays(D, -g.ageDays);
    const b65 = birthday(birthDate, 65);
    const coverages: RawCoverage[] = [];
    let from = birthDate;
    for (let i = 0; i < g.nCoverages; i += 1) {
      let insurer = g.insurers[i]!;
      let acquiredOn = addDays(from, r(Math.max(1, Math.min(20_000, dayNumber(D) + 60 - dayNumber(from)))));
      // 後期 from 65 at the earliest (障害認定), else the coverage is another insurer's
      if (insurer === 'kouki') {
        if (acquiredOn < b65 && b65 <= addDays(D, 60)) acquiredOn = addDays(b65, r(3000));
        else if (acquiredOn < b65) insurer = 'kyokai';
      }
      const c: RawCoverage = { id: `c${i + 1}`, insurer, acquiredOn };
      const num = insurer === 'kokuho' ? g.kokuhoNumbers[i] : g.numbers[i];
      if (num) c.insurerNumber = num;
      if (r(3) === 0) c.lostOn = addDays(acquiredOn, 1 + r(4000));
      if (c.lostOn && r(3) === 0) {
        // a loss registered late, often just around the visit (the claim comes back)
        const recent = addDays(D, -r(15));
        if (r(2) === 0 && recent > acquiredOn) c.lostOn = recent;
        c.lossRegisteredOn = addDays(c.lostOn, r(30) - 3);
      }
      if (r(4) === 0) c.filedOn = addDays(acquiredOn, r(10));
      else if (r(6) === 0) c.registeredOn = addDays(acquiredOn, r(30));
      if (r(2) === 0) c.myNumberOnForm = r(2) === 0;
      if (insurer === 'kouki') c.ratio = [10, 20, 30][r(3)];
      else if (r(2) === 0) c.ratio = [20, 30][r(2)];
      if (insurer !== 'kouki' && r(3) === 0) c.elderlyCard = ['separate', 'on-document'][r(2)];
      if (r(3) === 0) c.limitCategory = ['ア', 'ウ', 'オ', '一般', '現役並みⅢ', '低所得Ⅱ'][r(6)];
      if (r(5) === 0) c.limitOnFile = false;
      // 被扶養者 (R26): their insured person's 75th birthday comes after the acquisition
      if (EMPLOYEE.includes(insurer) && r(3) === 0) {
        c.role = 'dependent';
        if (r(2) === 0) c.holderBirthDate = addDays(acquiredOn, 20 - 75 * 365 + r(30_000));
        if (c.lostOn && r(2) === 0) c.lostWithHolder = true;
      }
      coverages.push(c);
      from = c.lostOn && c.lostOn < D ? c.lostOn : addDays(acquiredOn, 1);
    }

    // 生活保護 (R24): the household has left 国保 and 後期 (a 国保 joined later ends when it starts)
    let welfare: Record<string, unknown> | null = null;
    if (g.onWelfare) {
      const wFrom = addDays(D, -r(1500));
      const until = r(4) === 0 ? addDays(D, r(400) - 100) : null;
      welfare = { from: wFrom, until: until !== null && until < wFrom ? wFrom : until, ticketRegistered: r(3) > 0 };
      for (const c of coverages) {
        if (c.insurer !== 'kokuho' && c.insurer !== 'kouki') continue;
        if (c.acquiredOn >= wFrom) {
          c.insurer = 'kumiai';
          delete c.insurerNumber;
          if (c.ratio === 10) delete c.ratio;
        } else if (!c.lostOn || c.lostOn > wFrom) {
          c.lostOn = wFrom;
          if (c.lossRegisteredOn !== undefined) c.lossRegisteredOn = addDays(wFrom, r(20));
        }
      }
    }

    // 公費・医療証 (R21, R22)
    const kohi = g.programs.map((program, i) => {
      const national = isNationalProgram(program);
      const validFrom = addDays(D, -r(500));
      const p: Record<string, unknown> = {
        id: `k${i + 1}`,
        program,
        payerNumber: withCheck(
          national
            ? `${HOUBETSU[program]}${String(r(100_000)).padStart(5, '0')}`
            : `${8 + r(2)}${String(r(1_000_000)).padStart(6, '0')}`,
        ),
        validFrom,
        validUntil: addDays(validFrom, r(900)),
      };
      if (national || r(2) === 0) p.recipientNumber = withCheck(String(r(1_000_000)).padStart(6, '0'));
      if (national) {
        if (r(3) > 0) p.monthlyCapYen = [2500, 5000, 10000, 20000][r(4)];
        if (r(2) === 0) p.paidThisMonthYen = r(25_000);
        if (r(4) === 0) p.designatedHere = false;
      } else {
        p.prefecture = ['13', '14', '22', '27'][r(4)];
        p.share = ['none', { percent: [10, 20][r(2)] }, { perVisitYen: [200, 500][r(2)] }][r(3)];
      }
      if (r(2) === 0) p.pmhRegistered = true;
      return p;
    });

    const myna = g.hasMyna
      ? {
          insuranceRegistered: g.myna.insuranceRegistered,
          registerAtDesk: g.myna.registerAtDesk,
          certExpiresOn: addDays(D, g.myna.certOffset),
          pinLocked: g.myna.pinLocked,
        }
      : null;
    const pick = <T>(pool: T[]) => pool[r(pool.length)]!;
    const presented: Record<string, unknown>[] = [];
    for (const kind of g.kinds) {
      if ((kind === 'myna-card' || kind === 'myna-smartphone' || kind === 'mynaportal') && !myna) continue;
      if (kind === 'myna-card' || kind === 'declaration' || kind === 'rousai-form') presented.push({ kind });
      else if (kind === 'myna-smartphone') presented.push({ kind, os: r(2) ? 'iphone' : 'android' });
      else if (kind === 'mynaportal')
        presented.push(
          g.portalForm === 'pdf' && r(2) === 0
            ? { kind, form: g.portalForm, savedOn: addDays(D, -r(400)) }
            : { kind, form: g.portalForm },
        );
      else if (kind === 'elderly-card') {
        const validUntil = addDays(D, r(800) - 300);
        presented.push({
          kind,
          ratio: r(2) ? 20 : 30,
          validUntil,
          ...(r(2) === 0 ? { validFrom: addDays(validUntil, -r(400)) } : {}),
        });
      } else if (kind === 'limit-cert') presented.push({ kind, category: 'ウ', validUntil: addDays(D, r(800) - 300) });
      else if (kind === 'kohi-cert') {
        if (!kohi.length) continue;
        presented.push({ kind, kohi: pick(kohi).id });
      } else if (kind === 'medical-ticket') {
        const month = addDays(D, r(90) - 45).slice(0, 7);
        presented.push(r(4) === 0 ? { kind, month, forThisClinic: false } : { kind, month });
      } else if (kind === 'legacy-card') {
        const pool = coverages.filter((c) => c.acquiredOn < REFORM);
        if (!pool.length) continue;
        const c = pick(pool);
        let printedExpiry = c.insurer === 'kokuho' || r(3) === 0 ? addDays('2025-06-30', r(200)) : null;
        if (c.insurer === 'kouki' && printedExpiry !== null && printedExpiry > KOUKI_LEGACY_END)
          printedExpiry = KOUKI_LEGACY_END;
        presented.push({ kind, coverage: c.id, printedExpiry });
      } else if (kind === 'kakunin-sho') {
        // issued from the reform (and the acquisition) up to the visit, before the loss
        const lostOn = (c: RawCoverage) => {
          const holder75 = typeof c.holderBirthDate === 'string' ? birthday(c.holderBirthDate, 75) : null;
          return holder75 !== null && (!c.lostOn || holder75 < c.lostOn) ? holder75 : (c.lostOn ?? null);
        };
        const pool = coverages.filter((c) => {
          const first = c.acquiredOn > REFORM ? c.acquiredOn : REFORM;
          const end = lostOn(c);
          return first <= D && (end === null || first < end);
        });
        if (!pool.length) continue;
        const c = pick(pool);
        const first = c.acquiredOn > REFORM ? c.acquiredOn : REFORM;
        const end = lostOn(c);
        const last = end !== null && addDays(end, -1) < D ? addDays(end, -1) : D;
        const issuedOn = addDays(first, r(dayNumber(last) - dayNumber(first) + 1));
        presented.push({
          kind,
          coverage: c.id,
          issuedOn,
          validUntil: addDays(issuedOn, r(1800)),
          showsLimit: r(4) === 0,
          showsRatio: r(2) === 0,
        });
      } else if (kind === 'oshirase') {
        const pool = coverages.filter((c) => c.insurer !== 'kouki' || D >= '2026-08-01');
        if (!pool.length) continue;
        presented.push({ kind, coverage: pick(pool).id });
      }
    }
    // patients enrolled in a programme usually bring its certificate
    if (kohi.length > 0 && !g.kinds.includes('kohi-cert') && r(3) > 0)
      presented.push({ kind: 'kohi-cert', kohi: 'k1' });
    return {
      format: 'shikaku-scenario/1',
      id: `gen-${g.seeds[0]}`,
      visitDate: D,
      visitType: g.visitType,
      needsLimit: g.needsLimit,
      limitConsent: g.limitConsent,
      ...(g.cause !== 'illness' ? { cause: g.cause } : {}),
      clinic: { onlineCheck: g.online, phoneReader: g.phoneReader, incident: g.incident, ...g.clinic },
      patient: {
        birthDate,
        coverages,
        myna,
        ...(kohi.length ? { kohi } : {}),
        ...(welfare ? { welfare } : {}),
      },
      presented,
      ...(g.policy ? { policy: g.policy } : {}),
    };
  });
