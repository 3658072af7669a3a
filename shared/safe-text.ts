// Free text in the API contract (shared/contract.ts and its trainer calls): never a 12-digit My
// Number (R18), refused with a message that names the rule and never repeats the number.
import * as z from 'zod';
import { containsMyNumberLike } from './identifiers';

export const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !containsMyNumberLike(s), {
      message: 'a 12-digit number may be a My Number and is refused (R18)',
      params: {
        ja: '12桁の番号は個人番号(マイナンバー)の可能性があるため入力できません',
        en: 'a 12-digit number may be a My Number and is refused (R18)',
      },
    });
