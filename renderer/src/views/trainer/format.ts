// Words and small helpers the trainer screens share.
import type { NeededDocument } from '../../../../shared/enums';
import { formatWareki } from '../../../../shared/wareki';
import { NEEDED_LABELS } from '../../labels';

export const neededText = (d: readonly NeededDocument[]) =>
  d.length === 0 ? 'なし' : d.map((x) => NEEDED_LABELS[x]).join('、');

/** 令和8年1月15日 (2026-01-15) → with the weekday: 令和8年1月15日 (木) */
export function warekiWithWeekday(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const wd = '日月火水木金土'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${formatWareki(iso)} (${wd})`;
}

/** 2026-03-02T10:00:00.000+09:00 → 2026/03/02 10:00 */
export const stampText = (s: string) => `${s.slice(0, 10).replace(/-/g, '/')} ${s.slice(11, 16)}`;

export const secondsText = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/** Saves text as a file through a temporary link (no navigation, no network). */
export function downloadText(filename: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
