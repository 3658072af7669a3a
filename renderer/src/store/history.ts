// The check history: a filter and pages fetched on demand for the virtualised table; one record
// opened in full; and the session's operator (担当者), chosen once and sent with every desk check.
import type { HistoryCheck, HistoryFilter, HistoryRow } from '../../../shared/contract';
import { type Slice, unwrap } from './slice';

export const HISTORY_PAGE = 200;

/** Where the session's operator is kept: for this window's session only (a new start asks again). */
const OPERATOR_KEY = 'shikaku-desk.operator';
const session = (): Storage | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage);

export interface HistorySlice {
  historyFilter: HistoryFilter;
  /** the name of the one patient the filter's patientId keeps (null: no such filter) */
  historyPatient: string | null;
  /** null until the first page has arrived */
  historyTotal: number | null;
  /** rows by index; absent = not loaded yet */
  historyRows: Record<number, HistoryRow>;
  /** bumps whenever the cache is thrown away */
  historyVersion: number;
  /** a new filter; `patientName` names the patient of its patientId, if any */
  setHistoryFilter(filter: HistoryFilter, patientName?: string | null): void;
  /** the rows of the opened record's patient only (back to the list) */
  showPatientHistory(row: HistoryRow): void;
  /** makes sure the rows [start, end) are loaded */
  loadHistoryRange(start: number, end: number): Promise<void>;
  invalidateHistory(): void;
  exportHistoryCsv(): Promise<{ filename: string; csv: string; rows: number } | null>;
  /** the record opened in full (null: the list) */
  historyCheck: HistoryCheck | null;
  openHistoryCheck(id: number): Promise<void>;
  closeHistoryCheck(): void;
  /** the operator (担当者) of this session, recorded with each desk check; null until chosen */
  operator: string | null;
  /** the operators recorded lately, to choose from (null until loaded) */
  operators: string[] | null;
  setOperator(name: string | null): void;
  loadOperators(): Promise<void>;
}

export const createHistorySlice: Slice<HistorySlice> = (set, get, api) => {
  /** pages being fetched, per cache version (so a scroll does not ask twice) */
  const inFlight = new Set<string>();
  return {
    historyFilter: {},
    historyPatient: null,
    historyTotal: null,
    historyRows: {},
    historyVersion: 0,

    setHistoryFilter: (historyFilter, patientName = null) => {
      set({
        historyFilter,
        historyPatient: historyFilter.patientId === undefined ? null : patientName,
        historyTotal: null,
        historyRows: {},
        historyVersion: get().historyVersion + 1,
      });
      void get().loadHistoryRange(0, HISTORY_PAGE);
    },

    showPatientHistory: (row) => {
      if (row.patientId === null) return;
      set({ historyCheck: null });
      get().setHistoryFilter({ patientId: row.patientId }, row.patientName);
    },

    invalidateHistory: () => set({ historyTotal: null, historyRows: {}, historyVersion: get().historyVersion + 1 }),

    loadHistoryRange: async (start, end) => {
      const first = Math.floor(Math.max(0, start) / HISTORY_PAGE);
      const last = Math.floor(Math.max(start, end - 1) / HISTORY_PAGE);
      const version = get().historyVersion;
      const jobs: Promise<void>[] = [];
      for (let page = first; page <= last; page += 1) {
        const offset = page * HISTORY_PAGE;
        const total = get().historyTotal;
        if (total !== null && offset >= total && offset > 0) continue;
        if (get().historyRows[offset] !== undefined) continue;
        const key = `${version}:${offset}`;
        if (inFlight.has(key)) continue;
        inFlight.add(key);
        jobs.push(
          (async () => {
            const r = await api['history.query']({ ...get().historyFilter, offset, limit: HISTORY_PAGE });
            inFlight.delete(key);
            if (get().historyVersion !== version) return; // the filter changed meanwhile
            const page = unwrap(set, r);
            if (!page) return;
            const rows = { ...get().historyRows };
            page.rows.forEach((row, i) => {
              rows[offset + i] = row;
            });
            set({ historyRows: rows, historyTotal: page.total });
          })(),
        );
      }
      await Promise.all(jobs);
    },

    exportHistoryCsv: async () => unwrap(set, await api['history.exportCsv'](get().historyFilter)),

    historyCheck: null,
    openHistoryCheck: async (id) => {
      const check = unwrap(set, await api['history.get']({ id }));
      if (check) set({ historyCheck: check });
    },
    closeHistoryCheck: () => set({ historyCheck: null }),

    operator: session()?.getItem(OPERATOR_KEY) || null,
    operators: null,
    setOperator: (name) => {
      const operator = name?.trim() || null;
      if (operator === null) session()?.removeItem(OPERATOR_KEY);
      else session()?.setItem(OPERATOR_KEY, operator);
      set({ operator });
    },
    loadOperators: async () => {
      const operators = unwrap(set, await api['history.operators']({}));
      if (operators) set({ operators });
    },
  };
};
