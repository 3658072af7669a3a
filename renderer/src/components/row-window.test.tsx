// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRowWindow } from './row-window';

afterEach(cleanup);

function Rows({ count }: { count: number }) {
  const { scrollRef, first, last, totalHeight } = useRowWindow(count, 36, 12);
  return <div ref={scrollRef} data-testid="scroll" data-first={first} data-last={last} data-total={totalHeight} />;
}

describe('useRowWindow', () => {
  it('renders the rows in view plus the overscan, and follows the scroll position', () => {
    render(<Rows count={1000} />);
    const el = screen.getByTestId('scroll');
    expect(el.dataset.total).toBe(String(1000 * 36));
    // nothing measured yet (no layout here): the first rows only
    expect([el.dataset.first, el.dataset.last]).toEqual(['0', '12']);
    Object.defineProperty(el, 'clientHeight', { configurable: true, value: 360 }); // 10 rows
    act(() => {
      el.scrollTop = 100 * 36 + 5; // row 100 at the top
      el.dispatchEvent(new Event('scroll'));
    });
    expect([el.dataset.first, el.dataset.last]).toEqual(['88', '122']);
    act(() => {
      el.scrollTop = 999 * 36;
      el.dispatchEvent(new Event('scroll'));
    });
    expect(el.dataset.last).toBe('999'); // never past the last row
  });

  it('has no rows for an empty list', () => {
    render(<Rows count={0} />);
    const el = screen.getByTestId('scroll');
    expect(Number(el.dataset.last)).toBeLessThan(Number(el.dataset.first));
  });
});
