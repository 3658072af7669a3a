// The scenario being written, as plain JSON (the pack format, possibly invalid while it is being
// typed), and reading and writing one value in it by its path.
import type { DocumentKind } from '../../../../../shared/enums';

export type Json = Record<string, unknown>;
/** Where a value sits in the draft: ['patient', 'coverages', 0, 'insurer'] */
export type Path = readonly (string | number)[];

export function getIn(o: unknown, path: Path): unknown {
  let cur: unknown = o;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A copy of `o` with `value` at `path` (objects and arrays on the way copied; undefined removes the key). */
export function setIn(o: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(o)) {
    const copy = [...o];
    copy[k as number] = setIn(copy[k as number], rest, value);
    return copy;
  }
  const obj = { ...((o ?? {}) as Json) };
  const next = setIn(obj[k as string], rest, value);
  if (next === undefined) delete obj[k as string];
  else obj[k as string] = next;
  return obj;
}

/** A list in the draft (coverages, documents), or an empty one. */
export const listAt = (draft: Json, path: Path): Json[] => (getIn(draft, path) as Json[] | undefined) ?? [];

/** A new scenario that is valid as it stands: a patient with a マイナ保険証 on `today`. */
export function newScenarioTemplate(today: string): Json {
  return {
    id: 'new-scenario',
    title: '新しい例題',
    story: '',
    visitDate: today,
    clinic: { onlineCheck: true },
    patient: {
      birthDate: '1985-04-01',
      coverages: [{ id: 'c1', insurer: 'kyokai', acquiredOn: '2015-04-01' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-04-01' },
    },
    presented: [{ kind: 'myna-card' }],
  };
}

/** What a newly added document starts with (the fields its kind requires). */
export const NEW_DOCUMENT: Record<DocumentKind, Json> = {
  'myna-card': {},
  'myna-smartphone': { os: 'iphone' },
  'legacy-card': {},
  'kakunin-sho': { issuedOn: '2025-08-01', validUntil: '2030-07-31' },
  oshirase: {},
  mynaportal: { form: 'screen' },
  'elderly-card': { ratio: 20 },
  'limit-cert': { category: 'ウ' },
  declaration: {},
  'kohi-cert': {},
  'medical-ticket': {},
  'rousai-form': {},
};

/** A new coverage, numbered after the others. */
export const newCoverage = (count: number): Json => ({
  id: `c${count + 1}`,
  insurer: 'kyokai',
  acquiredOn: '2025-04-01',
});

/** The マイナンバーカード a patient gets when the box is ticked. */
export const NEW_MYNA: Json = { insuranceRegistered: true, certExpiresOn: '2030-04-01' };
