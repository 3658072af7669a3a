import type { BackupChoice, PolicyPatch, Settings } from '../../../shared/contract';
import type { ApiError, CallInput } from '../../../shared/contract/kernel';
import { POLICY_KEYS } from '../../../shared/enums';
import { DEFAULT_POLICY, type Policy } from '../../../shared/timeline';
import type { DeskSlice } from './desk';
import { type Slice, unwrap } from './slice';

/**
 * What the settings form sends for the policy: only the keys whose value the user changed — a
 * value equal to the default is no longer the clinic's own choice (null: follow the default,
 * and any later change of it). After 「既定値に戻す」 (`reset`), every choice the clinic had
 * stored is removed, even one that happened to equal the default.
 */
export function policyChanges(saved: Settings, draft: Policy, reset: boolean): PolicyPatch {
  const patch: Record<string, unknown> = {};
  for (const k of POLICY_KEYS) {
    if (draft[k] !== saved.policy[k]) patch[k] = draft[k] === DEFAULT_POLICY[k] ? null : draft[k];
    else if (reset && saved.policyOverrides.includes(k)) patch[k] = null;
  }
  return patch as PolicyPatch;
}

export interface SettingsSlice {
  settings: Settings | null;
  settingsSaving: boolean;
  loadSettings(): Promise<void>;
  /** saves, then adopts the backend's answer; returns the refusal (the form shows it), null when saved */
  saveSettings(patch: CallInput<'settings.update'>): Promise<ApiError | null>;
  seedDemo(): Promise<number | null>;
  /** 「バックアップを作成」: one verified backup file; null when it failed (the error is shown) */
  createBackup(): Promise<BackupChoice | null>;
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
    const r = await api['settings.update'](patch);
    set({ settingsSaving: false });
    if (!r.ok) return r.error;
    // saved: an earlier failure's banner no longer stands
    set({ settings: r.value, error: null });
    get().adoptClinicDefaults(r.value);
    return null;
  },
  seedDemo: async () => {
    const r = unwrap(set, await api['registry.seedDemo']({}));
    return r ? r.count : null;
  },
  createBackup: async () => unwrap(set, await api['data.backup']({})),
});
