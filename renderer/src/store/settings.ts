import type { CallInput, Settings } from '../../../shared/contract';
import type { DeskSlice } from './desk';
import { type Slice, unwrap } from './slice';

export interface SettingsSlice {
  settings: Settings | null;
  settingsSaving: boolean;
  loadSettings(): Promise<void>;
  /** saves, then adopts the backend's answer; returns whether it worked */
  saveSettings(patch: CallInput<'settings.update'>): Promise<boolean>;
  seedDemo(): Promise<number | null>;
}

export const createSettingsSlice: Slice<SettingsSlice, Pick<DeskSlice, 'adoptClinicDefaults'>> = (set, get, api) => ({
  settings: null,
  settingsSaving: false,
  loadSettings: async () => {
    const settings = unwrap(set, await api['settings.get']({}));
    if (settings) {
      set({ settings });
      get().adoptClinicDefaults(settings);
    }
  },
  saveSettings: async (patch) => {
    set({ settingsSaving: true });
    const settings = unwrap(set, await api['settings.update'](patch));
    set({ settingsSaving: false });
    if (!settings) return false;
    set({ settings });
    get().adoptClinicDefaults(settings);
    return true;
  },
  seedDemo: async () => {
    const r = unwrap(set, await api['registry.seedDemo']({}));
    return r ? r.count : null;
  },
});
