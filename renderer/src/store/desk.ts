// The desk: who is at the counter, on which day, what the clinic can do today, what was handed
// over, and the backend's answer. Any change to the inputs clears the answer, so what is on screen
// always belongs to what is selected.
import type { ClinicSituation, DeskResult, Patient, PatientSummary, Settings } from '../../../shared/contract';
import type { ApiError } from '../../../shared/contract/kernel';
import { type IsoDate, todayInJapan } from '../../../shared/dates';
import type { DocumentKind, Insurer, VisitType } from '../../../shared/enums';
import { parseDate } from '../../../shared/wareki';
import type { HistorySlice } from './history';
import type { Slice } from './slice';

type DeskPatient =
  { kind: 'registry'; summary: PatientSummary } | { kind: 'walk-in'; birthDate: IsoDate; insurer: Insurer };

export interface DeskSlice {
  query: string;
  results: PatientSummary[];
  searched: boolean;
  patient: DeskPatient | null;
  visitDate: IsoDate;
  visitDateText: string;
  visitDateError: string | null;
  situation: ClinicSituation;
  visitType: VisitType;
  needsLimit: boolean;
  presented: DocumentKind[];
  result: DeskResult | null;
  deciding: boolean;
  /** the chosen registry patient's full record (what they carry), once loaded */
  patientRecord: Patient | null;
  /** why the last search or decision failed (shown on the desk, next to what failed) */
  searchError: ApiError | null;
  deskError: ApiError | null;
  /** increments on 次の患者 so the screen can move focus back to the search */
  nextPatientCount: number;
  search(query: string): Promise<void>;
  selectPatient(summary: PatientSummary): void;
  /** returns an error message (Japanese) or null */
  walkIn(birthDateText: string, insurer: Insurer): string | null;
  setVisitDateText(text: string): void;
  commitVisitDate(): boolean;
  setSituation(patch: Partial<ClinicSituation>): void;
  setVisitType(v: VisitType): void;
  setNeedsLimit(v: boolean): void;
  toggleDocument(kind: DocumentKind): void;
  decide(): Promise<void>;
  nextPatient(): void;
  adoptClinicDefaults(s: Settings): void;
}

/** The desk slice, starting on `today` (tests pass a fixed day). */
export const createDeskSlice =
  (today: IsoDate = todayInJapan()): Slice<DeskSlice, Pick<HistorySlice, 'invalidateHistory'>> =>
  (set, get, api) => {
    /** numbers the searches, so a late answer to an older query is dropped */
    let searchSeq = 0;
    return {
      query: '',
      results: [],
      searched: false,
      patient: null,
      visitDate: today,
      visitDateText: today,
      visitDateError: null,
      situation: { onlineCheck: true, phoneReader: false, incident: 'none' },
      visitType: 'first',
      needsLimit: false,
      presented: [],
      result: null,
      deciding: false,
      patientRecord: null,
      searchError: null,
      deskError: null,
      nextPatientCount: 0,

      search: async (query) => {
        set({ query });
        const seq = ++searchSeq;
        if (query.trim() === '') {
          set({ results: [], searched: false });
          return;
        }
        const r = await api['registry.search']({ query: query.trim(), limit: 50 });
        if (seq !== searchSeq) return; // a newer search is on its way
        if (!r.ok) {
          // e.g. a 12-digit entry is refused by the contract (R18): said without echoing it
          set({ results: [], searched: true, searchError: r.error });
          return;
        }
        set({ results: r.value, searched: true, searchError: null });
      },

      selectPatient: (summary) => {
        set({
          patient: { kind: 'registry', summary },
          patientRecord: null,
          result: null,
          deskError: null,
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
          patient: { kind: 'walk-in', birthDate: d.value, insurer },
          patientRecord: null,
          result: null,
          deskError: null,
          presented: [],
        });
        return null;
      },

      setVisitDateText: (visitDateText) => set({ visitDateText }),
      commitVisitDate: () => {
        const r = parseDate(get().visitDateText);
        if (!r.ok) {
          set({ visitDateError: r.error.ja });
          return false;
        }
        set({ visitDate: r.value, visitDateText: r.value, visitDateError: null, result: null });
        return true;
      },

      setSituation: (patch) => set({ situation: { ...get().situation, ...patch }, result: null }),
      setVisitType: (visitType) => set({ visitType, result: null }),
      setNeedsLimit: (needsLimit) => set({ needsLimit, result: null }),

      toggleDocument: (kind) => {
        const p = get().presented;
        set({
          presented: p.includes(kind) ? p.filter((k) => k !== kind) : [...p, kind],
          result: null,
          deskError: null,
        });
      },

      decide: async () => {
        const s = get();
        if (s.patient === null || s.deciding) return;
        if (s.visitDateText !== s.visitDate && !get().commitVisitDate()) return;
        set({ deciding: true, deskError: null });
        const patient =
          s.patient.kind === 'registry'
            ? { id: s.patient.summary.id }
            : { walkIn: { birthDate: s.patient.birthDate, insurer: s.patient.insurer } };
        const r = await api['desk.decide']({
          patient,
          presented: s.presented,
          visitDate: get().visitDate,
          clinic: s.situation,
          visitType: s.visitType,
          needsLimit: s.needsLimit,
        });
        if (!r.ok) {
          set({ deciding: false, result: null, deskError: r.error });
          return;
        }
        set({ deciding: false, result: r.value });
        get().invalidateHistory();
      },

      nextPatient: () =>
        set({
          query: '',
          results: [],
          searched: false,
          patient: null,
          patientRecord: null,
          searchError: null,
          deskError: null,
          presented: [],
          result: null,
          visitType: 'first',
          needsLimit: false,
          situation: { ...get().situation },
          nextPatientCount: get().nextPatientCount + 1,
        }),

      adoptClinicDefaults: (settings) =>
        set({
          situation: { ...get().situation, onlineCheck: settings.onlineCheck, phoneReader: settings.phoneReader },
        }),
    };
  };
