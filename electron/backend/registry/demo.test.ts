import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agePeriods, decideScenario } from '../../../shared/engine';
import { checkNumber } from '../../../shared/identifiers';
import type { RuleId } from '../../../shared/enums';
import { openDatabase } from '../db/open';
import { buildScenario } from '../desk/build-scenario';
import { tempDir } from '../testing/temp-dir';
import type { Patient } from '../../../shared/contract';
import { patientInput } from '../../../shared/contract/patient';
import { demoPatients } from './demo/cases';
import { demoDeskCase } from './demo/builder';
import { seedDemo, seedDemoIfFirstStart } from './demo/seed';
import { RegistryRepository } from './repository';

let db: Database;
let repo: RegistryRepository;
beforeEach(async () => {
  db = (await openDatabase({ dataDir: tempDir() })).db;
  repo = new RegistryRepository(db);
});
afterEach(() => db.close());

function loaded(): Array<{ rec: Patient; d: ReturnType<typeof demoPatients>[number] }> {
  seedDemo(db);
  const byKey = new Map(demoPatients().map((d) => [d.key, d]));
  const ids = (db.prepare('SELECT id FROM person ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  return ids.map((id) => {
    const rec = repo.get(id)!;
    return { rec, d: byKey.get(rec.demoKey!)! };
  });
}

describe('demo registry', () => {
  it('loads at least 100 valid fictional patients, deterministically', () => {
    const { count } = seedDemo(db);
    expect(count).toBeGreaterThanOrEqual(100);
    expect(repo.count()).toBe(count);
    const a = JSON.stringify(demoPatients());
    expect(JSON.stringify(demoPatients())).toBe(a);
    const names = demoPatients().map((d) => d.person.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of demoPatients()) {
      expect(d.person.note, d.key).toMatch(/\S{8,}/);
      expect(d.person.kana, d.key).toMatch(/^[ァ-ヶー]+ [ァ-ヶー]+$/);
    }
  });

  it('every insurer number has a valid check digit (R19); no 12-digit value anywhere (R18)', () => {
    for (const { rec } of loaded()) {
      for (const c of rec.coverages) {
        expect(c.insurerNumber, rec.name).not.toBeNull();
        expect(
          checkNumber(c.insurerNumber!, c.insurer === 'kokuho' ? 'insurer-kokuho' : 'insurer'),
          `${rec.name} ${c.insurerNumber}`,
        ).toEqual({ ok: true });
      }
      for (const k of rec.kohi) {
        expect(checkNumber(k.payerNumber, 'kohi-futansha'), `${rec.name} ${k.payerNumber}`).toEqual({ ok: true });
        if (k.recipientNumber !== null)
          expect(checkNumber(k.recipientNumber, 'kohi-jukyusha'), rec.name).toEqual({ ok: true });
      }
    }
    const dump = JSON.stringify(
      ['person', 'coverage', 'myna', 'holding', 'kohi', 'welfare'].map((t) => db.prepare(`SELECT * FROM ${t}`).all()),
    );
    expect(dump).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
  });

  it('each patient’s desk case decides as its note says (engine run on the scenario built from the registry)', () => {
    for (const { rec, d } of loaded()) {
      const c = d.case;
      const scenario = buildScenario(demoDeskCase(rec, c));
      const dec = decideScenario(scenario);
      const label = `${d.key} ${rec.name}: ${rec.note}`;
      expect(dec.verdict, label).toBe(c.verdict);
      expect(dec.rules, label).toEqual(c.rules);
      if (c.copayPercent !== undefined) expect(dec.copayPercent, label).toBe(c.copayPercent);
      if (c.patientPays !== undefined) expect(dec.patientPays, label).toMatchObject(c.patientPays);
      if (c.publicExpense !== undefined) expect(dec.publicExpense, label).toMatchObject(c.publicExpense);
      if (c.notes !== undefined) expect(dec.notes, label).toEqual(c.notes);
      if (c.documentsNeeded !== undefined) expect(dec.documentsNeeded, label).toEqual(c.documentsNeeded);
    }
  });

  it('together the cases exercise every rule R1–R26 the engine lists, and the data covers R15 and R16 (R18, R19: the test above)', () => {
    const listed = new Set<RuleId>(demoPatients().flatMap((d) => d.case.rules));
    const decisionRules: RuleId[] = [
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
      'R12',
      'R13',
      'R14',
      'R17',
      'R20',
      'R21',
      'R22',
      'R23',
      'R24',
      'R25',
      'R26',
    ];
    for (const r of decisionRules) expect(listed.has(r), r).toBe(true);
    for (const r of ['R15', 'R16'])
      expect(
        demoPatients().some((d) => d.person.note!.includes(r)),
        r,
      ).toBe(true);

    const all = loaded().map((x) => x.rec);
    const ageAt = (p: Patient, on: string) => {
      const per = agePeriods(p.birthDate);
      return {
        preschool: on <= per.preschoolEnd,
        elderly: on >= per.elderlyStart && on < per.birthday75,
        over75: on >= per.birthday75,
      };
    };
    const some = (what: string, f: (p: Patient) => boolean) => expect(all.some(f), what).toBe(true);
    some(
      'around 6: still preschool in 2026-03',
      (p) => ageAt(p, '2026-03-31').preschool && !ageAt(p, '2026-04-01').preschool,
    );
    some(
      'around 6: just past preschool in 2025',
      (p) => p.birthDate.startsWith('2019') && !ageAt(p, '2025-10-01').preschool,
    );
    some(
      'around 70: enters the elderly period in 2025–2026',
      (p) => !ageAt(p, '2025-06-01').elderly && ageAt(p, '2026-06-01').elderly,
    );
    some('around 75: turns 75 in 2025–2026', (p) => !ageAt(p, '2025-06-01').over75 && ageAt(p, '2026-06-01').over75);
    some('29 February birthday', (p) => p.birthDate.endsWith('-02-29'));
    some('new hire inside the registration lag (filedOn)', (p) =>
      p.coverages.some((c) => c.filedOn !== null && c.filedOn >= '2026-01-01'),
    );
    some('registration lag without My Number on the form', (p) =>
      p.coverages.some((c) => c.filedOn !== null && !c.myNumberOnForm),
    );
    some(
      'lost coverage (退職, R16)',
      (p) => p.coverages.some((c) => c.lostOn !== null) && p.holdings.some((h) => h.kind === 'kakunin-sho'),
    );
    some(
      'changed coverage (転職)',
      (p) => p.coverages.length >= 2 && p.coverages.some((c) => c.lostOn !== null && c.insurer !== 'kouki'),
    );
    some('e-certificate expired, in grace', (p) => p.myna?.certExpiresOn === '2025-12-10');
    some('e-certificate expired beyond grace', (p) => p.myna !== null && p.myna.certExpiresOn < '2025-09-01');
    some('PIN lock', (p) => p.myna?.pinLocked === true);
    some('後期', (p) => p.coverages.some((c) => c.insurer === 'kouki'));
    some('国保 with a printed expiry', (p) =>
      p.holdings.some((h) => h.kind === 'legacy-card' && h.printedExpiry !== null),
    );
    some('smartphone user', (p) => p.holdings.some((h) => h.kind === 'smartphone'));
    some('限度額 category (under 70)', (p) =>
      p.coverages.some((c) => ['ア', 'イ', 'ウ', 'エ', 'オ'].includes(c.limitCategory ?? '')),
    );
    some('限度額 category (70+)', (p) =>
      p.coverages.some((c) => ['一般', '低所得Ⅰ', '低所得Ⅱ'].includes(c.limitCategory ?? '')),
    );
    some('card not registered for insurance use', (p) => p.myna?.insuranceRegistered === false);
    some('no My Number card', (p) => p.myna === null);
    some('no coverage at all', (p) => p.coverages.length === 0);
    for (const ins of ['kyokai', 'kumiai', 'kyosai', 'senin', 'kokuho', 'kouki'])
      some(ins, (p) => p.coverages.some((c) => c.insurer === ins));
  });

  it('loads on first start only, and on demand (replace reloads the demo patients, never the clinic’s own)', () => {
    expect(seedDemoIfFirstStart(db)).toBe(true);
    const n = repo.count();
    expect(seedDemoIfFirstStart(db)).toBe(false);
    const own = repo.create(
      patientInput.parse({ name: '自院 登録', kana: 'ジイン トウロク', birthDate: '1990-01-01', sex: 'male' }),
    );
    const first = repo.search('').items[0]!;
    repo.delete(first.id);
    expect(seedDemo(db).count).toBe(1); // only the missing one
    expect(seedDemo(db, { replace: true }).count).toBe(n);
    expect(repo.count()).toBe(n + 1);
    expect(repo.get(own.id)).not.toBeNull();
    // a clinic that deleted everyone does not get the demo back on the next start
    for (const p of repo.search('', { limit: 500 }).items) repo.delete(p.id);
    expect(seedDemoIfFirstStart(db)).toBe(false);
    expect(repo.count()).toBe(0);
  });

  it('a registry seeded before rule book version 2 gets its patients (demo-2NN) on the next seed, keeping everyone it has', () => {
    seedDemo(db);
    const v2 = demoPatients().filter((d) => d.key.startsWith('demo-2'));
    expect(v2.length).toBeGreaterThanOrEqual(17);
    // the earlier patients keep their keys (demo-001 … in order), so a database seeded before has them all
    const v1 = demoPatients().filter((d) => !d.key.startsWith('demo-2'));
    expect(v1.map((d) => d.key)).toEqual(v1.map((_, i) => `demo-${String(i + 1).padStart(3, '0')}`));
    const before = repo.search('', { limit: 500 }).items.filter((p) => !v2.some((d) => d.person.name === p.name));
    db.prepare("DELETE FROM person WHERE demo_key LIKE 'demo-2%'").run();
    expect(seedDemo(db).count).toBe(v2.length);
    expect(repo.search('', { limit: 500 }).items.filter((p) => before.some((b) => b.id === p.id))).toEqual(before);
    const welfare = (db.prepare('SELECT count(*) AS n FROM welfare').get() as { n: number }).n;
    expect(welfare).toBe(v2.filter((d) => d.person.welfare).length);
  });
});
