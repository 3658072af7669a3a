// The four tones of the palette (styles/base.css: .tone-ok …): what colour says, everywhere —
// the desk's verdict, the trainer's feedback, result sheets and charts. Never colour alone: the
// words and a symbol go with it.
import type { Verdict } from '../../shared/enums';

export const TONES = ['ok', 'interim', 'declaration', 'bad'] as const;
export type Tone = (typeof TONES)[number];

/** The class that gives an element its tone's colours. */
export const toneClass = (t: Tone): `tone-${Tone}` => `tone-${t}`;

const VERDICT_TONE: Record<Verdict, Tone> = {
  insured: 'ok',
  'insured-interim': 'interim',
  'insured-declaration': 'declaration',
  'self-pay': 'bad',
  // covered, nothing to pay at the desk (their own colours come with the desk's version-2 step)
  'public-assistance': 'ok',
  'workers-comp': 'ok',
};

export const verdictTone = (v: Verdict) => toneClass(VERDICT_TONE[v]);

/** Right or wrong, passed or failed. */
export const rightTone = (right: boolean) => toneClass(right ? 'ok' : 'bad');
