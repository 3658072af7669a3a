// The shape of a scenario file, a pack's scenario and a pack's head as zod schemas (strict: an
// unknown field is an error), built from the enumerations of shared/enums.ts. Field-by-field
// checks only; what needs several fields is in ./normalize.ts.
import * as z from 'zod';
import { clinicSchema } from '../clinic';
import { dateInput } from '../date-schema';
import { expectedDecisionSchema, policyShape } from '../decision-schema';
import { idString, nullable, printedShapes } from '../document-schema';
import {
  CAUSES,
  COVERAGE_RATIOS,
  COVERAGE_ROLES,
  ELDERLY_CARD_HANDLINGS,
  INSURERS,
  LIMIT_CATEGORIES,
  VISIT_TYPES,
} from '../enums';
import { programmeShape } from '../kohi';
import { PACK_FORMAT, SCENARIO_FORMAT } from './types';

const date = dateInput();
const optText = z
  .string()
  .optional()
  .transform((v) => v ?? null);
/** 記号・番号・枝番: free text; 12 digits are accepted with a warning (R18). */
const cardText = nullable(z.string().max(40));

const coverageSchema = z.strictObject({
  id: idString.optional(),
  insurer: z.enum(INSURERS),
  insurerNumber: nullable(z.string()),
  symbol: cardText,
  number: cardText,
  branch: cardText,
  acquiredOn: date,
  lostOn: nullable(date),
  registeredOn: nullable(date),
  filedOn: nullable(date),
  lossRegisteredOn: nullable(date),
  limitOnFile: z.boolean().optional().default(true),
  role: z.enum(COVERAGE_ROLES).optional().default('insured'),
  holderBirthDate: nullable(date),
  lostWithHolder: z.boolean().optional(),
  myNumberOnForm: z.boolean().optional().default(true),
  ratio: nullable(z.literal(COVERAGE_RATIOS)),
  elderlyCard: nullable(z.enum(ELDERLY_CARD_HANDLINGS)),
  limitCategory: nullable(z.enum(LIMIT_CATEGORIES)),
});

const mynaSchema = z.strictObject({
  insuranceRegistered: z.boolean(),
  registerAtDesk: z.boolean().optional().default(true),
  certExpiresOn: date,
  pinLocked: z.boolean().optional().default(false),
});

/** A document's coverage; null: the default of RULES.md (resolved by ./normalize.ts). */
const coverageRef = nullable(idString);

/** A 受給者証・医療証's programme; null: the patient's only programme (resolved by ./normalize.ts). */
const kohiRef = nullable(idString);

const printed = printedShapes(coverageRef, kohiRef, (m) => nullable(m));
const documentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('myna-card'), ...printed['myna-card'] }),
  z.strictObject({ kind: z.literal('myna-smartphone'), ...printed['myna-smartphone'] }),
  z.strictObject({ kind: z.literal('legacy-card'), ...printed['legacy-card'] }),
  z.strictObject({ kind: z.literal('kakunin-sho'), ...printed['kakunin-sho'] }),
  z.strictObject({ kind: z.literal('oshirase'), ...printed.oshirase }),
  z.strictObject({ kind: z.literal('mynaportal'), ...printed.mynaportal }),
  z.strictObject({ kind: z.literal('elderly-card'), ...printed['elderly-card'] }),
  z.strictObject({ kind: z.literal('limit-cert'), ...printed['limit-cert'] }),
  z.strictObject({ kind: z.literal('declaration'), ...printed.declaration }),
  z.strictObject({ kind: z.literal('kohi-cert'), ...printed['kohi-cert'] }),
  z.strictObject({ kind: z.literal('medical-ticket'), ...printed['medical-ticket'] }),
  z.strictObject({ kind: z.literal('rousai-form'), ...printed['rousai-form'] }),
]);

export const programmeSchema = z.strictObject({
  id: idString.optional(),
  ...programmeShape({ required: true }),
  pmhRegistered: z.boolean().optional().default(false),
});

export const welfareSchema = z.strictObject({
  from: date,
  until: nullable(date),
  ticketRegistered: z.boolean().optional().default(true),
});

const scenarioShape = {
  id: idString,
  title: optText,
  story: optText,
  visitDate: date,
  visitType: z.enum(VISIT_TYPES).optional().default('first'),
  needsLimit: z.boolean().optional().default(false),
  limitConsent: z.boolean().optional().default(true),
  cause: z.enum(CAUSES).optional().default('illness'),
  clinic: clinicSchema,
  patient: z.strictObject({
    birthDate: date,
    coverages: z.array(coverageSchema),
    myna: nullable(mynaSchema),
    kohi: z.array(programmeSchema).optional().default([]),
    welfare: nullable(welfareSchema),
  }),
  presented: z.array(documentSchema),
  policy: z.strictObject(policyShape(date)).partial().optional().default({}),
  expected: expectedDecisionSchema(date).optional(),
};

export const scenarioInPackSchema = z.strictObject({ format: z.literal(SCENARIO_FORMAT).optional(), ...scenarioShape });
export const scenarioFileSchema = z.strictObject({ format: z.literal(SCENARIO_FORMAT), ...scenarioShape });
export type RawScenario = z.output<typeof scenarioInPackSchema>;

export const packHeadSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  title: z.string(),
  scenarios: z.array(z.unknown()),
});
