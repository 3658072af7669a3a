// Which documents the chosen patient can hand over on the visit date (what the registry says they
// carry), and when a document's key asks a question first (DocumentChooser): how マイナポータル is
// shown, which of two documents of a kind, what a walk-in's document prints. Hints and choices
// only: the backend decides (and refuses a document the patient does not have, with a clear message).
import type { Patient, PatientCoverage } from '../../shared/contract';
import type { IsoDate } from '../../shared/dates';
import type { DocumentKind } from '../../shared/enums';
import { type Holding, WALK_IN_PRINTED_KINDS, type WalkInPrintedKind } from '../../shared/holdings';
import { copayWari, DOCUMENT_JA, INSURER_JA, PROGRAM_JA } from '../../shared/labels';
import { documentExistsOn } from '../../shared/scenario/exists';
import { formatWareki } from '../../shared/wareki';

/** The key a holding is handed over with (a smartphone is the スマホのマイナ保険証). */
export const kindOfHolding = (h: Holding): DocumentKind => (h.kind === 'smartphone' ? 'myna-smartphone' : h.kind);

/** Whether the patient can hand this document over on day D (it exists by then). */
const existsOn = (h: Holding, p: Patient, D: IsoDate): boolean =>
  documentExistsOn(h, 'coverage' in h ? p.coverages.find((c) => c.id === h.coverage)?.insurer : undefined, D);

export function heldKinds(p: Patient, visitDate: IsoDate): Set<DocumentKind> {
  const out = new Set<DocumentKind>(['declaration']);
  if (p.myna) {
    out.add('myna-card');
    out.add('mynaportal');
  }
  for (const h of p.holdings) {
    if (h.kind === 'smartphone' && !p.myna) continue;
    if (existsOn(h, p, visitDate)) out.add(kindOfHolding(h));
  }
  return out;
}

/** The positions of the patient's documents of a kind that exist on D. */
export function positionsOf(p: Patient, kind: DocumentKind, D: IsoDate): number[] {
  return p.holdings.flatMap((h, i) => (kindOfHolding(h) === kind && existsOn(h, p, D) ? [i] : []));
}

/** What a document's key opens before handing it over, if anything. */
export type Chooser = 'portal-form' | 'which-documents' | 'walk-in-printed';

/** `record`: the registry patient's record (null for a walk-in, or while it loads). */
export function chooserOf(kind: DocumentKind, walkIn: boolean, record: Patient | null, D: IsoDate): Chooser | null {
  if (kind === 'mynaportal') return 'portal-form';
  if (walkIn) {
    return (WALK_IN_PRINTED_KINDS as readonly DocumentKind[]).includes(kind) ? 'walk-in-printed' : null;
  }
  return record !== null && positionsOf(record, kind, D).length >= 2 ? 'which-documents' : null;
}

export const isWalkInPrinted = (k: DocumentKind): k is WalkInPrintedKind =>
  (WALK_IN_PRINTED_KINDS as readonly DocumentKind[]).includes(k);

const ja = (d: IsoDate | null) => (d === null ? '' : formatWareki(d));

/** 保険者名 (printed, else the insurer type's name) and the coverage's dates, e.g. 「さくら電機健康保険組合 令和7年11月1日〜」. */
function coverageLabel(c: PatientCoverage | undefined): string {
  if (c === undefined) return '';
  const name = c.insurerName ?? INSURER_JA[c.insurer];
  return `${name} (${ja(c.acquiredOn)}〜${c.lostOn === null ? '' : `${ja(c.lostOn)} 喪失`})`;
}

/** A document in a few words (the insurer, the ratio, the 区分): what its key's hint shows once chosen. */
export function holdingShort(h: Holding, p: Patient): string {
  if (h.kind === 'elderly-card') return copayWari(h.ratio);
  if (h.kind === 'limit-cert') return `区分 ${h.category}`;
  if (h.kind === 'smartphone') return h.os === 'iphone' ? 'iPhone' : 'Android';
  if (h.kind === 'kohi-cert') return programmeLabel(h.kohi, p);
  if (h.kind === 'medical-ticket') return h.month === null ? '' : monthJa(h.month);
  if (h.kind === 'rousai-form') return '';
  const c = p.coverages.find((x) => x.id === h.coverage);
  return c === undefined ? '' : (c.insurerName ?? INSURER_JA[c.insurer]);
}

/** One of two documents of a kind, labelled by insurer and dates. */
export function holdingLabel(h: Holding, p: Patient): string {
  const cov = 'coverage' in h ? p.coverages.find((c) => c.id === h.coverage) : undefined;
  switch (h.kind) {
    case 'legacy-card':
      return `${coverageLabel(cov)} ・ 有効期限 ${h.printedExpiry === null ? '記載なし' : ja(h.printedExpiry)}`;
    case 'kakunin-sho':
      return `${coverageLabel(cov)} ・ 交付 ${ja(h.issuedOn)} ・ 有効期限 ${ja(h.validUntil)}`;
    case 'oshirase':
      return coverageLabel(cov);
    case 'elderly-card':
      return `負担割合 ${copayWari(h.ratio)} ・ 有効期限 ${h.validUntil === null ? '記載なし' : ja(h.validUntil)}`;
    case 'limit-cert':
      return `区分 ${h.category} ・ 有効期限 ${h.validUntil === null ? '記載なし' : ja(h.validUntil)}`;
    case 'smartphone':
      return h.os === 'iphone' ? 'iPhone' : 'Android';
    case 'kohi-cert': {
      const k = p.kohi.find((x) => x.id === h.kohi);
      return `${programmeLabel(h.kohi, p)}${k ? ` ・ 有効期限 ${ja(k.validUntil)}` : ''}`;
    }
    case 'medical-ticket':
      return `${h.month === null ? '毎月' : monthJa(h.month)}${h.forThisClinic ? '' : ' ・ 他の医療機関あて'}`;
    case 'rousai-form':
      return DOCUMENT_JA['rousai-form'];
  }
}

/** A programme by its name (e.g. 子ども医療費助成), or its id when it is no longer held. */
function programmeLabel(id: string, p: Patient): string {
  const k = p.kohi.find((x) => x.id === id);
  return k ? PROGRAM_JA[k.program] : id;
}

/** 2026-05 → 令和8年5月分 */
function monthJa(month: string): string {
  return `${formatWareki(`${month}-01`).replace(/\d+日$/, '')}分`;
}
