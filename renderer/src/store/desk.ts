// The desk: who is at the counter, on which day, what the clinic can do today, what was handed
// over, and the backend's answer. What is on screen always belongs to what is selected: every
// change to the inputs drops the answer, and an answer that arrives for inputs no longer on the
// screen (another patient, other documents, another day …) is dropped too — each request carries
// its key (deskRequestKey) and the answer is kept only while the screen still has that key.
import type {
  ClinicSituation,
  DeskResult,
  Patient,
  PatientSummary,
  Settings,
  WalkIn,
  WalkInDocuments,
} from '../../../shared/contract';
import type { ApiError } from '../../../shared/contract/kernel';
import { type IsoDate, todayInJapan } from '../../../shared/dates';
import {
  type DocumentKind,
  type Insurer,
  type KohiProgram,
  type PortalForm,
  type Sex,
  type VisitType,
} from '../../../shared/enums';
import { visitDateProblem } from '../../../shared/visit-date';
import { parseDate } from '../../../shared/wareki';
import { chooserOf, kindOfHolding } from '../holdings';
import type { AppSlice } from './app';
import type { HistorySlice } from './history';
import type { Slice } from './slice';

type DeskPatient = { kind: 'registry'; summary: PatientSummary } | { kind: 'walk-in'; walkIn: WalkIn };

/** A kind of document whose printed details a walk-in's receptionist types. */
type WalkInPrinted = keyof WalkInDocuments;

/**
 * What a document's key chose (DocumentChooser): how マイナポータル was shown, which of the
 * patient's documents of a kind, a walk-in document's printed details.
 */
export type DocumentChoice =
  | { kind: 'mynaportal'; form: PortalForm }
  | { kind: DocumentKind; positions: number[] }
  | { [K in WalkInPrinted]: { kind: K; printed: NonNullable<WalkInDocuments[K]> } }[WalkInPrinted];

/** A 医療証's share as the walk-in form offers it: none, 1割, 2割, or a fixed amount per visit. */
export type WalkInShare = 'none' | '10' | '20' | 'per-visit';

/** The walk-in form as typed (ISO or 和暦 dates; empty = not given). */
export interface WalkInDraft {
  birthDate: string;
  /** none: no health insurance (生活保護, or uninsured) */
  insurer: Insurer | 'none';
  name: string;
  kana: string;
  sex: Sex;
  insurerNumber: string;
  symbol: string;
  number: string;
  branch: string;
  personalFamily: 1 | 2;
  /** 家族: the insured person's birth date (R26) */
  holderBirthDate: string;
  acquiredOn: string;
  /** one programme (公費・医療証); '' = none */
  program: KohiProgram | '';
  payerNumber: string;
  recipientNumber: string;
  kohiValidUntil: string;
  /** the patient carries its 受給者証・医療証 */
  kohiCarried: boolean;
  /** a 医療証's share, and its amount per visit (円) */
  share: WalkInShare;
  perVisitYen: string;
  /** a national programme: 月額上限, paid this month (円), and whether this clinic is designated */
  monthlyCapYen: string;
  paidThisMonthYen: string;
  designatedHere: boolean;
  /** 生活保護: since when, and whether this month's 医療券 is registered */
  welfare: boolean;
  welfareFrom: string;
  ticketRegistered: boolean;
}

const EMPTY_WALK_IN: WalkInDraft = {
  birthDate: '',
  insurer: 'kyokai',
  name: '',
  kana: '',
  sex: 'unspecified',
  insurerNumber: '',
  symbol: '',
  number: '',
  branch: '',
  personalFamily: 1,
  holderBirthDate: '',
  acquiredOn: '',
  program: '',
  payerNumber: '',
  recipientNumber: '',
  kohiValidUntil: '',
  kohiCarried: true,
  share: 'none',
  perVisitYen: '',
  monthlyCapYen: '',
  paidThisMonthYen: '',
  designatedHere: true,
  welfare: false,
  welfareFrom: '',
  ticketRegistered: true,
};

/** What the desk sends to the backend (everything the answer depends on). */
export type DeskInputs = Pick<
  DeskSlice,
  | 'patient'
  | 'patientRecord'
  | 'presented'
  | 'portalForm'
  | 'picked'
  | 'visitDate'
  | 'situation'
  | 'visitType'
  | 'needsLimit'
>;

/** The positions chosen among the patient's documents, for the kinds handed over (sorted). */
function pickedPresented(s: Pick<DeskInputs, 'presented' | 'picked' | 'patientRecord'>): number[] {
  const holdings = s.patientRecord?.holdings ?? [];
  return s.picked
    .filter((i) => holdings[i] !== undefined && s.presented.includes(kindOfHolding(holdings[i]!)))
    .sort((a, b) => a - b);
}

/** The case on the desk without its day (the what-if timeline draws one case over many days). */
export function deskCaseKey(s: Omit<DeskInputs, 'visitDate'>): string {
  const p = s.patient;
  return JSON.stringify([
    p === null ? null : p.kind === 'registry' ? p.summary.id : p.walkIn,
    [...s.presented].sort(),
    s.presented.includes('mynaportal') ? s.portalForm : null,
    pickedPresented(s),
    s.situation,
    s.visitType,
    s.needsLimit,
  ]);
}

/** The request's key: an answer is shown only while the screen has the key it was asked with. */
const deskRequestKey = (s: DeskInputs): string => `${s.visitDate} ${deskCaseKey(s)}`;

/** Why the desk asks before deciding. */
type DeskQuestion = { reason: 'nothing-presented' } | { reason: 'double-tap'; kind: DocumentKind };

/** A field of the walk-in form that was refused, with why. */
export type WalkInErrors = Partial<Record<keyof WalkInDraft, string>>;

export interface DeskSlice {
  /** the search text last sent */
  query: string;
  results: PatientSummary[];
  /** the search text `results` answer (Enter chooses only from the results of the text shown) */
  resultsFor: string | null;
  searched: boolean;
  patient: DeskPatient | null;
  /** today in Japan (the day the desk started; tests fix it) */
  today: IsoDate;
  visitDate: IsoDate;
  visitDateText: string;
  visitDateError: string | null;
  situation: ClinicSituation;
  visitType: VisitType;
  needsLimit: boolean;
  presented: DocumentKind[];
  /** how the マイナポータル 資格情報画面 was shown (when it was) */
  portalForm: PortalForm;
  /** positions in the patient's holdings chosen where they hold two or more of a kind */
  picked: number[];
  /** the document whose chooser is open (マイナポータル, two of a kind, a walk-in's document) */
  chooser: DocumentKind | null;
  result: DeskResult | null;
  /** the key `result` was asked with */
  resultKey: string | null;
  /** a decision for the inputs on screen is on its way */
  deciding: boolean;
  /** asked before deciding (nothing handed over; a key pressed twice) */
  question: DeskQuestion | null;
  /** the kind the last key press turned off right after turning it on (a double tap), else null */
  doubleTapped: DocumentKind | null;
  /** the chosen registry patient's full record (what they carry), once loaded */
  patientRecord: Patient | null;
  /** why the last search or decision failed (shown on the desk, next to what failed) */
  searchError: ApiError | null;
  deskError: ApiError | null;
  /** increments on 次の患者 so the screen can move focus back to the search */
  nextPatientCount: number;
  /** the walk-in form is open; what it holds; what it refused */
  walkInOpen: boolean;
  walkInDraft: WalkInDraft;
  walkInErrors: WalkInErrors;
  /** registering the walk-in: its refusal */
  registerError: ApiError | null;
  search(query: string): Promise<void>;
  selectPatient(summary: PatientSummary): void;
  /** opens the walk-in form; text the search found no one for goes to the birth date or the name */
  openWalkIn(searchText?: string): void;
  closeWalkIn(): void;
  setWalkInDraft(patch: Partial<WalkInDraft>): void;
  /** accepts the walk-in form's patient; returns whether it was accepted */
  /** the walk-in form as read (walk-in-read.ts): the walk-in becomes the patient, or the errors are shown */
  acceptWalkIn(read: { walkIn: WalkIn } | { errors: WalkInErrors }): boolean;
  /** back to the walk-in form with what was typed (to add the name before registering) */
  editWalkIn(): void;
  /** 「この患者を登録」: the walk-in becomes a registry patient; returns the record */
  registerWalkIn(): Promise<Patient | null>;
  setVisitDateText(text: string): void;
  commitVisitDate(): boolean;
  setVisitDateToday(): void;
  setSituation(patch: Partial<ClinicSituation>): void;
  setVisitType(v: VisitType): void;
  setNeedsLimit(v: boolean): void;
  /** a document's key: hands it over or takes it back, or opens its chooser */
  pressDocument(kind: DocumentKind): void;
  toggleDocument(kind: DocumentKind): void;
  /** what the chooser chose for its kind; null: not handed over */
  chooseDocument(kind: DocumentKind, choice: DocumentChoice | null): void;
  closeChooser(): void;
  /**
   * Decides the inputs on screen. Nothing happens when their answer is already shown or on its
   * way; with nothing handed over, or right after a double tap, the desk asks first (`question`)
   * unless `confirmed`.
   */
  decide(opts?: { confirmed?: boolean }): Promise<void>;
  dismissQuestion(): void;
  nextPatient(): void;
  adoptClinicDefaults(s: Settings): void;
}

/** The walk-in's draft again (「入力を直す」). */
function draftOf(w: WalkIn): WalkInDraft {
  const k = w.kohi?.[0];
  const share = k?.share;
  return {
    birthDate: w.birthDate,
    insurer: w.insurer ?? 'none',
    name: w.name ?? '',
    kana: w.kana ?? '',
    sex: w.sex ?? 'unspecified',
    insurerNumber: w.insurerNumber ?? '',
    symbol: w.symbol ?? '',
    number: w.number ?? '',
    branch: w.branch ?? '',
    personalFamily: w.personalFamily ?? 1,
    holderBirthDate: w.holderBirthDate ?? '',
    acquiredOn: w.acquiredOn ?? '',
    program: k?.program ?? '',
    payerNumber: k?.payerNumber ?? '',
    recipientNumber: k?.recipientNumber ?? '',
    kohiValidUntil: k?.validUntil ?? '',
    kohiCarried: k?.carried ?? true,
    share:
      share === undefined || share === null || share === 'none'
        ? 'none'
        : 'perVisitYen' in share
          ? 'per-visit'
          : share.percent === 10
            ? '10'
            : '20',
    perVisitYen: share && typeof share === 'object' && 'perVisitYen' in share ? String(share.perVisitYen) : '',
    monthlyCapYen: k?.monthlyCapYen == null ? '' : String(k.monthlyCapYen),
    paidThisMonthYen: k?.paidThisMonthYen == null ? '' : String(k.paidThisMonthYen),
    designatedHere: k?.designatedHere ?? true,
    welfare: w.welfare !== undefined,
    welfareFrom: w.welfare?.from ?? '',
    ticketRegistered: w.welfare?.ticketRegistered ?? true,
  };
}

/** The search line of a patient the registry just stored. */
const summaryOf = (p: Patient, insurers: PatientSummary['insurers']): PatientSummary => ({
  id: p.id,
  clinicNo: p.clinicNo,
  name: p.name,
  kana: p.kana,
  birthDate: p.birthDate,
  sex: p.sex,
  firstVisit: null,
  insurers,
  hasMynaCard: p.myna !== null,
  note: p.note,
});

/** The desk slice, starting on `today` (tests pass a fixed day). */
export const createDeskSlice =
  (
    today: IsoDate = todayInJapan(),
  ): Slice<DeskSlice, Pick<HistorySlice, 'invalidateHistory' | 'operator'> & Pick<AppSlice, 'notify'>> =>
  (set, get, api) => {
    /** numbers the searches, so a late answer to an older query is dropped */
    let searchSeq = 0;
    /** numbers the decisions: only the latest one may land */
    let decideSeq = 0;
    /** the document the last action turned on (a second press of its key right after is a double tap) */
    let justTurnedOn: DocumentKind | null = null;
    /** The inputs changed: what was shown or asked for the old ones goes (spread into `set`). */
    const changed = () => {
      justTurnedOn = null;
      return {
        result: null,
        resultKey: null,
        deciding: false,
        question: null,
        deskError: null,
        doubleTapped: null,
        chooser: null,
      };
    };
    /** A new patient at the counter: nothing handed over yet. */
    const newPatient = (patient: DeskPatient, patientRecord: Patient | null) => ({
      ...changed(),
      patient,
      patientRecord,
      presented: [],
      picked: [],
      portalForm: 'screen' as const,
      registerError: null,
    });
    return {
      query: '',
      results: [],
      resultsFor: null,
      searched: false,
      patient: null,
      today,
      visitDate: today,
      visitDateText: today,
      visitDateError: null,
      situation: { onlineCheck: true, phoneReader: false, incident: 'none' },
      visitType: 'first',
      needsLimit: false,
      presented: [],
      portalForm: 'screen',
      picked: [],
      chooser: null,
      result: null,
      resultKey: null,
      deciding: false,
      question: null,
      doubleTapped: null,
      patientRecord: null,
      searchError: null,
      deskError: null,
      nextPatientCount: 0,
      walkInOpen: false,
      walkInDraft: EMPTY_WALK_IN,
      walkInErrors: {},
      registerError: null,

      search: async (query) => {
        set({ query });
        const seq = ++searchSeq;
        const text = query.trim();
        if (text === '') {
          set({ results: [], resultsFor: '', searched: false, searchError: null });
          return;
        }
        const r = await api['registry.search']({ query: text, limit: 50 });
        if (seq !== searchSeq) return; // a newer search is on its way
        if (!r.ok) {
          // e.g. a 12-digit entry is refused by the contract (R18): said without echoing it
          set({ results: [], resultsFor: text, searched: true, searchError: r.error });
          return;
        }
        set({ results: r.value, resultsFor: text, searched: true, searchError: null });
      },

      selectPatient: (summary) => {
        // seen at the desk before this visit: a 再診 (it changes R9's outcome)
        const seenBefore = summary.firstVisit !== null && summary.firstVisit < get().visitDate;
        set({ ...newPatient({ kind: 'registry', summary }, null), visitType: seenBefore ? 'return' : 'first' });
        void api['registry.get']({ id: summary.id }).then((r) => {
          const p = get().patient;
          if (r.ok && p?.kind === 'registry' && p.summary.id === summary.id) set({ patientRecord: r.value });
        });
      },

      openWalkIn: (searchText = '') => {
        const t = searchText.trim();
        const prefill: Partial<WalkInDraft> =
          t === '' ? {} : parseDate(t).ok ? { birthDate: t } : /\p{Script=Han}/u.test(t) ? { name: t } : { kana: t };
        set({ walkInOpen: true, walkInDraft: { ...EMPTY_WALK_IN, ...prefill }, walkInErrors: {} });
      },
      closeWalkIn: () => set({ walkInOpen: false }),
      setWalkInDraft: (patch) => set({ walkInDraft: { ...get().walkInDraft, ...patch } }),

      acceptWalkIn: (r) => {
        if ('errors' in r) {
          set({ walkInErrors: r.errors });
          return false;
        }
        set({
          ...newPatient({ kind: 'walk-in', walkIn: r.walkIn }, null),
          visitType: 'first',
          walkInOpen: false,
          walkInErrors: {},
        });
        return true;
      },

      editWalkIn: () => {
        const p = get().patient;
        if (p?.kind !== 'walk-in') return;
        set({
          ...changed(),
          patient: null,
          presented: [],
          walkInOpen: true,
          walkInDraft: draftOf(p.walkIn),
          walkInErrors: {},
          registerError: null,
        });
      },

      registerWalkIn: async () => {
        const s = get();
        if (s.patient?.kind !== 'walk-in') return null;
        const before = deskRequestKey(s);
        const r = await api['registry.registerWalkIn']({
          walkIn: s.patient.walkIn,
          presented: s.presented,
          visitDate: s.visitDate,
        });
        if (!r.ok) {
          set({ registerError: r.error });
          return null;
        }
        if (deskRequestKey(get()) !== before) return r.value; // the desk moved on meanwhile
        // the same person and documents, now from the registry: the answer on screen stays theirs
        const insurer = s.patient.walkIn.insurer;
        const summary = summaryOf(r.value, insurer === undefined ? [] : [insurer]);
        const next = { ...get(), patient: { kind: 'registry' as const, summary }, patientRecord: r.value, picked: [] };
        const shown = s.result !== null && s.resultKey === before;
        set({
          patient: next.patient,
          patientRecord: r.value,
          picked: [],
          registerError: null,
          resultKey: shown ? deskRequestKey(next) : null,
        });
        get().notify(`${r.value.name} さんを登録しました (診察券番号 ${r.value.clinicNo})`);
        return r.value;
      },

      setVisitDateText: (visitDateText) => set({ visitDateText }),
      commitVisitDate: () => {
        const r = parseDate(get().visitDateText);
        const problem = r.ok ? visitDateProblem(r.value) : r.error;
        if (!r.ok || problem) {
          set({ visitDateError: problem!.ja });
          return false;
        }
        if (r.value === get().visitDate) {
          set({ visitDateText: r.value, visitDateError: null });
          return true;
        }
        set({ ...changed(), visitDate: r.value, visitDateText: r.value, visitDateError: null });
        return true;
      },
      setVisitDateToday: () => {
        set({ visitDateText: get().today });
        get().commitVisitDate();
      },

      setSituation: (patch) => set({ ...changed(), situation: { ...get().situation, ...patch } }),
      setVisitType: (visitType) => set({ ...changed(), visitType }),
      setNeedsLimit: (needsLimit) => set({ ...changed(), needsLimit }),

      pressDocument: (kind) => {
        const s = get();
        if (s.chooser === kind) return set({ chooser: null });
        const chooser =
          s.patient === null ? null : chooserOf(kind, s.patient.kind === 'walk-in', s.patientRecord, s.visitDate);
        if (chooser === null) return get().toggleDocument(kind);
        justTurnedOn = null;
        set({ chooser: kind, question: null });
      },

      toggleDocument: (kind) => {
        const s = get();
        const on = s.presented.includes(kind);
        // off right after on, with nothing in between: probably one key pressed twice
        const doubleTapped = on && justTurnedOn === kind ? kind : null;
        set({
          ...changed(),
          presented: on ? s.presented.filter((k) => k !== kind) : [...s.presented, kind],
          doubleTapped,
        });
        justTurnedOn = on ? null : kind;
      },

      chooseDocument: (kind, choice) => {
        const s = get();
        const others = s.presented.filter((k) => k !== kind);
        const presented = choice === null ? others : [...others, kind];
        const holdings = s.patientRecord?.holdings ?? [];
        const picked = s.picked.filter((i) => holdings[i] !== undefined && kindOfHolding(holdings[i]!) !== kind);
        const patch: Partial<DeskSlice> = { ...changed(), presented, picked };
        if (choice !== null && 'form' in choice) patch.portalForm = choice.form;
        if (choice !== null && 'positions' in choice) patch.picked = [...picked, ...choice.positions];
        if (s.patient?.kind === 'walk-in' && choice !== null && 'printed' in choice) {
          const w = s.patient.walkIn;
          patch.patient = {
            kind: 'walk-in',
            walkIn: { ...w, documents: { ...w.documents, [choice.kind]: choice.printed } },
          };
        }
        set(patch);
      },

      closeChooser: () => set({ chooser: null }),

      decide: async ({ confirmed = false } = {}) => {
        if (get().patient === null) return;
        if (get().visitDateText !== get().visitDate && !get().commitVisitDate()) return;
        const s = get();
        const key = deskRequestKey(s);
        if (s.result !== null && s.resultKey === key) return; // the answer is on screen (and in the history)
        if (s.deciding) return; // the answer for these inputs is on its way
        if (!confirmed) {
          const question: DeskQuestion | null =
            s.doubleTapped !== null
              ? { reason: 'double-tap', kind: s.doubleTapped }
              : s.presented.length === 0
                ? { reason: 'nothing-presented' }
                : null;
          if (question) {
            set({ question, chooser: null });
            return;
          }
        }
        const seq = ++decideSeq;
        set({ deciding: true, question: null, chooser: null, deskError: null });
        const p = s.patient!;
        const holdings = pickedPresented(s);
        const r = await api['desk.decide']({
          patient: p.kind === 'registry' ? { id: p.summary.id } : { walkIn: p.walkIn },
          presented: s.presented,
          ...(s.presented.includes('mynaportal') ? { mynaportalForm: s.portalForm } : {}),
          ...(holdings.length > 0 ? { holdings } : {}),
          visitDate: s.visitDate,
          clinic: s.situation,
          visitType: s.visitType,
          needsLimit: s.needsLimit,
          ...(s.operator !== null ? { operator: s.operator } : {}),
        });
        // dropped: a newer decision was asked for, or the screen no longer shows these inputs
        if (seq !== decideSeq || deskRequestKey(get()) !== key) return;
        if (!r.ok) {
          set({ deciding: false, result: null, resultKey: null, deskError: r.error });
          return;
        }
        justTurnedOn = null;
        set({ deciding: false, result: r.value, resultKey: key });
        get().invalidateHistory();
      },

      dismissQuestion: () => set({ question: null }),

      nextPatient: () =>
        set({
          ...changed(),
          query: '',
          results: [],
          resultsFor: null,
          searched: false,
          patient: null,
          patientRecord: null,
          searchError: null,
          presented: [],
          picked: [],
          portalForm: 'screen',
          visitType: 'first',
          needsLimit: false,
          walkInOpen: false,
          walkInDraft: EMPTY_WALK_IN,
          walkInErrors: {},
          registerError: null,
          nextPatientCount: get().nextPatientCount + 1,
        }),

      adoptClinicDefaults: (settings) =>
        set({
          ...changed(),
          situation: { ...get().situation, onlineCheck: settings.onlineCheck, phoneReader: settings.phoneReader },
        }),
    };
  };
