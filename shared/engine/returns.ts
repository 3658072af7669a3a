// R16 — what to return to the employer with the 資格喪失届 on retirement (協会けんぽ leaflet).
import type { IsoDate } from '../dates';
import { LEGACY_LAST } from '../timeline';

export interface ReturnsGuidance {
  'legacy-card': boolean;
  oshirase: false;
  /** null when the 資格確認書's validity was not given */
  'kakunin-sho': boolean | null;
}

/** `retired` is the 退職日. */
export function returnsGuidance(retired: IsoDate, kakuninValidUntil: IsoDate | null = null): ReturnsGuidance {
  return {
    // 保険証: return when retiring on or before 2025-12-01; not needed from 2025-12-02
    'legacy-card': retired <= LEGACY_LAST,
    // 資格情報のお知らせ: never
    oshirase: false,
    // 資格確認書: return when retiring within its validity
    'kakunin-sho': kakuninValidUntil === null ? null : retired <= kakuninValidUntil,
  };
}
