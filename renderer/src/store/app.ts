import type { AppInfo } from '../../../shared/contract';
import { type ErrorState, type Slice, unwrap } from './slice';

export type View = 'desk' | 'history' | 'settings' | 'trainer' | 'realdesk';

export interface AppSlice extends ErrorState {
  info: AppInfo | null;
  view: View;
  /** a short confirmation ("コピーしました"), announced politely */
  notice: string | null;
  setView(view: View): void;
  loadInfo(): Promise<void>;
  dismissError(): void;
  notify(text: string | null): void;
}

export const createAppSlice: Slice<AppSlice> = (set, _get, api) => ({
  info: null,
  view: 'desk',
  error: null,
  notice: null,
  setView: (view) => set({ view }),
  loadInfo: async () => {
    const info = unwrap(set, await api['app.info']({}));
    if (info) set({ info });
  },
  dismissError: () => set({ error: null }),
  notify: (notice) => set({ notice }),
});
