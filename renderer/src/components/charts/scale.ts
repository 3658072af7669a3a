// Geometry shared by the charts: a percent axis (0–100 %) mapped onto a length in SVG units.

export const PERCENT_TICKS = [0, 25, 50, 75, 100] as const;

/** Where `percent` falls on an axis of `length` units starting at `start` (clamped to 0–100). */
export function percentAt(percent: number, start: number, length: number): number {
  return start + (Math.min(100, Math.max(0, percent)) / 100) * length;
}

/** Which of `count` labels to print so that labels `labelWidth` wide fit in `width`: every n-th, and the last. */
export function labelStep(count: number, labelWidth: number, width: number): number {
  const fit = Math.max(1, Math.floor(width / labelWidth));
  return Math.max(1, Math.ceil(count / fit));
}

/** Width of a label in SVG units at 12px, counting a full-width character as one em. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x100 ? 7 : 12;
  return w;
}
