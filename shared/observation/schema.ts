// Validation of the observation format `shikaku-observation/1` (./types.ts), strict like the
// scenario format: an unknown field, a bad date, a reference to no coverage, a card that does not
// match the documents → an error naming the field. R18: a 12-digit number anywhere is refused, and
// R19: an insurer number needs its check digit. A file holds one observation or a JSON array of
// them (what `observe` prints).
import * as z from 'zod';
import { clinicSchema } from '../clinic';
import { dateInput } from '../date-schema';
import { policyShape } from '../decision-schema';
import { idString, nullable, printedShapes } from '../document-schema';
import {
  CARD_ROUTE_RESULTS,
  CAUSES,
  CHECK_FAILURES,
  COVERAGE_RATIOS,
  COVERAGE_ROLES,
  DEVICES,
  ELDERLY_CARD_HANDLINGS,
  INSURERS,
  LIMIT_CATEGORIES,
  NUMBER_ROUTE_RESULTS,
  VISIT_TYPES,
  WELFARE_ROUTE_RESULTS,
} from '../enums';
import {
  checkNumber,
  containsMyNumberLike,
  findMyNumberPath,
  MY_NUMBER_REFUSAL,
  redactMyNumber,
  TooDeepError,
} from '../identifiers';
import { type InputIssue, pathSegments, type ScenarioIssue } from '../issues';
import { checkProgramme, type Programme, programmeShape } from '../kohi';
import { parseIssues } from '../zod-issues';
import { DEFAULT_POLICY } from '../timeline';
import { OBSERVATION_FORMAT, type Observation, type ObservedDocument } from './types';

const date = dateInput();

const coverageSchema = z.strictObject({
  id: idString,
  insurer: z.enum(INSURERS),
  insurerNumber: nullable(z.string()),
  symbol: nullable(z.string().max(40)),
  number: nullable(z.string().max(40)),
  branch: nullable(z.string().max(40)),
  acquiredOn: nullable(date),
  ratio: nullable(z.literal(COVERAGE_RATIOS)),
  elderlyCard: nullable(z.enum(ELDERLY_CARD_HANDLINGS)),
  limitCategory: nullable(z.enum(LIMIT_CATEGORIES)),
  limitOnFile: z.boolean().optional().default(true),
  role: nullable(z.enum(COVERAGE_ROLES)),
  filedOn: nullable(date),
  myNumberOnForm: z.boolean().optional().default(true),
});

const numberAnswer = z.strictObject({
  result: z.enum(
    NUMBER_ROUTE_RESULTS.filter((r) => r !== 'not-run') as ['valid', 'invalid', 'invalid-new', 'not-found'],
  ),
  newer: nullable(idString),
});
const answers = { numberQuery: nullable(numberAnswer), confirmedByInsurer: nullable(z.boolean()) };
const printed = printedShapes(idString, idString, (m) => m);
const documentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('myna-card'), ...printed['myna-card'] }),
  z.strictObject({ kind: z.literal('myna-smartphone'), ...printed['myna-smartphone'] }),
  z.strictObject({ kind: z.literal('legacy-card'), ...printed['legacy-card'], ...answers }),
  z.strictObject({ kind: z.literal('kakunin-sho'), ...printed['kakunin-sho'], ...answers }),
  z.strictObject({ kind: z.literal('oshirase'), ...printed.oshirase, ...answers }),
  z.strictObject({
    kind: z.literal('mynaportal'),
    ...printed.mynaportal,
    shows: z.array(idString).optional().default([]),
  }),
  z.strictObject({ kind: z.literal('elderly-card'), ...printed['elderly-card'] }),
  z.strictObject({ kind: z.literal('limit-cert'), ...printed['limit-cert'] }),
  z.strictObject({ kind: z.literal('declaration'), ...printed.declaration }),
  z.strictObject({ kind: z.literal('kohi-cert'), ...printed['kohi-cert'] }),
  z.strictObject({ kind: z.literal('medical-ticket'), ...printed['medical-ticket'] }),
  z.strictObject({ kind: z.literal('rousai-form'), ...printed['rousai-form'] }),
]);

const cardSchema = z.strictObject({
  device: z.enum(DEVICES),
  registered: z.boolean(),
  registeredAtDesk: z.boolean().optional().default(false),
  certExpiresOn: nullable(date),
  result: z.enum(CARD_ROUTE_RESULTS),
  failure: nullable(z.enum(CHECK_FAILURES)),
  graceUsed: z.boolean().optional().default(false),
  pinFallback: z.boolean().optional().default(false),
  shows: z.array(idString).optional().default([]),
  registrationCertExpired: z.boolean().optional().default(false),
  programmes: z.array(idString).optional().default([]),
});

export const observationSchema = z.strictObject({
  format: z.literal(OBSERVATION_FORMAT),
  id: idString,
  visitDate: date,
  visitType: z.enum(VISIT_TYPES).optional().default('first'),
  needsLimit: z.boolean().optional().default(false),
  limitConsent: z.boolean().optional().default(true),
  cause: z.enum(CAUSES).optional().default('illness'),
  clinic: clinicSchema,
  policy: z.strictObject(policyShape(date)).partial().optional().default({}),
  patient: z.strictObject({
    birthDate: date,
    insurance: nullable(z.array(idString)),
    onWelfare: nullable(z.boolean()),
  }),
  coverages: z.array(coverageSchema).optional().default([]),
  programmes: z
    .array(z.strictObject({ id: idString, ...programmeShape({ required: false }) }))
    .optional()
    .default([]),
  card: nullable(cardSchema),
  welfareRoute: z.enum(WELFARE_ROUTE_RESULTS).optional().default('not-run'),
  documents: z.array(documentSchema),
  hindsight: nullable(
    z.strictObject({
      lost: z.array(idString).optional().default([]),
      holidayEstimate: z.boolean().optional().default(false),
      unregistered: z.array(idString).optional().default([]),
      lossUnregistered: z.array(idString).optional().default([]),
      lostWithHolder: z.array(idString).optional().default([]),
    }),
  ),
});
type RawObservation = z.output<typeof observationSchema>;

/** The checks that need several fields; the programmes with their defaults. */
function crossCheck(o: RawObservation): { issues: InputIssue[]; programmes: Programme[] } {
  const issues: InputIssue[] = [];
  const programmes: Programme[] = [];
  const kohiIds = new Set<string>();
  o.programmes.forEach((p, i) => {
    const at = `programmes[${i}]`;
    if (kohiIds.has(p.id))
      issues.push({
        path: `${at}.id`,
        ja: `公費の id が重複しています: ${p.id}`,
        en: `duplicate programme id: ${p.id}`,
      });
    kohiIds.add(p.id);
    programmes.push(checkProgramme(p, p.id, at, issues, { strict: false }));
  });
  const kohiRef = (path: string, id: string) => {
    if (!kohiIds.has(id))
      issues.push({
        path,
        ja: `programmes にない公費を指しています: ${id}`,
        en: `no such programme in programmes: ${id}`,
      });
  };
  const add = (path: string, ja: string, en: string) => issues.push({ path, ja, en });
  const ids = new Set<string>();
  o.coverages.forEach((c, i) => {
    const at = `coverages[${i}]`;
    if (ids.has(c.id)) add(`${at}.id`, `保険の id が重複しています: ${c.id}`, `duplicate coverage id: ${c.id}`);
    ids.add(c.id);
    if (c.insurerNumber !== null) {
      const r = checkNumber(c.insurerNumber, c.insurer === 'kokuho' ? 'insurer-kokuho' : 'insurer');
      if (!r.ok) add(`${at}.insurerNumber`, `保険者番号: ${r.ja}`, `insurer number: ${r.en}`);
    }
  });
  const ref = (path: string, id: string | null) => {
    if (id !== null && !ids.has(id))
      add(path, `coverages にない保険を指しています: ${id}`, `no such coverage in coverages: ${id}`);
  };
  o.patient.insurance?.forEach((id, i) => ref(`patient.insurance[${i}]`, id));
  if (o.hindsight)
    for (const k of ['lost', 'unregistered', 'lossUnregistered', 'lostWithHolder'] as const)
      o.hindsight[k].forEach((id, i) => ref(`hindsight.${k}[${i}]`, id));
  o.documents.forEach((d, i) => {
    const at = `documents[${i}]`;
    if ('coverage' in d) ref(`${at}.coverage`, d.coverage);
    if ('numberQuery' in d && d.numberQuery) {
      ref(`${at}.numberQuery.newer`, d.numberQuery.newer);
      if (!o.clinic.onlineCheck || o.clinic.incident === 'network-outage')
        add(
          `${at}.numberQuery`,
          'オンライン資格確認ができない状況では照会できません',
          'no number query without online check or during a network outage',
        );
    }
    if (d.kind === 'mynaportal') {
      d.shows.forEach((id, j) => ref(`${at}.shows[${j}]`, id));
      if (d.savedOn !== null && d.form !== 'pdf')
        add(`${at}.savedOn`, 'savedOn は PDF (form: "pdf") だけに指定します', 'savedOn is for a pdf only');
      if (d.savedOn !== null && d.savedOn > o.visitDate)
        add(`${at}.savedOn`, 'PDF の保存日が受診日より後です', 'savedOn is after the visit date');
    }
    if (d.kind === 'kohi-cert') kohiRef(`${at}.kohi`, d.kohi);
  });
  if (
    o.welfareRoute !== 'not-run' &&
    (!o.clinic.onlineCheck || !o.clinic.welfareOnline || !o.documents.some((d) => d.kind === 'myna-card'))
  )
    add(
      'welfareRoute',
      '医療扶助のオンライン資格確認には、オンライン資格確認 (医療扶助を含む) とマイナンバーカード本体が必要です',
      'the welfare check needs online check with welfareOnline and a myna-card',
    );

  const device = o.documents.some((d) => d.kind === 'myna-card')
    ? 'card'
    : o.documents.some((d) => d.kind === 'myna-smartphone')
      ? 'smartphone'
      : null;
  const card = o.card;
  if (card === null) {
    if (device !== null)
      add(
        'card',
        'マイナ保険証を出した患者のカードの結果 (card) がありません',
        'card is required with a myna-card or myna-smartphone',
      );
    return { issues, programmes };
  }
  if (device === null)
    add(
      'card',
      'マイナンバーカードもスマホも出されていません (card は不要です)',
      'card needs a myna-card or myna-smartphone document',
    );
  else if (card.device !== device) add('card.device', `出された書類では ${device} です`, `the documents say ${device}`);
  card.shows.forEach((id, j) => ref(`card.shows[${j}]`, id));
  card.programmes.forEach((id, j) => kohiRef(`card.programmes[${j}]`, id));
  if (card.programmes.length > 0 && !(o.clinic.pmh && (card.result === 'valid' || card.result === 'multiple')))
    add(
      'card.programmes',
      'PMH の公費情報は、PMH に接続した医療機関で資格有効のときだけ返ります',
      'programmes come back only through PMH with a valid (or multiple) result',
    );
  if ((card.result === 'failed') !== (card.failure !== null))
    add(
      'card.failure',
      '読み取れなかったとき (failed) だけ理由を指定してください',
      'failure goes with result "failed" only',
    );
  if (card.result !== 'not-run' && !o.clinic.onlineCheck)
    add('card.result', 'オンライン資格確認のない医療機関では not-run です', 'result is not-run without online check');
  const shown = card.shows.length;
  const fits =
    card.result === 'valid'
      ? shown === 1
      : card.result === 'multiple'
        ? shown >= 2
        : card.result === 'invalid'
          ? shown <= 1
          : shown === 0;
  if (!fits)
    add(
      'card.shows',
      '結果画面の保険の数が結果に合いません (資格有効: 1件、複数該当: 2件以上、資格(無効): 1件まで、ほか: なし)',
      'shows does not fit the result (valid: 1, multiple: 2+, invalid: at most 1, otherwise none)',
    );
  if (card.registeredAtDesk && !card.registered)
    add('card.registered', '窓口で登録したカードは登録済みです', 'registeredAtDesk implies registered');
  return { issues, programmes };
}

function parseOne(input: unknown): { ok: true; observation: Observation } | { ok: false; issues: InputIssue[] } {
  // R18 first: a 12-digit number anywhere is refused, never echoed
  let mn: string | null;
  try {
    mn = findMyNumberPath(input);
  } catch (e) {
    if (e instanceof TooDeepError) return { ok: false, issues: [{ path: e.path || '(root)', ja: e.ja, en: e.en }] };
    throw e;
  }
  if (mn !== null) return { ok: false, issues: [{ path: mn, ...MY_NUMBER_REFUSAL }] };
  const r = parseIssues(observationSchema, input);
  if (!r.ok) return r;
  const { issues, programmes } = crossCheck(r.value);
  if (issues.length > 0) return { ok: false, issues };
  const { format: _format, policy, ...rest } = r.value;
  return {
    ok: true,
    observation: {
      ...rest,
      programmes,
      documents: rest.documents as ObservedDocument[],
      policy: Object.keys(policy).length === 0 ? DEFAULT_POLICY : { ...DEFAULT_POLICY, ...policy },
    },
  };
}

/**
 * One observation as a contract call receives it (realdesk.decide): the same checks as a file,
 * run once where the call enters the backend; each problem names its field.
 */
export const observationInput = z.unknown().transform((raw, ctx): Observation => {
  const r = parseOne(raw);
  if (r.ok) return r.observation;
  for (const i of r.issues)
    ctx.addIssue({ code: 'custom', path: pathSegments(i.path), message: i.en, params: { ja: i.ja, en: i.en } });
  return z.NEVER;
});

export type ObservationParse = { ok: true; observations: Observation[] } | { ok: false; issues: ScenarioIssue[] };

/** A parsed JSON value: one observation, or an array of them. Lists every problem of every one. */
export function parseObservations(input: unknown): ObservationParse {
  const list = Array.isArray(input) ? input : [input];
  const observations: Observation[] = [];
  const issues: ScenarioIssue[] = [];
  list.forEach((raw, i) => {
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const scenarioId = typeof rawId === 'string' && !containsMyNumberLike(rawId) ? rawId : null;
    const r = parseOne(raw);
    if (r.ok) observations.push(r.observation);
    else
      issues.push(
        ...r.issues.map((x) => ({
          ...x,
          scenarioId,
          path: Array.isArray(input) ? `[${i}]${x.path === '(root)' ? '' : `.${x.path}`}` : x.path,
        })),
      );
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, observations };
}

/** An observation as a file holds it (the form `observe` prints): the format first, every field. */
export function observationJson(o: Observation): Record<string, unknown> {
  // R18: a 記号・番号 accepted with a warning is never repeated in the output
  const masked = (v: string | null) => (v === null ? null : redactMyNumber(v));
  const coverages = o.coverages.map((c) => ({
    ...c,
    symbol: masked(c.symbol),
    number: masked(c.number),
    branch: masked(c.branch),
  }));
  return { format: OBSERVATION_FORMAT, ...o, coverages };
}
