// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PercentBarChart } from './PercentBarChart';
import { PercentLineChart } from './PercentLineChart';
import { labelStep } from './scale';

afterEach(cleanup);

const num = (el: Element, a: string) => Number(el.getAttribute(a));

describe('PercentLineChart', () => {
  it('puts each value at its height, with a tooltip, a legend and an accessible name', () => {
    render(
      <PercentLineChart
        label="日ごとの正答率: 3/1 0%、3/2 50%、3/3 100%"
        labels={['3/1', '3/2', '3/3']}
        series={[
          { name: '問題の正答率', values: [0, 50, 100] },
          { name: '項目ごとの正答率', values: [null, 75, 80] },
        ]}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('日ごとの正答率: 3/1 0%、3/2 50%、3/3 100%');
    const [first, second] = document.querySelectorAll('.chart-svg .chart-series');
    const ys = [...first!.querySelectorAll('circle')].map((c) => num(c, 'cy'));
    expect(ys[0]! - ys[1]!).toBeCloseTo(ys[1]! - ys[2]!); // 0 → 50 → 100 evenly spaced
    expect(ys[0]!).toBeGreaterThan(ys[2]!); // 100 % at the top
    expect(first!.querySelector('title')?.textContent).toBe('3/1 問題の正答率: 0%');
    expect(second!.querySelectorAll('circle')).toHaveLength(2); // no point where there is no value
    expect(document.querySelector('.chart-legend')?.textContent).toBe('問題の正答率項目ごとの正答率');
  });

  it('prints only every n-th label when they would overlap', () => {
    expect(labelStep(5, 50, 500)).toBe(1);
    expect(labelStep(30, 100, 500)).toBe(6);
    const labels = Array.from({ length: 30 }, (_, i) => `11/${i + 1} 09:00 練習`);
    render(<PercentLineChart label="x" labels={labels} series={[{ name: 'a', values: labels.map(() => 50) }]} />);
    const shown = [...document.querySelectorAll('.chart-tick')]
      .map((t) => t.textContent)
      .filter((t) => t?.includes('練習'));
    expect(shown.length).toBeLessThan(10);
    expect(shown.at(-1)).toBe('11/30 09:00 練習'); // the last one always
  });
});

describe('PercentBarChart', () => {
  it('draws bars in proportion, labels every value (0 % and none too), coloured by tone', () => {
    render(
      <PercentBarChart
        label="ルール別"
        bars={[
          { label: 'R1 従来の健康保険証', percent: 100, tone: 'ok' },
          { label: 'R2 暫定的な取扱い', percent: 50, tone: 'declaration' },
          { label: 'R11 自費', percent: 0, tone: 'bad' },
          { label: 'R5 まだ', percent: null, tone: 'interim' },
        ]}
      />,
    );
    const rows = [...document.querySelectorAll('.chart-row')];
    expect(rows.map((r) => r.querySelector('.chart-value')?.textContent)).toEqual(['100%', '50%', '0%', '—']);
    expect(rows.map((r) => r.getAttribute('class'))).toEqual([
      'chart-row tone-ok',
      'chart-row tone-declaration',
      'chart-row tone-bad',
      'chart-row tone-interim',
    ]);
    const widths = rows.map((r) => r.querySelector('rect')).map((b) => (b ? num(b, 'width') : 0));
    expect(widths[0]).toBeCloseTo(2 * widths[1]!);
    expect(widths.slice(2)).toEqual([0, 0]);
    expect(rows[0]!.querySelector('.chart-label')?.textContent).toBe('R1 従来の健康保険証');
  });
});
