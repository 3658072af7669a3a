// RULES.md section T (timeline constants) and section P (policy settings with their defaults).
import type { IsoDate } from './dates';
import type { CertGraceBasis, Insurer, PolicyKey, PortalScreenshotOption, RousaiWithoutFormOption } from './enums';

export const REFORM: IsoDate = '2024-12-02';
export const LEGACY_LAST: IsoDate = '2025-12-01';
export const KOUKI_LEGACY_END: IsoDate = '2025-07-31';
export const INTERIM_START_KOKUHO_KOUKI: IsoDate = '2025-08-01';
export const INTERIM_START_OTHERS: IsoDate = '2025-12-02';
export const KOUKI_ALL_KAKUNIN_END: IsoDate = '2026-07-31';
export const KOUKI_OSHIRASE_START: IsoDate = '2026-08-01';
export const SMARTPHONE_START: IsoDate = '2025-09-19';
/** 医療扶助 (生活保護) online check with the マイナンバーカード starts (R24). */
export const WELFARE_ONLINE_START: IsoDate = '2024-03-01';
/** The last day of the national holidays the government has announced (R17): later ones are estimates. */
export const HOLIDAYS_ANNOUNCED_UNTIL: IsoDate = '2027-12-31';

/** 被用者保険 (employee insurance). */
export function isEmployeeInsurance(insurer: Insurer): boolean {
  return insurer !== 'kokuho' && insurer !== 'kouki';
}

export function interimStart(insurer: Insurer): IsoDate {
  return insurer === 'kokuho' || insurer === 'kouki' ? INTERIM_START_KOKUHO_KOUKI : INTERIM_START_OTHERS;
}

export interface Policy {
  interimEnd: IsoDate;
  interimEmployeeFromExpiry: boolean;
  interimNeedsOnlineCheck: boolean;
  certGraceBasis: CertGraceBasis;
  portalScreenshot: PortalScreenshotOption;
  lagWithMyNumber: number;
  lagWithoutMyNumber: number;
  rousaiWithoutForm: RousaiWithoutFormOption;
}

// Compile-time guard: the settings are exactly the enumeration POLICY_KEYS.
const _policyKeys: [keyof Policy] extends [PolicyKey] ? ([PolicyKey] extends [keyof Policy] ? true : never) : never =
  true;
void _policyKeys;

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  interimEnd: '2026-07-31',
  interimEmployeeFromExpiry: false,
  interimNeedsOnlineCheck: true,
  certGraceBasis: 'month-end',
  portalScreenshot: 'reject',
  lagWithMyNumber: 5,
  lagWithoutMyNumber: 15,
  rousaiWithoutForm: 'deposit',
});

/** The business days each 資格情報の反映 lag may be set to (RULES.md section P). */
export const LAG_LIMITS = {
  lagWithMyNumber: { min: 2, max: 5 },
  lagWithoutMyNumber: { min: 0, max: 250 },
} as const satisfies Record<'lagWithMyNumber' | 'lagWithoutMyNumber', { min: number; max: number }>;
