// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { type ComponentType, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyView } from './lazy-view';

afterEach(cleanup);

const Hello = () => <p>こんにちは</p>;
const shown = (V: ComponentType) =>
  render(
    <Suspense fallback={<p>読み込み中</p>}>
      <V />
    </Suspense>,
  );

describe('lazyView', () => {
  it('loads on first use, behind the fallback', async () => {
    const load = vi.fn(async () => Hello);
    const { View } = lazyView(load);
    shown(View);
    expect(screen.getByText('読み込み中')).toBeTruthy();
    expect(await screen.findByText('こんにちは', {}, { timeout: 2000 })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders at once, without the fallback, once preloaded; loads only once', async () => {
    const load = vi.fn(async () => Hello);
    const { View, preload } = lazyView(load);
    await act(() => preload());
    await preload();
    shown(View);
    expect(screen.queryByText('読み込み中')).toBeNull();
    expect(screen.getByText('こんにちは')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
