// The window's size and position, remembered between runs (pure: no 'electron' import).
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1366, height: 860 } as const;
export const MIN_SIZE = { width: 1100, height: 700 } as const;

function isBounds(v: unknown): v is Bounds {
  const b = v as Bounds;
  return typeof v === 'object' && v !== null && [b.x, b.y, b.width, b.height].every((n) => Number.isFinite(n));
}

/** Parses a saved state file; anything odd → null (the default window is used). */
export function parseWindowState(text: string): WindowState | null {
  try {
    const v = JSON.parse(text) as { bounds?: unknown; maximized?: unknown };
    if (!isBounds(v.bounds)) return null;
    return { bounds: v.bounds, maximized: v.maximized === true };
  } catch {
    return null;
  }
}

/**
 * Places saved bounds on the current screens: kept when at least 100×60 px of the title bar area
 * is on some display's work area; otherwise null (centre a default window). The size is clamped
 * to the minimum and to the display.
 */
export function restoreBounds(saved: Bounds, workAreas: readonly Bounds[]): Bounds | null {
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  for (const a of workAreas) {
    const visibleW = Math.min(saved.x + width, a.x + a.width) - Math.max(saved.x, a.x);
    const visibleH = Math.min(saved.y + 60, a.y + a.height) - Math.max(saved.y, a.y);
    if (visibleW >= 100 && visibleH >= 30) {
      return {
        x: Math.round(saved.x),
        y: Math.max(a.y, Math.round(saved.y)),
        width: Math.min(width, a.width),
        height: Math.min(height, a.height),
      };
    }
  }
  return null;
}
