// A view (or a part of the desk used now and then) whose code loads apart from the first screen: on first use (Suspense shows the fallback),
// or ahead of use with `preload`. Once loaded it renders at once — not through another Suspense
// round, whose reveal React holds back for up to 300 ms.
import { type ComponentType, lazy } from 'react';

export interface LazyView<P extends object = object> {
  View: ComponentType<P>;
  /** starts loading the code (once); resolves when it is ready */
  preload(): Promise<unknown>;
}

export function lazyView<P extends object = object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  const Suspending = lazy(() => preload().then((c) => ({ default: c })));
  function View(props: P) {
    const Loaded = (loaded ?? Suspending) as ComponentType<P>;
    return <Loaded {...props} />;
  }
  return { View, preload };
}
