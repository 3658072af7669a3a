import type { AppInfo } from '../../../shared/contract';
import type { ApiError } from '../../../shared/contract/kernel';
import { type SliceCreator, unwrap } from './index';

export type View = 'desk' | 'history' | 'settings' | 'trainer';

export interface AppSlice {
  info: AppInfo | null;
  view: View;
  /** the last error from the backend, shown in a banner until dismissed */
  error: ApiError | null;
  /** a short confirmation ("コピーしました"), announced politely */
  notice: string | null;
  setView(view: View): void;
  loadInfo(): Promise<void>;
  dismissError(): void;
  notify(text: string | null): void;
}

export const createAppSlice: SliceCreator<AppSlice> = (set, _get, api) => ({
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
