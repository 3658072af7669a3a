import type { AppInfo } from '../../../shared/contract';
import { type ErrorState, type Slice, unwrap } from './slice';

export type View = 'desk' | 'history' | 'settings' | 'trainer' | 'realdesk';

export interface AppSlice extends ErrorState {
  info: AppInfo | null;
  view: View;
  /** a short confirmation ("コピーしました"), announced politely */
  notice: string | null;
  /**
   * Asked before leaving the view (a view with unsaved edits sets it): null: leave freely. Leaving
   * needs the receptionist's OK, and then the question is gone.
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
    set({ view, leaveQuestion: null });
    return true;
  },
  loadInfo: async () => {
    const info = unwrap(set, await api['app.info']({}));
    if (info) set({ info });
  },
  dismissError: () => set({ error: null }),
  notify: (notice) => set({ notice }),
});
