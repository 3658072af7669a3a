// Printing an answer, by button or by key: the slip (on the paper chosen on this computer) or the
// 申立書 (the sheets: ./PrintSheets.tsx; print.css shows the one named by <html data-print>).
// Loaded apart from the desk's first screen (DeskView imports it when a print key is pressed).
import { useSyncExternalStore } from 'react';
import type { Decision } from '../../../shared/decision';

/** The slip's paper: A4 (a sheet printer) or an 80 mm receipt printer. */
export const SLIP_PAPERS = ['a4', 'receipt'] as const;
export type SlipPaper = (typeof SLIP_PAPERS)[number];
export const SLIP_PAPER_JA: Record<SlipPaper, string> = { a4: 'A4', receipt: 'レシート (80mm)' };

// The paper is the desk's own choice (this computer's printer), remembered on this computer.
const PAPER_KEY = 'shikaku.slipPaper';
const paperListeners = new Set<() => void>();
function readPaper(): SlipPaper {
  try {
    return localStorage.getItem(PAPER_KEY) === 'receipt' ? 'receipt' : 'a4';
  } catch {
    return 'a4';
  }
}
export function setSlipPaper(p: SlipPaper): void {
  try {
    localStorage.setItem(PAPER_KEY, p);
  } catch {
    // private mode: the choice lasts until the page is closed
  }
  for (const l of paperListeners) l();
}
export const useSlipPaper = (): SlipPaper =>
  useSyncExternalStore(
    (l) => {
      paperListeners.add(l);
      return () => paperListeners.delete(l);
    },
    readPaper,
    () => 'a4',
  );

/** What a print shows: the slip on its paper, or the 申立書. */
type Sheet = 'slip-a4' | 'slip-receipt' | 'declaration';

/** The decision asks the patient to fill in the 申立書 (R9): it can be printed. */
export const needsDeclarationForm = (d: Decision) => d.documentsNeeded.includes('declaration');

/** Prints one sheet: print.css shows only the element of <html data-print>. */
export function printSheet(sheet: 'slip' | 'declaration'): void {
  const root = document.documentElement;
  const shown: Sheet = sheet === 'declaration' ? 'declaration' : `slip-${readPaper()}`;
  root.dataset.print = shown;
  window.addEventListener('afterprint', () => delete root.dataset.print, { once: true });
  window.print();
}
