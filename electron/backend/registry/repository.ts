// The registry repository: prepared statements, one transaction per write (a person and all
// their coverages, card and holdings are written or deleted together). A person arrives parsed
// and checked by the contract (shared/contract/patient.ts); here it is stored.
import type { Database, Statement } from 'better-sqlite3';
import type { Patient, PatientCoverage, PatientSummary } from '../../../shared/contract';
import {
  checkPatientRecord,
  KEPT_COVERAGE_FIELDS,
  type ParsedPatient,
  withCoverageDefaults,
} from '../../../shared/contract/patient';
import { type IsoDate, todayInJapan } from '../../../shared/dates';
import { coverageStates } from '../../../shared/engine';
import { normalizeForSearch } from '../../../shared/kana';
import type { CoverageRatio, Sex } from '../../../shared/enums';
import type { Holding } from '../../../shared/holdings';
import { pathJa } from '../../../shared/field-names';
import type { InputIssue } from '../../../shared/issues';
import type { Myna } from '../../../shared/scenario';
import type { ScenarioProgramme, Welfare } from '../../../shared/scenario/types';
import { DEFAULT_POLICY } from '../../../shared/timeline';
import { parseDate } from '../../../shared/wareki';
import { AppError } from '../errors';
import { inTransaction } from '../db/transaction';
import { assertNoMyNumber } from '../privacy';
import { jstIsoTimestamp } from '../time';

/** Stored as the national system's Sex1 code (1 男, 2 女, 3 未設定). */
const SEX_CODE: Record<Sex, 1 | 2 | 3> = { male: 1, female: 2, unspecified: 3 };
const SEX_OF_CODE: Record<1 | 2 | 3, Sex> = { 1: 'male', 2: 'female', 3: 'unspecified' };

interface PersonRow {
  id: number;
  clinic_no: string;
  name: string;
  kana: string;
  birth_date: string;
  sex: 1 | 2 | 3;
  note: string;
  demo_key: string | null;
  created_at: string;
  updated_at: string;
}
interface CoverageRow {
  id: string;
  insurer: PatientCoverage['insurer'];
  insurer_number: string | null;
  insurer_name: string | null;
  symbol: string | null;
  number: string | null;
  branch: string | null;
  personal_family: 1 | 2;
  acquired_on: string;
  lost_on: string | null;
  registered_on: string | null;
  filed_on: string | null;
  my_number_on_form: number;
  ratio: CoverageRatio | null;
  elderly_card: PatientCoverage['elderlyCard'];
  limit_category: PatientCoverage['limitCategory'];
  loss_registered_on: string | null;
  limit_on_file: number;
  role: PatientCoverage['role'];
  holder_birth_date: string | null;
  lost_with_holder: number;
}
interface WelfareRow {
  from_date: string;
  until_date: string | null;
  ticket_registered: number;
}
interface MynaRow {
  insurance_registered: number;
  register_at_desk: number;
  cert_expires_on: string;
  pin_locked: number;
}

const toCoverage = (r: CoverageRow): PatientCoverage => ({
  id: r.id,
  insurer: r.insurer,
  insurerNumber: r.insurer_number,
  symbol: r.symbol,
  number: r.number,
  branch: r.branch,
  acquiredOn: r.acquired_on,
  lostOn: r.lost_on,
  registeredOn: r.registered_on,
  filedOn: r.filed_on,
  lossRegisteredOn: r.loss_registered_on,
  limitOnFile: r.limit_on_file === 1,
  role: r.role,
  holderBirthDate: r.holder_birth_date,
  lostWithHolder: r.lost_with_holder === 1,
  myNumberOnForm: r.my_number_on_form === 1,
  ratio: r.ratio,
  elderlyCard: r.elderly_card,
  limitCategory: r.limit_category,
  insurerName: r.insurer_name,
  personalFamily: r.personal_family,
});

const toWelfare = (r: WelfareRow): Welfare => ({
  from: r.from_date,
  until: r.until_date,
  ticketRegistered: r.ticket_registered === 1,
});

const toMyna = (r: MynaRow): Myna => ({
  insuranceRegistered: r.insurance_registered === 1,
  registerAtDesk: r.register_at_desk === 1,
  certExpiresOn: r.cert_expires_on,
  pinLocked: r.pin_locked === 1,
});

/** The person's own fields, as both a record and a search line carry them. */
const toPerson = (p: PersonRow) => ({
  id: String(p.id),
  clinicNo: p.clinic_no,
  name: p.name,
  kana: p.kana,
  birthDate: p.birth_date,
  sex: SEX_OF_CODE[p.sex],
});

/** Escapes LIKE wildcards (ESCAPE '\'). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function parseId(id: string | number): number {
  const n = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new AppError(
      'invalid-input',
      `患者IDが正しくありません: ${String(id).slice(0, 20)}`,
      `bad patient id: ${String(id).slice(0, 20)}`,
      { field: 'id' },
    );
  }
  return n;
}

/** What a search query means (one or more readings; a person matching any of them is found). */
export interface SearchQuery {
  /** a birth date (ISO, 和暦, 1953/6/10, 19530610) */
  date?: IsoDate;
  /** a birth year or year-month (1953, 1953-06) */
  prefix?: string;
  /** numbers: 診察券番号, or 保険者番号・記号・番号 (each must be one of the patient's numbers) */
  numbers?: string[];
  /** the normalised name or reading */
  text?: string;
}

const WESTERN_DATE = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$/;
const ERA_DATE = /^(?:明治|大正|昭和|平成|令和|明|大|昭|平|令|[MTSHRmtshr])\s*(?:元|\d{1,2})\s*(?:年|[./-])/;
const YEAR_MONTH = /^(\d{4})(?:[/.年-](\d{1,2})月?)?$/;
/** separators between the numbers of a card: spaces, ・, -, /, commas */
const NUMBER_SEPARATORS = /[\s・･\-/,、]+/u;

/**
 * Reads a search query. A date that is written as one but does not exist (R8.2.30, 2026/13/01) is
 * an error that says why — not a search for nothing.
 */
export function interpretQuery(query: string): SearchQuery {
  const q = query.normalize('NFKC').trim();
  if (q === '') return {};
  const western = WESTERN_DATE.exec(q);
  if (western || ERA_DATE.test(q)) {
    const candidate = western ? `${western[1]}-${western[2]!.padStart(2, '0')}-${western[3]!.padStart(2, '0')}` : q;
    const d = parseDate(candidate);
    if (!d.ok) {
      throw new AppError('invalid-input', `検索: ${d.error.ja}`, `search: ${d.error.en}`, { field: 'query' });
    }
    return { date: d.value };
  }
  const out: SearchQuery = {};
  if (/^\d+$/.test(q)) {
    out.numbers = [q];
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(q);
    const d = compact ? parseDate(`${compact[1]}-${compact[2]}-${compact[3]}`) : null;
    if (d?.ok) out.date = d.value;
  }
  const ym = YEAR_MONTH.exec(q);
  if (ym && Number(ym[1]) >= 1868 && Number(ym[1]) <= 2099 && (!ym[2] || (Number(ym[2]) >= 1 && Number(ym[2]) <= 12))) {
    out.prefix = ym[2] ? `${ym[1]}-${ym[2].padStart(2, '0')}` : ym[1]!;
  }
  const tokens = q.split(NUMBER_SEPARATORS).filter((t) => t !== '');
  if (out.numbers === undefined && out.prefix === undefined && tokens.length > 1 && tokens.some((t) => /\d/.test(t))) {
    out.numbers = tokens;
  }
  // a name with digits (例題1) is searched as a name too
  if (out.date === undefined && out.prefix === undefined && !/^\d+$/.test(q)) out.text = normalizeForSearch(q);
  return out;
}

/** What the registry writes for a person besides their own fields: everything complete. */
type StoredRecord = Pick<Patient, 'coverages' | 'myna' | 'kohi' | 'welfare' | 'holdings'>;

/**
 * A received person completed for storing: what an edit left out is the current record's (a new
 * person: the defaults), and what was merged is checked again as a whole — the same checks as
 * when it was received (shared/contract/patient.ts), so nothing inconsistent is stored.
 */
function completeRecord(p: ParsedPatient, current: Patient | null): StoredRecord {
  const coverages: PatientCoverage[] = p.coverages.map((c) => {
    const old = current?.coverages.find((o) => o.id === c.id);
    const kept = Object.fromEntries(
      KEPT_COVERAGE_FIELDS.flatMap((k) => (c[k] === undefined && old !== undefined ? [[k, old[k]]] : [])),
    );
    return {
      ...withCoverageDefaults({ ...c, ...kept }),
      insurerName: c.insurerName !== undefined ? c.insurerName : (old?.insurerName ?? null),
      personalFamily: c.personalFamily ?? old?.personalFamily ?? 1,
    };
  });
  const kohi = p.kohi ?? current?.kohi ?? [];
  const welfare = p.welfare !== undefined ? p.welfare : (current?.welfare ?? null);
  const ids = new Set(coverages.map((c) => c.id));
  const holdings =
    p.holdings ??
    (current?.holdings ?? []).filter((h) =>
      'coverage' in h
        ? ids.has(h.coverage)
        : h.kind === 'kohi-cert'
          ? kohi.some((k) => k.id === h.kohi)
          : h.kind !== 'smartphone' || p.myna !== null,
    );
  const issues: InputIssue[] = [];
  checkPatientRecord({ birthDate: p.birthDate, coverages, kohi, welfare, myna: p.myna, holdings }, issues);
  const issue = issues[0];
  if (issue !== undefined)
    throw new AppError(
      'invalid-input',
      `患者: ${issue.ja} (${pathJa(issue.path)})`,
      `patient: ${issue.path}: ${issue.en}`,
      {
        field: issue.path,
      },
    );
  return { coverages, myna: p.myna, kohi, welfare, holdings };
}

export class RegistryRepository {
  private readonly s: {
    insertPerson: Statement;
    updatePerson: Statement;
    deletePerson: Statement;
    getPerson: Statement<[number]>;
    clinicNoHolder: Statement<[string]>;
    coverages: Statement<[number]>;
    insertCoverage: Statement;
    deleteCoverages: Statement<[number]>;
    myna: Statement<[number]>;
    insertMyna: Statement;
    deleteMyna: Statement<[number]>;
    holdings: Statement<[number]>;
    insertHolding: Statement;
    deleteHoldings: Statement<[number]>;
    kohi: Statement<[number]>;
    insertKohi: Statement;
    deleteKohi: Statement<[number]>;
    welfare: Statement<[number]>;
    insertWelfare: Statement;
    deleteWelfare: Statement<[number]>;
    count: Statement<[]>;
    bornOn: Statement<[string]>;
  };

  constructor(private readonly db: Database) {
    this.s = {
      insertPerson: db.prepare(
        `INSERT INTO person (clinic_no, name, kana, birth_date, sex, note, name_search, kana_search, demo_key, created_at, updated_at)
         VALUES (coalesce(@clinicNo, (SELECT CAST(coalesce(max(CAST(clinic_no AS INTEGER)), 1000) + 1 AS TEXT) FROM person)),
           @name, @kana, @birthDate, @sex, @note, @nameSearch, @kanaSearch, @demoKey, @now, @now)`,
      ),
      updatePerson: db.prepare(
        `UPDATE person SET clinic_no = coalesce(@clinicNo, clinic_no), name = @name, kana = @kana, birth_date = @birthDate,
           sex = @sex, note = @note, name_search = @nameSearch, kana_search = @kanaSearch, updated_at = @now WHERE id = @id`,
      ),
      clinicNoHolder: db.prepare('SELECT id, name FROM person WHERE clinic_no = ?'),
      deletePerson: db.prepare('DELETE FROM person WHERE id = ?'),
      getPerson: db.prepare(
        'SELECT id, clinic_no, name, kana, birth_date, sex, note, demo_key, created_at, updated_at FROM person WHERE id = ?',
      ),
      coverages: db.prepare('SELECT * FROM coverage WHERE person_id = ? ORDER BY position'),
      insertCoverage: db.prepare(
        `INSERT INTO coverage (person_id, position, id, insurer, insurer_number, insurer_name, symbol, number, branch, personal_family,
           acquired_on, lost_on, registered_on, filed_on, my_number_on_form, ratio, elderly_card, limit_category,
           loss_registered_on, limit_on_file, role, holder_birth_date, lost_with_holder)
         VALUES (@personId, @position, @id, @insurer, @insurerNumber, @insurerName, @symbol, @number, @branch, @personalFamily,
           @acquiredOn, @lostOn, @registeredOn, @filedOn, @myNumberOnForm, @ratio, @elderlyCard, @limitCategory,
           @lossRegisteredOn, @limitOnFile, @role, @holderBirthDate, @lostWithHolder)`,
      ),
      deleteCoverages: db.prepare('DELETE FROM coverage WHERE person_id = ?'),
      myna: db.prepare(
        'SELECT insurance_registered, register_at_desk, cert_expires_on, pin_locked FROM myna WHERE person_id = ?',
      ),
      insertMyna: db.prepare(
        `INSERT INTO myna (person_id, insurance_registered, register_at_desk, cert_expires_on, pin_locked)
         VALUES (@personId, @insuranceRegistered, @registerAtDesk, @certExpiresOn, @pinLocked)`,
      ),
      deleteMyna: db.prepare('DELETE FROM myna WHERE person_id = ?'),
      holdings: db.prepare('SELECT kind, details FROM holding WHERE person_id = ? ORDER BY position'),
      insertHolding: db.prepare(
        'INSERT INTO holding (person_id, position, kind, details) VALUES (@personId, @position, @kind, @details)',
      ),
      deleteHoldings: db.prepare('DELETE FROM holding WHERE person_id = ?'),
      kohi: db.prepare('SELECT details FROM kohi WHERE person_id = ? ORDER BY position'),
      insertKohi: db.prepare('INSERT INTO kohi (person_id, position, details) VALUES (@personId, @position, @details)'),
      deleteKohi: db.prepare('DELETE FROM kohi WHERE person_id = ?'),
      welfare: db.prepare('SELECT from_date, until_date, ticket_registered FROM welfare WHERE person_id = ?'),
      insertWelfare: db.prepare(
        `INSERT INTO welfare (person_id, from_date, until_date, ticket_registered)
         VALUES (@personId, @from, @until, @ticketRegistered)`,
      ),
      deleteWelfare: db.prepare('DELETE FROM welfare WHERE person_id = ?'),
      count: db.prepare('SELECT count(*) AS n FROM person'),
      bornOn: db.prepare('SELECT id FROM person WHERE birth_date = ? ORDER BY id'),
    };
  }

  /** Everything a person holds besides their own fields; `r` is checked and complete. */
  private writeChildren(personId: number, r: StoredRecord): void {
    r.coverages.forEach((c, position) => {
      this.s.insertCoverage.run({
        personId,
        position,
        id: c.id,
        insurer: c.insurer,
        insurerNumber: c.insurerNumber,
        insurerName: c.insurerName,
        symbol: c.symbol,
        number: c.number,
        branch: c.branch,
        personalFamily: c.personalFamily,
        acquiredOn: c.acquiredOn,
        lostOn: c.lostOn,
        registeredOn: c.registeredOn,
        filedOn: c.filedOn,
        myNumberOnForm: c.myNumberOnForm ? 1 : 0,
        ratio: c.ratio,
        elderlyCard: c.elderlyCard,
        limitCategory: c.limitCategory,
        lossRegisteredOn: c.lossRegisteredOn,
        limitOnFile: c.limitOnFile ? 1 : 0,
        role: c.role,
        holderBirthDate: c.holderBirthDate,
        lostWithHolder: c.lostWithHolder ? 1 : 0,
      });
    });
    if (r.myna) {
      this.s.insertMyna.run({
        personId,
        insuranceRegistered: r.myna.insuranceRegistered ? 1 : 0,
        registerAtDesk: r.myna.registerAtDesk ? 1 : 0,
        certExpiresOn: r.myna.certExpiresOn,
        pinLocked: r.myna.pinLocked ? 1 : 0,
      });
    }
    r.kohi.forEach((k, position) => this.s.insertKohi.run({ personId, position, details: JSON.stringify(k) }));
    if (r.welfare) {
      this.s.insertWelfare.run({
        personId,
        from: r.welfare.from,
        until: r.welfare.until,
        ticketRegistered: r.welfare.ticketRegistered ? 1 : 0,
      });
    }
    r.holdings.forEach((h, position) => {
      const { kind, ...details } = h;
      this.s.insertHolding.run({ personId, position, kind, details: JSON.stringify(details) });
    });
  }

  private personParams(p: ParsedPatient, now: Date) {
    // R18: the contract refused it already; the database keeps its own guard on what it stores
    assertNoMyNumber(`${p.name} ${p.kana} ${p.note}`, 'patient');
    return {
      clinicNo: p.clinicNo ?? null,
      name: p.name,
      kana: p.kana,
      birthDate: p.birthDate,
      sex: SEX_CODE[p.sex],
      note: p.note,
      nameSearch: normalizeForSearch(p.name),
      kanaSearch: normalizeForSearch(p.kana),
      now: jstIsoTimestamp(now),
    };
  }

  /** 診察券番号 is one patient's: another who holds it is refused by name. */
  private assertClinicNoFree(p: ParsedPatient, self: number | null): void {
    if (p.clinicNo === undefined) return;
    const holder = this.s.clinicNoHolder.get(p.clinicNo) as { id: number; name: string } | undefined;
    if (holder && holder.id !== self) {
      throw new AppError(
        'invalid-input',
        `患者: 診察券番号 ${p.clinicNo} は ${holder.name} さんの番号です`,
        `patient: clinic number ${p.clinicNo} belongs to another patient (id ${holder.id})`,
        { field: 'clinicNo' },
      );
    }
  }

  /** Creates a person with everything they hold, in one transaction (without a 診察券番号: the next one). */
  create(p: ParsedPatient, opts: { demoKey?: string | null; now?: Date } = {}): Patient {
    const record = completeRecord(p, null);
    const id = inTransaction(this.db, () => {
      this.assertClinicNoFree(p, null);
      const id = Number(
        this.s.insertPerson.run({ ...this.personParams(p, opts.now ?? new Date()), demoKey: opts.demoKey ?? null })
          .lastInsertRowid,
      );
      this.writeChildren(id, record);
      return id;
    });
    return this.get(id)!;
  }

  /**
   * Replaces a person's data, in one transaction. Left out: the programmes, 生活保護 and holdings
   * (the current ones are kept; holdings whose coverage, programme and card remain), and a
   * coverage's insurerName, personalFamily and version-2 fields (that coverage's current values).
   * The merged record is checked again as a whole.
   */
  update(id: string | number, p: ParsedPatient, opts: { now?: Date } = {}): Patient {
    const pid = parseId(id);
    const current = this.get(pid);
    if (!current)
      throw new AppError('not-found', `患者が見つかりません: ${pid}`, `no such patient: ${pid}`, { id: String(pid) });
    const record = completeRecord(p, current);
    inTransaction(this.db, () => {
      this.assertClinicNoFree(p, pid);
      if (this.s.updatePerson.run({ ...this.personParams(p, opts.now ?? new Date()), id: pid }).changes === 0) {
        throw new AppError('not-found', `患者が見つかりません: ${pid}`, `no such patient: ${pid}`, { id: String(pid) });
      }
      this.s.deleteCoverages.run(pid);
      this.s.deleteMyna.run(pid);
      this.s.deleteKohi.run(pid);
      this.s.deleteWelfare.run(pid);
      this.s.deleteHoldings.run(pid);
      this.writeChildren(pid, record);
    });
    return this.get(pid)!;
  }

  /** Create when there is no id, else update (the API's registry.save). */
  save(p: ParsedPatient): Patient {
    return p.id === undefined ? this.create(p) : this.update(p.id, p);
  }

  /** Deletes a person and everything they hold (ON DELETE CASCADE), in one transaction. */
  delete(id: string | number): boolean {
    const pid = parseId(id);
    return inTransaction(this.db, () => this.s.deletePerson.run(pid).changes > 0);
  }

  get(id: string | number): Patient | null {
    const pid = parseId(id);
    const p = this.s.getPerson.get(pid) as PersonRow | undefined;
    if (!p) return null;
    const myna = this.s.myna.get(pid) as MynaRow | undefined;
    const welfare = this.s.welfare.get(pid) as WelfareRow | undefined;
    return {
      ...toPerson(p),
      note: p.note,
      coverages: (this.s.coverages.all(pid) as CoverageRow[]).map(toCoverage),
      myna: myna ? toMyna(myna) : null,
      kohi: (this.s.kohi.all(pid) as Array<{ details: string }>).map((k) => JSON.parse(k.details) as ScenarioProgramme),
      welfare: welfare ? toWelfare(welfare) : null,
      holdings: (this.s.holdings.all(pid) as Array<{ kind: Holding['kind']; details: string }>).map((h) => {
        const held = { kind: h.kind, ...(JSON.parse(h.details) as object) } as Holding;
        // 高齢受給者証 saved before rule book v2 carry no 発効期日 (validFrom)
        return held.kind === 'elderly-card' ? { ...held, validFrom: held.validFrom ?? null } : held;
      }),
      demoKey: p.demo_key,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    };
  }

  /** Everyone born on a day, in full (the 連携 folder's number queries search by birth date first). */
  bornOn(birthDate: string): Patient[] {
    return (this.s.bornOn.all(birthDate) as Array<{ id: number }>).map((r) => this.get(r.id)!);
  }

  count(): number {
    return (this.s.count.get() as { n: number }).n;
  }

  /**
   * Search by name, reading, birth date, 診察券番号 or the numbers on a patient's documents
   * (保険者番号・記号・番号); ｶﾅ / カナ / かな, full- and half-width and spacing all match
   * (shared/kana.ts). Ordered by reading. `today` decides which coverages are current.
   */
  search(
    query: string,
    opts: { limit?: number; offset?: number; today?: IsoDate } = {},
  ): { total: number; items: Omit<PatientSummary, 'firstVisit'>[] } {
    assertNoMyNumber(query, 'query');
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
    const offset = Math.max(opts.offset ?? 0, 0);
    const q = interpretQuery(query);
    const readings: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.date !== undefined) {
      readings.push('birth_date = @date');
      params.date = q.date;
    }
    if (q.prefix !== undefined) {
      readings.push("birth_date LIKE @prefix ESCAPE '\\'");
      params.prefix = `${likeEscape(q.prefix)}%`;
    }
    if (q.numbers !== undefined) {
      const each = q.numbers.map((n, i) => {
        params[`n${i}`] = n;
        return `(clinic_no = @n${i} OR EXISTS (SELECT 1 FROM coverage c WHERE c.person_id = person.id
          AND (c.insurer_number = @n${i} OR c.symbol = @n${i} OR c.number = @n${i} OR c.branch = @n${i})))`;
      });
      readings.push(`(${each.join(' AND ')})`);
    }
    if (q.text !== undefined) {
      readings.push("(name_search LIKE @text ESCAPE '\\' OR kana_search LIKE @text ESCAPE '\\')");
      params.text = `%${likeEscape(q.text)}%`;
    }
    const where = readings.length === 0 ? '1' : readings.join(' OR ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM person WHERE ${where}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT id, clinic_no, name, kana, birth_date, sex, note FROM person WHERE ${where}
         ORDER BY kana_search, id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset }) as PersonRow[];
    const today = opts.today ?? todayInJapan();
    const items = rows.map((p) => {
      const coverages = (this.s.coverages.all(p.id) as CoverageRow[]).map(toCoverage);
      const insurers = coverageStates(coverages, p.birth_date, today, DEFAULT_POLICY)
        .filter((st) => st.current)
        .sort((a, b) => (a.coverage.acquiredOn < b.coverage.acquiredOn ? 1 : -1))
        .map((st) => st.coverage.insurer);
      return {
        ...toPerson(p),
        insurers,
        hasMynaCard: this.s.myna.get(p.id) !== undefined,
        note: p.note,
      };
    });
    return { total, items };
  }
}
