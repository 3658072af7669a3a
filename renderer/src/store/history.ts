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
  /** null until the first page has arrived */
  historyTotal: number | null;
  /** rows by index; absent = not loaded yet */
  historyRows: Record<number, HistoryRow>;
  /** bumps whenever the cache is thrown away */
  historyVersion: number;
  setHistoryFilter(filter: HistoryFilter): void;

  /** makes sure the rows [start, end) are loaded */
  loadHistoryRange(start: number, end: number): Promise<void>;
  invalidateHistory(): void;
  exportHistoryCsv(): Promise<{ filename: string; csv: string; rows: number } | null>;
  /** one record in full, as the desk showed it (null: the banner says why not) */
  historyCheck(id: number): Promise<HistoryCheck | null>;
  /** the operator (担当者) of this session, recorded with each desk check; null until chosen */
  operator: string | null;
  setOperator(name: string | null): void;
  /** the operators recorded lately, most recent first */
  recentOperators(): Promise<string[] | null>;
}

export const createHistorySlice: Slice<HistorySlice> = (set, get, api) => {
  /** pages being fetched, per cache version (so a scroll does not ask twice) */
  const inFlight = new Set<string>();
  return {
    historyFilter: {},
    historyTotal: null,
    historyRows: {},
    historyVersion: 0,

    setHistoryFilter: (historyFilter) => {
      set({ historyFilter, historyTotal: null, historyRows: {}, historyVersion: get().historyVersion + 1 });
      void get().loadHistoryRange(0, HISTORY_PAGE);
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

    historyCheck: async (id) => unwrap(set, await api['history.get']({ id })),

    operator: session()?.getItem(OPERATOR_KEY) || null,
    setOperator: (name) => {
      const operator = name?.trim() || null;
      if (operator === null) session()?.removeItem(OPERATOR_KEY);
      else session()?.setItem(OPERATOR_KEY, operator);
      set({ operator });
    },
    recentOperators: async () => unwrap(set, await api['history.operators']({})),
  };
};
