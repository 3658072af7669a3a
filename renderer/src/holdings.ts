// Which documents the chosen patient can hand over on the visit date (what the registry says they
// carry). A hint on the buttons only: the backend decides (and refuses a document the patient
// does not have, with a clear message).
import type { Patient } from '../../shared/contract';
import type { IsoDate } from '../../shared/dates';
import type { DocumentKind } from '../../shared/enums';
import { documentExistsOn } from '../../shared/scenario/exists';

export function heldKinds(p: Patient, visitDate: IsoDate): Set<DocumentKind> {
  const out = new Set<DocumentKind>(['declaration']);
  if (p.myna) {
    out.add('myna-card');
    out.add('mynaportal');
  }
  for (const h of p.holdings) {
    switch (h.kind) {
      case 'smartphone':
        if (p.myna) out.add('myna-smartphone');
        break;
      case 'kakunin-sho':
      case 'oshirase': {
        const cov = p.coverages.find((c) => c.id === h.coverage);
        if (documentExistsOn(h, cov?.insurer, visitDate)) out.add(h.kind);
        break;
      }
      default:
        out.add(h.kind);
    }
  }
  return out;
}
