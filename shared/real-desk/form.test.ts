// The form → observation builder of 受付ナビ: every observation it builds passes the format's own
// validation, and the decisions on the typical real-desk cases are the rule book's.
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../enums';
import { decide } from '../engine';
import { parseObservations, type TerminalAnswer } from '../observation';
import {
  CARD_SCREENS,
  emptyForm,
  type FormDocument,
  newDocument,
  observationOfForm,
  type RealDeskForm,
  withResultFile,
} from './form';

const TODAY = '2026-02-09';
const clinic = { onlineCheck: true, phoneReader: false, incident: 'none' as const };
const form = (over: Partial<RealDeskForm> = {}): RealDeskForm => ({ ...emptyForm(TODAY, clinic), ...over });

/** The built observation, validated like a file, and its decision. */
function decided(f: RealDeskForm) {
  const r = observationOfForm(f);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const parsed = parseObservations(r.observation);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { observation: r.observation, decision: decide(parsed.observations[0]!) };
}

describe('observationOfForm', () => {
  it('the common case: マイナ保険証, 資格有効 → 保険で受付, 3割 by the online check', () => {
    const { observation, decision } = decided(form({ documents: [{ kind: 'myna-card' }], terminal: 'valid' }));
    expect(observation.card).toMatchObject({ device: 'card', result: 'valid', failure: null, shows: ['current'] });
    expect(observation.visitDate).toBe(TODAY);
    expect(decision).toMatchObject({ verdict: 'insured', copayPercent: 30, copayBasis: 'online', rules: ['R3'] });
  });

  it('asks for the terminal answer when a マイナ保険証 was handed over', () => {
    const r = observationOfForm(form({ documents: [{ kind: 'myna-card' }] }));
    expect(r).toEqual({ ok: false, problems: [{ field: 'terminal', ja: '資格確認端末に出た結果を選んでください' }] });
  });

  it('the ratio shown counts: 70–74 with 3割 on the screen → 3割; without it → 2割 by age', () => {
    const base = {
      documents: [{ kind: 'myna-card' } as const],
      terminal: 'valid' as const,
      ageBand: 'elderly' as const,
    };
    expect(decided(form({ ...base, ratio: 30 })).decision.copayPercent).toBe(30);
    expect(decided(form(base)).decision.copayPercent).toBe(20);
  });

  it('a typed 和暦 birth date wins over the age band', () => {
    const { observation, decision } = decided(
      form({ birthDate: '昭和30年3月1日', documents: [{ kind: 'myna-card' }], terminal: 'valid' }),
    );
    expect(observation.patient.birthDate).toBe('1955-03-01');
    expect(decision.copayPercent).toBe(20); // 70 on the visit day
  });

  it('資格(無効) + an expired 保険証 + the new insurance’s 資格確認書, 再診 → insured on the 資格確認書', () => {
    const docs: FormDocument[] = [
      { kind: 'myna-card' },
      { kind: 'legacy-card', of: 'previous', printedExpiry: '令和7年12月1日', query: 'none' },
      {
        kind: 'kakunin-sho',
        of: 'current',
        issuedOn: 'R8.1.20',
        validUntil: 'R9.7.31',
        showsRatio: false,
        showsLimit: false,
        query: 'none',
      },
    ];
    const { observation, decision } = decided(
      form({ visitType: 'return', changed: 'yes', insurer: 'kokuho', terminal: 'invalid', documents: docs }),
    );
    expect(observation.card?.shows).toEqual(['previous']);
    expect(observation.coverages.map((c) => [c.id, c.insurer])).toEqual([
      ['current', 'kokuho'],
      ['previous', 'kyokai'],
    ]);
    expect(observation.patient.insurance).toEqual(['current']);
    expect(decision).toMatchObject({ verdict: 'insured', coverage: 'current', rules: ['R5'] });
  });

  it('a reader failure, 再診, nothing else → 申立て, normal billing (R9)', () => {
    const { observation, decision } = decided(
      form({ visitType: 'return', changed: 'no', documents: [{ kind: 'myna-card' }], terminal: 'reader-failure' }),
    );
    expect(observation.card).toMatchObject({ result: 'failed', failure: 'reader-failure', shows: [] });
    expect(decision).toMatchObject({ verdict: 'insured-declaration', billing: 'normal', copayPercent: 30 });
  });

  it('every terminal answer builds a valid observation', () => {
    for (const terminal of CARD_SCREENS) {
      for (const changed of ['unknown', 'no', 'yes'] as const) {
        const { observation } = decided(form({ documents: [{ kind: 'myna-card' }], terminal, changed }));
        expect(observation.card?.registered, terminal).toBe(terminal !== 'not-registered');
      }
    }
  });

  it('every document kind, just handed over, builds (with the dates a 資格確認書 needs)', () => {
    const kinds = DOCUMENT_KINDS.filter((k) => k !== 'myna-card');
    for (const kind of kinds) {
      let doc = newDocument(kind);
      if (doc.kind === 'kakunin-sho') {
        expect(observationOfForm(form({ documents: [doc] }))).toMatchObject({
          ok: false,
          problems: [
            { field: 'documents.kakunin-sho.issuedOn', ja: '資格確認書の交付日を入力してください' },
            { field: 'documents.kakunin-sho.validUntil', ja: '資格確認書の有効期限を入力してください' },
          ],
        });
        doc = { ...doc, issuedOn: '2025-12-01', validUntil: '2030-11-30' };
      }
      if (doc.kind === 'kohi-cert') doc = { ...doc, prefecture: '27' as const };
      if (doc.kind === 'medical-ticket') doc = { ...doc, month: '2026-02' };
      const extra = kind === 'myna-smartphone' ? { terminal: 'valid' as const } : {};
      expect(() => decided(form({ documents: [doc], ...extra })), kind).not.toThrow();
    }
  });

  it('the patient’s answers of rule book v2: a work injury with the 労災 form → 労災; 生活保護 with this month’s 医療券 → 医療扶助', () => {
    const work = decided(
      form({ cause: 'work', documents: [{ kind: 'myna-card' }, { kind: 'rousai-form' }], terminal: 'valid' }),
    );
    expect(work.observation.cause).toBe('work');
    expect(work.decision).toMatchObject({ verdict: 'workers-comp', copayPercent: 0 });
    const ticket: FormDocument = { kind: 'medical-ticket', month: 'R8.2', forThisClinic: true };
    const welfare = decided(form({ onWelfare: true, documents: [ticket] }));
    expect(welfare.observation.documents).toEqual([{ kind: 'medical-ticket', month: '2026-02', forThisClinic: true }]);
    expect(welfare.decision).toMatchObject({ verdict: 'public-assistance', copayPercent: 0 });
  });

  it('a 医療証 (地方単独) needs its prefecture; a national 受給者証 does not', () => {
    const local = {
      kind: 'kohi-cert',
      program: 'child',
      prefecture: null,
      share: 'per-visit',
      shareAmount: '５００',
      validUntil: '',
      designatedHere: true,
    } satisfies FormDocument;
    expect(observationOfForm(form({ documents: [local] }))).toEqual({
      ok: false,
      problems: [{ field: 'documents.kohi-cert.prefecture', ja: '医療証を交付した都道府県を選んでください' }],
    });
    const built = decided(form({ documents: [{ ...local, prefecture: '13' }] }));
    expect(built.observation.programmes).toMatchObject([
      { id: 'kohi', program: 'child', prefecture: '13', share: { perVisitYen: 500 } },
    ]);
    const national = decided(form({ documents: [{ ...local, program: 'nanbyo', validUntil: 'R9.3.31' }] }));
    expect(national.observation.programmes).toMatchObject([
      { program: 'nanbyo', prefecture: null, designatedHere: true, validUntil: '2027-03-31' },
    ]);
  });

  it('no number query without the online check or during a network outage', () => {
    const doc: FormDocument = { kind: 'oshirase', of: 'current', query: 'valid' };
    const r = observationOfForm(form({ clinic: { ...clinic, incident: 'network-outage' }, documents: [doc] }));
    expect(r.ok).toBe(false);
    expect(decided(form({ documents: [doc] })).decision.onlineCheck.numberRoute).toBe('valid');
  });

  it('without online check the card route does not run, whatever was chosen', () => {
    const { observation } = decided(
      form({ clinic: { ...clinic, onlineCheck: false }, documents: [{ kind: 'myna-card' }], terminal: 'valid' }),
    );
    expect(observation.card).toMatchObject({ result: 'not-run', failure: null });
  });

  it('bad dates are named, birth after the visit refused', () => {
    const r = observationOfForm(form({ visitDate: 'R8.2.30', birthDate: 'あした' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['visitDate', 'birthDate']);
    const later = observationOfForm(form({ birthDate: '2026-03-01' }));
    expect(later).toEqual({ ok: false, problems: [{ field: 'birthDate', ja: '生年月日が受診日より後です' }] });
  });

  it('asks for no name and no number: the observation has none', () => {
    const { observation } = decided(form({ documents: [{ kind: 'myna-card' }], terminal: 'multiple' }));
    for (const c of observation.coverages)
      expect([c.insurerNumber, c.symbol, c.number, c.branch]).toEqual([null, null, null, null]);
    expect(observation.card?.shows).toEqual(['current', 'other']);
  });

  describe('a terminal’s result file (as realdesk.readResult answers)', () => {
    const shown = (over: Partial<TerminalAnswer['coverages'][number]>): TerminalAnswer['coverages'][number] => ({
      id: 't1',
      insurer: 'kokuho',
      insurerNumber: '138156',
      symbol: null,
      number: null,
      branch: null,
      acquiredOn: '2020-04-01',
      ratio: null,
      elderlyCard: null,
      limitCategory: null,
      limitOnFile: true,
      role: null,
      filedOn: null,
      myNumberOnForm: true,
      ...over,
    });
    const cardValid: TerminalAnswer = {
      route: 'card',
      visitDate: '2026-02-10',
      birthDate: '1955-03-01',
      coverages: [shown({ ratio: 20 })],
      shown: [{ id: 't1', insurerName: '文京区', personalFamily: 1, lastDay: null }],
      cardResult: 'valid',
      numberResult: null,
    };

    it('fills the form with the file’s day, birth date and card answer, and joins it like decide --result', () => {
      const f = withResultFile(form(), 'res_face.xml', cardValid);
      expect(f).toMatchObject({
        visitDate: '2026-02-10',
        birthDate: '1955-03-01',
        terminal: 'valid',
        insurer: 'kokuho',
        ratio: 20,
        documents: [{ kind: 'myna-card' }],
      });
      const { observation, decision } = decided(f);
      expect(observation.card).toMatchObject({ result: 'valid', shows: ['current'] });
      expect(observation.coverages[0]).toMatchObject({ id: 'current', insurer: 'kokuho', acquiredOn: '2020-04-01' });
      expect(decision).toMatchObject({ verdict: 'insured', copayPercent: 20, copayBasis: 'online' });
    });

    it('a number query’s answer goes to the document it was made on', () => {
      const numberInvalid: TerminalAnswer = {
        ...cardValid,
        route: 'number',
        cardResult: null,
        numberResult: 'invalid',
      };
      const f = withResultFile(
        form({
          insurer: 'kokuho',
          documents: [{ kind: 'legacy-card', of: 'current', printedExpiry: '', query: 'none' }],
        }),
        'res.xml',
        numberInvalid,
      );
      expect(f.terminal).toBeNull();
      const { observation } = decided(f);
      expect(observation.documents[0]).toMatchObject({ kind: 'legacy-card', numberQuery: { result: 'invalid' } });
    });

    it('a file of another day than the form’s is refused, naming the file', () => {
      const f = { ...withResultFile(form(), 'res_face.xml', cardValid), visitDate: '2026-02-11' };
      const r = observationOfForm(f);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]).toMatchObject({ field: 'resultFile' });
      if (!r.ok) expect(r.problems[0]!.ja).toContain('res_face.xml');
    });
  });
});
