// Words and small helpers the trainer screens share.
import { copayWari } from '../../../../shared/labels';
import type { NeededDocument } from '../../../../shared/enums';
import type { AnswerItem, TraineeAnswer } from '../../../../shared/trainer/grade';
import { formatWareki } from '../../../../shared/wareki';
import { NEEDED_LABELS, VERDICT_LABELS } from '../../labels';

export const ITEM_LABELS: Record<AnswerItem, string> = {
  verdict: '判定',
  copayPercent: '窓口負担',
  elderlyCardNeeded: '高齢受給者証',
  documentsNeeded: 'まだ必要な書類',
};

export const copayText = (p: number) => copayWari(p) + (p === 100 ? ' (自費)' : '');
export const neededText = (d: readonly NeededDocument[]) =>
  d.length === 0 ? 'なし' : d.map((x) => NEEDED_LABELS[x]).join('、');

export function itemText(item: AnswerItem, a: TraineeAnswer): string {
  switch (item) {
    case 'verdict':
      return VERDICT_LABELS[a.verdict].title;
    case 'copayPercent':
      return copayText(a.copayPercent);
    case 'elderlyCardNeeded':
      return a.elderlyCardNeeded ? '必要' : '不要';
    case 'documentsNeeded':
      return neededText(a.documentsNeeded);
  }
}

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
