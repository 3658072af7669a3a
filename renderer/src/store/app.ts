import type { AppInfo } from '../../../shared/contract';
import { type ErrorState, type Slice, unwrap } from './slice';

export type View = 'desk' | 'history' | 'settings' | 'trainer' | 'realdesk';

export interface AppSlice extends ErrorState {
  info: AppInfo | null;
  view: View;
  /** a short confirmation ("コピーしました"), announced politely */
  notice: string | null;
  /**
   * Asked before leaving the view (a view with unsaved edits sets it, and clears it when it closes):
   * null: leave freely.
   */
  leaveQuestion: string | null;
  setLeaveQuestion(question: string | null): void;
  /** switches views; false when the receptionist chose to stay (unsaved edits) */
  setView(view: View): boolean;
  loadInfo(): Promise<void>;
  dismissError(): void;
  notify(text: string | null): void;
}

export const createAppSlice: Slice<AppSlice> = (set, get, api) => ({
  info: null,
  view: 'desk',
  error: null,
  notice: null,
  leaveQuestion: null,
  setLeaveQuestion: (leaveQuestion) => set({ leaveQuestion }),
  setView: (view) => {
    const { view: now, leaveQuestion } = get();
    if (view === now) return true;
    if (leaveQuestion !== null && !window.confirm(leaveQuestion)) return false;
    // the question goes with the view that asked it (it clears it when it closes)
    set({ view });
    return true;
  },
  loadInfo: async () => {
    const info = unwrap(set, await api['app.info']({}));
    if (info) set({ info });
  },
  dismissError: () => set({ error: null }),
  notify: (notice) => set({ notice }),
});
