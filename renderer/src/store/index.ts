// One zustand store made of slices. Actions call the bridge, then `set`. SQLite (behind the bridge)
// stays the source of truth: the store only caches what the backend answered.
import { createContext, createElement, type ReactNode, useContext, useState } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import type { Api } from '../../../shared/contract/kernel';
import { type AppSlice, createAppSlice } from './app';
import { createDeskSlice, type DeskSlice } from './desk';
import { createHistorySlice, type HistorySlice } from './history';
import { createRealDeskSlice, type RealDeskSlice } from './realdesk';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { createTrainerSlice, type TrainerSlice } from './trainer';

export type AppState = AppSlice & SettingsSlice & DeskSlice & RealDeskSlice & HistorySlice & TrainerSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(api: Api, today?: string): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createAppSlice(set, get, api),
    ...createSettingsSlice(set, get, api),
    ...createDeskSlice(today)(set, get, api),
    ...createRealDeskSlice(set, get, api),
    ...createHistorySlice(set, get, api),
    ...createTrainerSlice(set, get, api),
  }));
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  const [s] = useState(store);
  return createElement(StoreContext.Provider, { value: s }, children);
}

export function useStoreApi(): AppStore {
  const s = useContext(StoreContext);
  if (s === null) throw new Error('StoreProvider missing');
  return s;
}

/** Atomic selector: select one value (use useShallow for objects built in the selector). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}
