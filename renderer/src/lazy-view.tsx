// A view whose code loads apart from the first screen: on first use (Suspense shows the fallback),
// or ahead of use with `preload`. Once loaded it renders at once — not through another Suspense
// round, whose reveal React holds back for up to 300 ms.
import { type ComponentType, lazy } from 'react';

export interface LazyView {
  View: ComponentType;
  /** starts loading the code (once); resolves when it is ready */
  preload(): Promise<unknown>;
}

export function lazyView(load: () => Promise<ComponentType>): LazyView {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = () =>
    (loading ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  const Suspending = lazy(() => preload().then((c) => ({ default: c })));
  function View() {
    const Loaded = loaded ?? Suspending;
    return <Loaded />;
  }
  return { View, preload };
}
