// 受付ナビ (F5): the form of what the receptionist saw and heard at a real desk, and the backend's
// answer. Like the desk, what is on screen belongs to the inputs on screen: every change of the
// form drops the answer, and an answer that arrives for an older form is dropped too. The form
// starts empty (null) and is set by the view when first opened (today, the clinic's situation):
// the builder (shared/real-desk/form.ts) loads with the view, not with the desk.
import type { RealDeskResult } from '../../../shared/contract';
import type { ApiError, ApiResult } from '../../../shared/contract/kernel';
import type { TerminalAnswer } from '../../../shared/observation';
import type { FormProblem, ObservationInput, RealDeskForm } from '../../../shared/real-desk/form';
import type { HistorySlice } from './history';
import type { Slice } from './slice';

interface RealDeskState {
  form: RealDeskForm | null;
  result: RealDeskResult | null;
  deciding: boolean;
  /** what to fix before deciding (from the builder), each naming its field */
  problems: FormProblem[];
  /** the backend refused (shown next to the answer) */
  error: ApiError | null;
}

export interface RealDeskSlice {
  realDesk: RealDeskState;
  /** a new form (a change of a field, or the next patient): the answer goes */
  setRealDeskForm(form: RealDeskForm): void;
  setRealDeskProblems(problems: FormProblem[]): void;
  /** decides the observation built from the form on screen */
  decideRealDesk(observation: ObservationInput): Promise<void>;
  /** a terminal's result file (its bytes in base64), as the backend reads it */
  readRealDeskResult(base64: string): Promise<ApiResult<TerminalAnswer>>;
}

const EMPTY: RealDeskState = { form: null, result: null, deciding: false, problems: [], error: null };

export const createRealDeskSlice: Slice<RealDeskSlice, Pick<HistorySlice, 'invalidateHistory'>> = (set, get, api) => {
  /** numbers the forms: an answer is kept only while its form is on screen */
  let formSeq = 0;
  return {
    realDesk: EMPTY,
    setRealDeskForm: (form) => {
      formSeq += 1;
      set({ realDesk: { ...EMPTY, form } });
    },
    setRealDeskProblems: (problems) => set({ realDesk: { ...get().realDesk, problems, result: null, error: null } }),
    decideRealDesk: async (observation) => {
      const s = get().realDesk;
      if (s.deciding || s.result !== null) return; // on its way, or on screen (and in the history)
      const seq = formSeq;
      set({ realDesk: { ...s, deciding: true, problems: [], error: null } });
      const r = await api['realdesk.decide']({ observation });
      if (seq !== formSeq) return; // the form changed meanwhile
      const now = get().realDesk;
      set({
        realDesk: r.ok
          ? { ...now, deciding: false, result: r.value, error: null }
          : { ...now, deciding: false, result: null, error: r.error },
      });
      if (r.ok) get().invalidateHistory();
    },
    readRealDeskResult: (base64) => api['realdesk.readResult']({ base64 }),
  };
};
