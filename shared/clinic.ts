// The clinic's situation on the visit day, as the scenario format and the observation format both
// carry it (SCENARIO.md `clinic`): one type and one schema.
import { z } from 'zod';
import { nullable } from './document-schema';
import { INCIDENTS, type Incident, PREFECTURE_CODES, type PrefectureCode } from './enums';

export interface Clinic {
  /** the clinic has オンライン資格確認 */
  onlineCheck: boolean;
  /** a 汎用カードリーダー for smartphone マイナ保険証 (R14) */
  phoneReader: boolean;
  incident: Incident;
  /** JIS code of the clinic's prefecture (R22); null: the 医療証's own */
  prefecture: PrefectureCode | null;
  /** connected to PMH (R23) */
  pmh: boolean;
  /** the 医療扶助 online check is in use (R24) */
  welfareOnline: boolean;
  /** 労災指定医療機関 (R25) */
  rousaiDesignated: boolean;
}

export const clinicSchema = z.strictObject({
  onlineCheck: z.boolean(),
  phoneReader: z.boolean().optional().default(false),
  incident: z.enum(INCIDENTS).optional().default('none'),
  prefecture: nullable(z.enum(PREFECTURE_CODES)),
  pmh: z.boolean().optional().default(false),
  welfareOnline: z.boolean().optional().default(true),
  rousaiDesignated: z.boolean().optional().default(true),
});

// Compile-time guard: the schema describes the type.
const _clinic: z.ZodType<Clinic, unknown> = clinicSchema;
void _clinic;
