// The answer to a 連携 folder request, from the registry's truth on the requested day, by the
// number route of RULES.md (照会区分 2):
//   1. the people of the registry born on the requested birth date;
//   2. of each, the coverage known by the requested 保険者番号, 記号 and 番号 (and 枝番 when both the
//      request and the registry give one) — the identifiers the result documents print
//      (onshi/document.ts printedIdentifiers); several such coverages: the latest acquired by that
//      day, else the first;
//   3. for each, a scenario of that person handing over a document of that coverage on that day,
//      decided by the engine — exactly what `decide` sees — and its result document;
//   4. nobody whose query found a coverage: 該当資格なし (4); one: that document; several (e.g.
//      twins queried without 枝番): 複数該当 (5) listing each.
// Which paper carried the 記号・番号 does not change a number query's answer; the scenario uses one
// that exists for the coverage on that day (保険証 for a coverage from before 2024-12-02, else お知らせ,
// or for 後期 before 2026-08-01 a 資格確認書).
import { addMonthsClamped, type IsoDate } from '../../../shared/dates';
import type { PresentedDocument, Scenario } from '../../../shared/scenario';
import { documentExistsOn } from '../../../shared/scenario/exists';
import { LEGACY_LAST, type Policy, REFORM } from '../../../shared/timeline';
import { scenarioPatient } from '../desk/build-scenario';
import type { OnshiDocument } from '../../../shared/onshi-document';
import {
  decideWithOnshi,
  multipleDocument,
  notFoundDocument,
  printedIdentifiers,
  QUALIFICATION_VALIDITY,
} from '../onshi/document';
import type { Patient, PatientCoverage } from '../../../shared/contract';
import type { OqsRequest } from './request';

export interface AnswerSources {
  /** the registry's people born on a day, in full */
  bornOn(birthDate: IsoDate): Patient[];
  /** the clinic's policy settings (the engine's clinicPolicy) */
  clinicPolicy(): Partial<Policy>;
}

/** 記号・番号 compare as printed: full-width and half-width alike, spaces ignored. */
const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s/g, '');

function matches(c: PatientCoverage, index: number, r: OqsRequest): boolean {
  const ids = printedIdentifiers(c, index);
  return (
    ids.insurerNumber === r.insurerNumber &&
    norm(ids.symbol) === norm(r.symbol) &&
    norm(ids.number) === norm(r.number) &&
    (r.branch === null || ids.branch === undefined || ids.branch === r.branch)
  );
}

function queriedCoverage(p: Patient, r: OqsRequest): PatientCoverage | null {
  const found = p.coverages.filter((c, i) => matches(c, i, r));
  const started = found.filter((c) => c.acquiredOn <= r.date).sort((a, b) => (a.acquiredOn < b.acquiredOn ? 1 : -1));
  return started[0] ?? found[0] ?? null;
}

/** A document of coverage `c` that exists on day D (see the header). */
function carrier(p: Patient, c: PatientCoverage, D: IsoDate): PresentedDocument {
  if (c.acquiredOn < REFORM) {
    const held = p.holdings.find((h) => h.kind === 'legacy-card' && h.coverage === c.id);
    const printedExpiry = held?.kind === 'legacy-card' ? held.printedExpiry : null;
    return {
      kind: 'legacy-card',
      coverage: c.id,
      printedExpiry: printedExpiry ?? (c.insurer === 'kokuho' ? LEGACY_LAST : null),
    };
  }
  const oshirase: PresentedDocument = { kind: 'oshirase', coverage: c.id };
  if (documentExistsOn(oshirase, c.insurer, D)) return oshirase;
  return {
    kind: 'kakunin-sho',
    coverage: c.id,
    issuedOn: c.acquiredOn,
    validFrom: null,
    validUntil: addMonthsClamped(c.acquiredOn, 60),
    showsRatio: false,
    showsLimit: false,
  };
}

/** The scenario `decide` sees for this query: the person, one document of the coverage, day D. */
function queryScenario(p: Patient, c: PatientCoverage, r: OqsRequest): Scenario {
  return {
    id: `oqs-${p.id}-${r.date}`,
    title: null,
    story: null,
    visitDate: r.date,
    visitType: 'first',
    needsLimit: false,
    limitConsent: r.limitConsent,
    cause: 'illness',
    clinic: {
      onlineCheck: true,
      phoneReader: false,
      incident: 'none',
      prefecture: null,
      pmh: false,
      welfareOnline: true,
      rousaiDesignated: true,
    },
    patient: scenarioPatient(p),
    presented: [carrier(p, c, r.date)],
    policy: {},
  };
}

/** The national-format result for a request (see the header). */
export function answerRequest(r: OqsRequest, sources: AnswerSources, executedAt: Date): OnshiDocument {
  const found: OnshiDocument[] = [];
  // a day before the birth date has no coverage to find
  for (const p of r.date < r.birthDate ? [] : sources.bornOn(r.birthDate)) {
    const c = queriedCoverage(p, r);
    if (c === null) continue;
    const { answer } = decideWithOnshi(queryScenario(p, c, r), {
      person: { name: p.name, kana: p.kana, sex: p.sex },
      coverageExtras: Object.fromEntries(
        p.coverages.map((x) => [x.id, { insurerName: x.insurerName, personalFamily: x.personalFamily }]),
      ),
      medicalInstitutionCode: r.echo.medicalInstitutionCode,
      arbitraryFileIdentifier: r.echo.arbitraryFileIdentifier,
      searchInfo: r.search,
      executedAt,
      clinicPolicy: sources.clinicPolicy(),
    });
    const doc = answer.result!;
    if (doc.XmlMsg.MessageBody.QualificationValidity !== QUALIFICATION_VALIDITY['not-found']) found.push(doc);
  }
  if (found.length === 0) return notFoundDocument(r.echo, r.search, executedAt);
  return found.length === 1 ? found[0]! : multipleDocument(found);
}
