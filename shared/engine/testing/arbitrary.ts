// fast-check generators of valid raw scenarios (JSON as a trainer would write it), for property
// tests and the benchmark.
import fc from 'fast-check';
import { addDays, dayNumber, fromDayNumber } from '../../dates';
import {
  CERT_GRACE_BASES,
  DOCUMENT_KINDS,
  INCIDENTS,
  INSURERS,
  PORTAL_FORMS,
  PORTAL_SCREENSHOT_OPTIONS,
  VISIT_TYPES,
} from '../../enums';
import { checkDigitOf } from '../../identifiers';

const dateBetween = (from: string, to: string) =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map((n) => fromDayNumber(n));

const insurerNumber = (insurer: string) =>
  fc.integer({ min: 0, max: insurer === 'kokuho' ? 99_999 : 9_999_999 }).map((n) => {
    const body = String(n).padStart(insurer === 'kokuho' ? 5 : 7, '0');
    return body + checkDigitOf(body);
  });

const REFORM = '2024-12-02';

interface RawCoverage {
  id: string;
  insurer: string;
  acquiredOn: string;
  [k: string]: unknown;
}

export const arbRawScenario = fc
  .record({
    visitDate: dateBetween('2024-10-01', '2027-12-31'),
    ageDays: fc.integer({ min: 0, max: 90 * 365 }),
    online: fc.boolean(),
    phoneReader: fc.boolean(),
    incident: fc.constantFrom('none', 'none', ...INCIDENTS),
    visitType: fc.constantFrom(...VISIT_TYPES),
    needsLimit: fc.boolean(),
    limitConsent: fc.boolean(),
    nCoverages: fc.integer({ min: 0, max: 3 }),
    seeds: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 40, maxLength: 40 }),
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
    kinds: fc.uniqueArray(fc.constantFrom(...DOCUMENT_KINDS), { maxLength: 5 }),
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
    const coverages: RawCoverage[] = [];
    let from = birthDate;
    for (let i = 0; i < g.nCoverages; i += 1) {
      const insurer = g.insurers[i]!;
      const acquiredOn = addDays(from, r(Math.max(1, Math.min(20_000, dayNumber(D) + 60 - dayNumber(from)))));
      const c: RawCoverage = { id: `c${i + 1}`, insurer, acquiredOn };
      const num = insurer === 'kokuho' ? g.kokuhoNumbers[i] : g.numbers[i];
      if (num) c.insurerNumber = num;
      if (r(3) === 0) c.lostOn = addDays(acquiredOn, 1 + r(4000));
      if (r(4) === 0) c.filedOn = addDays(acquiredOn, r(10));
      else if (r(6) === 0) c.registeredOn = addDays(acquiredOn, r(30));
      if (r(2) === 0) c.myNumberOnForm = r(2) === 0;
      if (insurer === 'kouki') c.ratio = [10, 20, 30][r(3)];
      else if (r(2) === 0) c.ratio = [20, 30][r(2)];
      if (insurer !== 'kouki' && r(3) === 0) c.elderlyCard = ['separate', 'on-document'][r(2)];
      if (r(3) === 0) c.limitCategory = ['ア', 'ウ', 'オ', '一般', '現役並みⅢ', '低所得Ⅱ'][r(6)];
      coverages.push(c);
      from = c.lostOn && typeof c.lostOn === 'string' && c.lostOn < D ? (c.lostOn as string) : addDays(acquiredOn, 1);
    }
    const myna = g.hasMyna
      ? {
          insuranceRegistered: g.myna.insuranceRegistered,
          registerAtDesk: g.myna.registerAtDesk,
          certExpiresOn: addDays(D, g.myna.certOffset),
          pinLocked: g.myna.pinLocked,
        }
      : null;
    const pick = (pool: RawCoverage[]) => pool[r(pool.length)]!;
    const presented: Record<string, unknown>[] = [];
    for (const kind of g.kinds) {
      if ((kind === 'myna-card' || kind === 'myna-smartphone' || kind === 'mynaportal') && !myna) continue;
      if (kind === 'myna-card' || kind === 'declaration') presented.push({ kind });
      else if (kind === 'myna-smartphone') presented.push({ kind, os: r(2) ? 'iphone' : 'android' });
      else if (kind === 'mynaportal') presented.push({ kind, form: g.portalForm });
      else if (kind === 'elderly-card')
        presented.push({ kind, ratio: r(2) ? 20 : 30, validUntil: addDays(D, r(800) - 300) });
      else if (kind === 'limit-cert') presented.push({ kind, category: 'ウ', validUntil: addDays(D, r(800) - 300) });
      else if (kind === 'legacy-card') {
        const pool = coverages.filter((c) => c.acquiredOn < REFORM);
        if (!pool.length) continue;
        const c = pick(pool);
        const printedExpiry = c.insurer === 'kokuho' || r(3) === 0 ? addDays('2025-06-30', r(200)) : null;
        presented.push({ kind, coverage: c.id, printedExpiry });
      } else if (kind === 'kakunin-sho') {
        if (!coverages.length) continue;
        const c = pick(coverages);
        const issuedOn = addDays(c.acquiredOn > REFORM ? c.acquiredOn : REFORM, r(500));
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
    return {
      format: 'shikaku-scenario/1',
      id: `gen-${g.seeds[0]}`,
      visitDate: D,
      visitType: g.visitType,
      needsLimit: g.needsLimit,
      limitConsent: g.limitConsent,
      clinic: { onlineCheck: g.online, phoneReader: g.phoneReader, incident: g.incident },
      patient: { birthDate, coverages, myna },
      presented,
      ...(g.policy ? { policy: g.policy } : {}),
    };
  });
