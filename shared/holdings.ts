// The documents a registry patient carries ("holdings"), with what is printed on them: the
// scenario format's printed documents, and the smartphone with its model. At the desk, the kinds
// the receptionist clicks become the scenario's presented documents.
import type { DocOf, PresentedDocument } from './scenario';

/**
 * The documents whose printed details (validity, ratio, 区分) the desk types for a walk-in — the
 * お知らせ and the cards print nothing the rules read (desk.decide's `walkIn.documents`).
 */
export const WALK_IN_PRINTED_KINDS = ['legacy-card', 'kakunin-sho', 'elderly-card', 'limit-cert'] as const;
export type WalkInPrintedKind = (typeof WALK_IN_PRINTED_KINDS)[number];

/**
 * The printed documents are the scenario format's own; a smartphone is always a known model; a
 * 医療券 the patient receives every month has no month of its own (null: the visit's month).
 */
export type Holding =
  | Extract<
      PresentedDocument,
      { kind: 'legacy-card' | 'kakunin-sho' | 'oshirase' | 'elderly-card' | 'limit-cert' | 'kohi-cert' | 'rousai-form' }
    >
  | { kind: 'medical-ticket'; month: string | null; forThisClinic: boolean }
  | { kind: 'smartphone'; os: NonNullable<DocOf<'myna-smartphone'>['os']> };

/**
 * The holding a presented document stands for; null for what is not carried as a document of its
 * own (the マイナ保険証 card, マイナポータル, 申立書). A smartphone of unknown model counts as an iPhone.
 */
export function holdingOf(d: PresentedDocument): Holding | null {
  switch (d.kind) {
    case 'myna-smartphone':
      return { kind: 'smartphone', os: d.os ?? 'iphone' };
    case 'legacy-card':
    case 'kakunin-sho':
    case 'oshirase':
    case 'elderly-card':
    case 'limit-cert':
    case 'kohi-cert':
    case 'medical-ticket':
    case 'rousai-form':
      return d;
    default:
      return null;
  }
}
