// zod schemas of a pack's `expected` (a strict, partial decision), built from the enumerations of
// shared/enums.ts, and the policy settings' shape (a scenario's overrides and the settings screen's
// changes accept 和暦 dates). The whole decision's schema is only a compile-time check here: the
// API's answers are typed, not parsed (shared/contract/call.ts).
import * as z from 'zod';
import type { IsoDate } from './dates';
import { isoDate } from './date-schema';
import type { Decision } from './decision';
import {
  BILLINGS,
  CARD_ROUTE_RESULTS,
  CERT_GRACE_BASES,
  CHECK_FAILURES,
  COPAY_BASES,
  COPAY_PERCENTS,
  NEEDED_DOCUMENTS,
  NOTES,
  NUMBER_ROUTE_RESULTS,
  type PolicyKey,
  PORTAL_SCREENSHOT_OPTIONS,
  PUBLIC_EXPENSE_BASES,
  PUBLIC_EXPENSE_PROGRAMS,
  PUBLIC_EXPENSE_REASONS,
  ROUSAI_WITHOUT_FORM_OPTIONS,
  RULE_IDS,
  VERDICTS,
  WELFARE_ROUTE_RESULTS,
} from './enums';
import { LAG_LIMITS, type Policy } from './timeline';

const lag = (k: keyof typeof LAG_LIMITS) => z.number().int().min(LAG_LIMITS[k].min).max(LAG_LIMITS[k].max);

/** Every policy setting (RULES.md section P), with the given date schema for `interimEnd`. */
export function policyShape<D extends z.ZodType<IsoDate, string>>(date: D) {
  return {
    interimEnd: date,
    interimEmployeeFromExpiry: z.boolean(),
    interimNeedsOnlineCheck: z.boolean(),
    certGraceBasis: z.enum(CERT_GRACE_BASES),
    portalScreenshot: z.enum(PORTAL_SCREENSHOT_OPTIONS),
    lagWithMyNumber: lag('lagWithMyNumber'),
    lagWithoutMyNumber: lag('lagWithoutMyNumber'),
    rousaiWithoutForm: z.enum(ROUSAI_WITHOUT_FORM_OPTIONS),
  } satisfies Record<PolicyKey, z.ZodType>;
}

/** Every key, ISO dates. */
const policySchema = z.strictObject(policyShape(isoDate));

const onlineCheckShape = {
  cardRoute: z.enum(CARD_ROUTE_RESULTS),
  numberRoute: z.enum(NUMBER_ROUTE_RESULTS),
  failure: z.enum(CHECK_FAILURES).nullable(),
  welfareRoute: z.enum(WELFARE_ROUTE_RESULTS),
};

const publicExpenseSchema = z.strictObject({
  program: z.enum(PUBLIC_EXPENSE_PROGRAMS),
  kohi: z.string().nullable(),
  payerNumber: z.string().nullable(),
  applied: z.boolean(),
  basis: z.enum(PUBLIC_EXPENSE_BASES).nullable(),
  reason: z.enum(PUBLIC_EXPENSE_REASONS).nullable(),
});

const yen = z.number().int().min(0);
const patientPaysShape = {
  percent: z.number().int().min(0).max(100),
  perVisitYen: yen.nullable(),
  monthlyCapYen: yen.nullable(),
  capReached: z.boolean(),
  deposit: z.boolean(),
};

const decisionShape = {
  id: z.string(),
  verdict: z.enum(VERDICTS),
  coverage: z.string().nullable(),
  copayPercent: z.literal(COPAY_PERCENTS),
  copayBasis: z.enum(COPAY_BASES),
  copayProvisional: z.boolean(),
  elderlyCardNeeded: z.boolean(),
  documentsNeeded: z.array(z.enum(NEEDED_DOCUMENTS)),
  billing: z.enum(BILLINGS),
  rules: z.array(z.enum(RULE_IDS)),
  notes: z.array(z.enum(NOTES)),
  publicExpense: z.array(publicExpenseSchema),
  explanation: z.string(),
  tellPatient: z.string(),
};

/** A decision as the engine returns it. */
const decisionSchema = z.object({
  ...decisionShape,
  onlineCheck: z.object(onlineCheckShape),
  patientPays: z.object(patientPaysShape),
  policy: policySchema,
});

/** A pack's `expected`: any subset of the decision's fields, nothing else. */
export function expectedDecisionSchema<D extends z.ZodType<IsoDate, string>>(date: D) {
  return z
    .strictObject({
      ...decisionShape,
      onlineCheck: z.strictObject(onlineCheckShape).partial(),
      patientPays: z.strictObject(patientPaysShape).partial(),
      policy: z.strictObject(policyShape(date)).partial(),
    })
    .partial();
}

// Compile-time guards: the schemas describe the engine's own types.
const _decision: z.ZodType<Decision> = decisionSchema;
const _policy: z.ZodType<Policy> = policySchema;
void _decision;
void _policy;
