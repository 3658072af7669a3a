// The desk: who is at the counter, on which day, what the clinic can do today, what was handed
// over, and the backend's answer. What is on screen always belongs to what is selected: every
// change to the inputs drops the answer, and an answer that arrives for inputs no longer on the
// screen (another patient, other documents, another day …) is dropped too — each request carries
// its key (deskRequestKey) and the answer is kept only while the screen still has that key.
import type { ClinicSituation, DeskResult, Patient, PatientSummary, Settings } from '../../../shared/contract';
import type { ApiError } from '../../../shared/contract/kernel';
import { type IsoDate, todayInJapan } from '../../../shared/dates';
import type { DocumentKind, Insurer, VisitType } from '../../../shared/enums';
import { visitDateProblem } from '../../../shared/visit-date';
import { parseDate } from '../../../shared/wareki';
import type { HistorySlice } from './history';
import type { Slice } from './slice';

type DeskPatient =
  { kind: 'registry'; summary: PatientSummary } | { kind: 'walk-in'; birthDate: IsoDate; insurer: Insurer };

/** What the desk sends to the backend (everything the answer depends on). */
export type DeskInputs = Pick<
  DeskSlice,
  'patient' | 'presented' | 'visitDate' | 'situation' | 'visitType' | 'needsLimit'
>;

/** The case on the desk without its day (the what-if timeline draws one case over many days). */
export function deskCaseKey(s: Omit<DeskInputs, 'visitDate'>): string {
  const p = s.patient;
  return JSON.stringify([
    p === null ? null : p.kind === 'registry' ? p.summary.id : [p.birthDate, p.insurer],
    [...s.presented].sort(),
    s.situation,
    s.visitType,
    s.needsLimit,
  ]);
}

/** The request's key: an answer is shown only while the screen has the key it was asked with. */
export const deskRequestKey = (s: DeskInputs): string => `${s.visitDate} ${deskCaseKey(s)}`;

/** Why the desk asks before deciding. */
export type DeskQuestion = { reason: 'nothing-presented' } | { reason: 'double-tap'; kind: DocumentKind };

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
  /** the walk-in form is open (with what the search held, when it found no one) */
  walkInOpen: boolean;
  walkInPrefill: string;
  search(query: string): Promise<void>;
  selectPatient(summary: PatientSummary): void;
  /** returns an error message (Japanese) or null */
  walkIn(birthDateText: string, insurer: Insurer): string | null;
  setVisitDateText(text: string): void;
  commitVisitDate(): boolean;
  setVisitDateToday(): void;
  /** opens the walk-in form, with the search's text when given */
  openWalkIn(prefill?: string): void;
  closeWalkIn(): void;
  setSituation(patch: Partial<ClinicSituation>): void;
  setVisitType(v: VisitType): void;
  setNeedsLimit(v: boolean): void;
  toggleDocument(kind: DocumentKind): void;
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

/** The desk slice, starting on `today` (tests pass a fixed day). */
export const createDeskSlice =
  (today: IsoDate = todayInJapan()): Slice<DeskSlice, Pick<HistorySlice, 'invalidateHistory' | 'operator'>> =>
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
      return { result: null, resultKey: null, deciding: false, question: null, deskError: null, doubleTapped: null };
    };
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
      walkInPrefill: '',

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
        set({
          ...changed(),
          patient: { kind: 'registry', summary },
          patientRecord: null,
          presented: [],
        });
        void api['registry.get']({ id: summary.id }).then((r) => {
          const p = get().patient;
          if (r.ok && p?.kind === 'registry' && p.summary.id === summary.id) set({ patientRecord: r.value });
        });
      },

      walkIn: (birthDateText, insurer) => {
        const d = parseDate(birthDateText);
        if (!d.ok) return d.error.ja;
        if (d.value > get().visitDate) return '生年月日が受診日より後です';
        set({
          ...changed(),
          patient: { kind: 'walk-in', birthDate: d.value, insurer },
          patientRecord: null,
          presented: [],
          walkInOpen: false,
          walkInPrefill: '',
        });
        return null;
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

      openWalkIn: (prefill = '') => set({ walkInOpen: true, walkInPrefill: prefill }),
      closeWalkIn: () => set({ walkInOpen: false, walkInPrefill: '' }),

      setSituation: (patch) => set({ ...changed(), situation: { ...get().situation, ...patch } }),
      setVisitType: (visitType) => set({ ...changed(), visitType }),
      setNeedsLimit: (needsLimit) => set({ ...changed(), needsLimit }),

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
            set({ question });
            return;
          }
        }
        const seq = ++decideSeq;
        set({ deciding: true, question: null, deskError: null });
        const patient =
          s.patient!.kind === 'registry'
            ? { id: s.patient!.summary.id }
            : { walkIn: { birthDate: s.patient!.birthDate, insurer: s.patient!.insurer } };
        const r = await api['desk.decide']({
          patient,
          presented: s.presented,
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
          visitType: 'first',
          needsLimit: false,
          walkInOpen: false,
          walkInPrefill: '',
          nextPatientCount: get().nextPatientCount + 1,
        }),

      adoptClinicDefaults: (settings) =>
        set({
          ...changed(),
          situation: { ...get().situation, onlineCheck: settings.onlineCheck, phoneReader: settings.phoneReader },
        }),
    };
  };
