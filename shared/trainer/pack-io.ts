// A normalized Scenario back to the hand-written `shikaku-pack/1` form (SCENARIO.md): defaults
// that the reader fills in again are left out, so an exported pack reads like one a trainer wrote,
// and parsePack(exportPack(…)) gives back the very same scenarios (tested).
import type { Coverage, PresentedDocument, Scenario } from '../scenario';
import type { ScenarioProgramme } from '../scenario/types';
import { PACK_FORMAT } from '../scenario';

type Json = Record<string, unknown>;

/** Drops keys whose value is null or undefined (every such key is optional in the format). */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

function coverageJson(c: Coverage): Json {
  return compact({
    id: c.id,
    insurer: c.insurer,
    insurerNumber: c.insurerNumber,
    symbol: c.symbol,
    number: c.number,
    branch: c.branch,
    acquiredOn: c.acquiredOn,
    lostOn: c.lostOn,
    registeredOn: c.registeredOn,
    filedOn: c.filedOn,
    lossRegisteredOn: c.lossRegisteredOn,
    limitOnFile: c.limitOnFile ? null : false,
    role: c.role === 'insured' ? null : c.role,
    holderBirthDate: c.holderBirthDate,
    lostWithHolder: c.lostWithHolder || null,
    myNumberOnForm: c.myNumberOnForm ? null : false,
    ratio: c.ratio,
    elderlyCard: c.elderlyCard,
    limitCategory: c.limitCategory,
  });
}

function programmeJson(k: ScenarioProgramme): Json {
  return compact({ ...k, pmhRegistered: k.pmhRegistered || null });
}

function documentJson(d: PresentedDocument): Json {
  switch (d.kind) {
    case 'kakunin-sho':
      return compact({ ...d, showsRatio: d.showsRatio || null, showsLimit: d.showsLimit || null });
    default:
      return compact({ ...d });
  }
}

/** One scenario as it is written inside a pack (no `format`; `expected` kept when present). */
export function toPackScenario(s: Scenario): Json {
  const out: Json = compact({
    id: s.id,
    title: s.title,
    story: s.story,
    visitDate: s.visitDate,
    visitType: s.visitType,
    needsLimit: s.needsLimit || null,
    limitConsent: s.limitConsent ? null : false,
    cause: s.cause === 'illness' ? null : s.cause,
    clinic: compact({
      onlineCheck: s.clinic.onlineCheck,
      phoneReader: s.clinic.phoneReader || null,
      incident: s.clinic.incident === 'none' ? null : s.clinic.incident,
      prefecture: s.clinic.prefecture,
      pmh: s.clinic.pmh || null,
      welfareOnline: s.clinic.welfareOnline ? null : false,
      rousaiDesignated: s.clinic.rousaiDesignated ? null : false,
    }),
    patient: {
      birthDate: s.patient.birthDate,
      coverages: s.patient.coverages.map(coverageJson),
      myna: s.patient.myna === null ? null : { ...s.patient.myna },
      ...compact({
        kohi: s.patient.kohi.length > 0 ? s.patient.kohi.map(programmeJson) : null,
        welfare:
          s.patient.welfare === null
            ? null
            : compact({ ...s.patient.welfare, ticketRegistered: s.patient.welfare.ticketRegistered ? null : false }),
      }),
    },
    presented: s.presented.map(documentJson),
    policy: Object.keys(s.policy).length > 0 ? { ...s.policy } : null,
    expected: s.expected ?? null,
  });
  return out;
}

function toPackDocument(title: string, scenarios: readonly Scenario[]): Json {
  return { format: PACK_FORMAT, title, scenarios: scenarios.map(toPackScenario) };
}

/** The pack as a file: pretty JSON, LF, trailing newline. */
export function exportPackJson(title: string, scenarios: readonly Scenario[]): string {
  return `${JSON.stringify(toPackDocument(title, scenarios), null, 2)}\n`;
}
