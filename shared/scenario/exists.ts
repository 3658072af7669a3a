// Whether a document can be handed over on day D at all (RULES.md "Input errors"): a 資格確認書
// does not exist before its issuedOn, a マイナポータル PDF before its savedOn, and a 後期
// 資格情報のお知らせ not before 2026-08-01 (R6).
import type { IsoDate } from '../dates';
import type { Insurer } from '../enums';
import { KOUKI_OSHIRASE_START } from '../timeline';

export function documentExistsOn(
  doc: { kind: string; issuedOn?: IsoDate; savedOn?: IsoDate | null },
  insurer: Insurer | null | undefined,
  D: IsoDate,
): boolean {
  if (doc.kind === 'kakunin-sho' && doc.issuedOn !== undefined && D < doc.issuedOn) return false;
  if (doc.kind === 'mynaportal' && doc.savedOn != null && D < doc.savedOn) return false;
  if (doc.kind === 'oshirase' && insurer === 'kouki' && D < KOUKI_OSHIRASE_START) return false;
  return true;
}
