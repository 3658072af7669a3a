// The desk case: a registry patient, the kinds of document the receptionist clicked, the clinic
// and the day → a Scenario in the SCENARIO.md shape. Document details come from what the patient
// holds; the raw object goes through parseScenario, so a desk case is validated exactly like a
// scenario file.
import type { IsoDate } from '../../../shared/dates';
import {
  type DocumentKind,
  DOCUMENT_KINDS,
  type Incident,
  type PortalForm,
  type VisitType,
} from '../../../shared/enums';
import { DOCUMENT_JA } from '../../../shared/labels';
import { parseScenario, type Scenario } from '../../../shared/scenario';
import type { InputIssue } from '../../../shared/issues';
import { KOUKI_OSHIRASE_START, type Policy } from '../../../shared/timeline';
import { parseDate } from '../../../shared/wareki';
import { AppError } from '../errors';
import type { Holding, PersonRecord } from '../registry/types';

export interface DeskCaseInput {
  patient: PersonRecord;
  /** the kinds handed over (each at most once; all the patient's documents of that kind are used) */
  presented: readonly DocumentKind[];
  /** how the マイナポータル 資格情報画面 was shown (default: screen) */
  mynaportalForm?: PortalForm;
  clinic: { onlineCheck: boolean; phoneReader: boolean; policy?: Partial<Policy> };
  /** ISO or 和暦 */
  visitDate: string;
  incident?: Incident;
  visitType?: VisitType;
  needsLimit?: boolean;
  limitConsent?: boolean;
  /** default `desk-<patient id>-<visit date>` */
  id?: string;
  title?: string | null;
}

function bad(field: string, ja: string, en: string): AppError {
  return new AppError('invalid-input', `受付: ${field}: ${ja}`, `desk: ${field}: ${en}`, { field });
}

/** Whether the patient can hand this document over on day D (it exists by then). */
function existsOn(h: Holding, p: PersonRecord, D: IsoDate): boolean {
  if (h.kind === 'kakunin-sho') return h.issuedOn <= D;
  if (h.kind === 'oshirase') {
    const cov = p.coverages.find((c) => c.id === h.coverage);
    return !(cov?.insurer === 'kouki' && D < KOUKI_OSHIRASE_START);
  }
  return true;
}

/** A registry person as a scenario's `patient`: exactly the fields of the scenario format. */
export function scenarioPatient(p: PersonRecord) {
  return {
    birthDate: p.birthDate,
    coverages: p.coverages.map(({ insurerName: _n, personalFamily: _f, ...c }) => c),
    myna: p.myna,
  };
}

export function buildScenario(input: DeskCaseInput): { scenario: Scenario; warnings: InputIssue[] } {
  const p = input.patient;
  const d = parseDate(input.visitDate);
  if (!d.ok) throw bad('visitDate', d.error.ja, d.error.en);
  const D = d.value;
  const kinds = [...input.presented];
  if (new Set(kinds).size !== kinds.length)
    throw bad('presented', '同じ種類の書類が重複しています', 'each kind at most once');

  const presented: Record<string, unknown>[] = [];
  for (const kind of kinds) {
    if (!DOCUMENT_KINDS.includes(kind))
      throw bad('presented', `未知の書類の種類です: ${String(kind)}`, `unknown document kind: ${String(kind)}`);
    const missing = () =>
      bad(
        'presented',
        `この患者は${DOCUMENT_JA[kind]}を持っていません (受診日 ${D} の時点)`,
        `the patient holds no ${kind} (on ${D})`,
      );
    switch (kind) {
      case 'myna-card':
        if (!p.myna) throw missing();
        presented.push({ kind });
        break;
      case 'mynaportal':
        if (!p.myna) throw missing();
        presented.push({ kind, form: input.mynaportalForm ?? 'screen' });
        break;
      case 'declaration':
        presented.push({ kind });
        break;
      case 'myna-smartphone': {
        const phone = p.holdings.find((h): h is Extract<Holding, { kind: 'smartphone' }> => h.kind === 'smartphone');
        if (!phone || !p.myna) throw missing();
        presented.push({ kind, os: phone.os });
        break;
      }
      default: {
        const docs = p.holdings.filter((h) => h.kind === kind && existsOn(h, p, D));
        if (docs.length === 0) throw missing();
        for (const h of docs) presented.push({ ...h });
      }
    }
  }

  const raw = {
    id: input.id ?? `desk-${p.id}-${D}`,
    ...(input.title === null ? {} : { title: input.title ?? `受付: ${p.name}` }),
    visitDate: D,
    visitType: input.visitType ?? 'first',
    needsLimit: input.needsLimit ?? false,
    limitConsent: input.limitConsent ?? true,
    clinic: {
      onlineCheck: input.clinic.onlineCheck,
      phoneReader: input.clinic.phoneReader,
      incident: input.incident ?? 'none',
    },
    patient: scenarioPatient(p),
    presented,
    policy: input.clinic.policy ?? {},
  };
  const r = parseScenario(raw, { inPack: true });
  if (!r.ok) {
    const first = r.issues[0]!;
    throw new AppError(
      'invalid-input',
      `受付の内容が正しくありません: ${first.path}: ${first.ja}`,
      `the desk case is invalid: ${first.path}: ${first.en}`,
      {
        issues: r.issues,
      },
    );
  }
  return { scenario: r.scenario, warnings: r.warnings };
}
