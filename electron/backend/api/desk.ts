// desk.decide: patient (registry or walk-in) + what was handed over + the clinic today → the
// engine's decision, the national-format online-check result document, the scenario — recorded in
// the check history before it is returned (SQLite is the source of truth).
import type { DeskResult } from '../../../shared/contract';
import type { OnlineResult } from '../../../shared/onshi-document';
import type { ParsedInput } from '../../../shared/contract/kernel';
import { addMonthsClamped, ageOn, birthday, type IsoDate, maxDate } from '../../../shared/dates';
import { REFORM } from '../../../shared/timeline';
import type { Insurer } from '../../../shared/enums';
import { buildScenario } from '../desk/build-scenario';
import type { HistoryRepository } from '../history/repository';
import { decideWithOnshi } from '../onshi/document';
import type { Patient } from '../../../shared/contract';
import type { ClinicSettingsRepository } from '../settings/clinic';
import type { RegistryService } from './registry';

export interface DeskService {
  decide(req: ParsedInput<'desk.decide'>): DeskResult;
}

const WALK_IN_ID = 'walk-in';

/**
 * A walk-in known only by birth date and insurer. Assumed truth (the issue is silent; chosen so a
 * walk-in behaves like an ordinary member): one current coverage of that insurer, known to the
 * online system, acquired on 2020-04-01 (or at birth, or — for 後期 — on the 75th birthday); a
 * マイナ保険証 registered for insurance use with a valid certificate; and one valid document of
 * every kind, so any button the receptionist presses corresponds to something real.
 */
export function walkInPerson(birthDate: IsoDate, insurer: Insurer, visitDate: IsoDate): Patient {
  const acquiredOn = insurer === 'kouki' ? birthday(birthDate, 75) : maxDate(birthDate, '2020-04-01');
  const kakuninIssued = maxDate(REFORM, acquiredOn);
  const over70 = ageOn(birthDate, visitDate) >= 70;
  return {
    id: WALK_IN_ID,
    name: '飛び込みの患者',
    kana: 'トビコミ',
    birthDate,
    sex: 'unspecified',
    note: '',
    coverages: [
      {
        id: 'c1',
        insurer,
        insurerNumber: null,
        insurerName: null,
        personalFamily: 1,
        symbol: null,
        number: null,
        branch: null,
        acquiredOn,
        lostOn: null,
        registeredOn: null,
        filedOn: null,
        lossRegisteredOn: null,
        limitOnFile: true,
        role: 'insured',
        holderBirthDate: null,
        lostWithHolder: false,
        myNumberOnForm: true,
        ratio: null,
        elderlyCard: null,
        limitCategory: null,
      },
    ],
    myna: {
      insuranceRegistered: true,
      registerAtDesk: true,
      certExpiresOn: addMonthsClamped(visitDate, 60),
      pinLocked: false,
    },
    holdings: [
      ...(acquiredOn < REFORM
        ? [{ kind: 'legacy-card' as const, coverage: 'c1', printedExpiry: insurer === 'kokuho' ? '2025-12-01' : null }]
        : []),
      {
        kind: 'kakunin-sho',
        coverage: 'c1',
        issuedOn: kakuninIssued,
        validFrom: null,
        validUntil: addMonthsClamped(kakuninIssued, 60),
        showsRatio: false,
        showsLimit: false,
      },
      { kind: 'oshirase', coverage: 'c1' },
      { kind: 'smartphone', os: 'android' },
      { kind: 'elderly-card', ratio: 20, validFrom: null, validUntil: null },
      { kind: 'limit-cert', category: over70 ? '低所得Ⅱ' : 'ウ', validUntil: null },
    ],
    demoKey: null,
    createdAt: '',
    updatedAt: '',
  };
}

export function createDeskService(deps: {
  registry: RegistryService;
  settings: ClinicSettingsRepository;
  history: HistoryRepository;
  now: () => Date;
}): DeskService {
  return {
    decide(req) {
      const p = req.patient;
      const walkIn = 'walkIn' in p ? p.walkIn : null;
      const person =
        'walkIn' in p ? walkInPerson(p.walkIn.birthDate, p.walkIn.insurer, req.visitDate) : deps.registry.record(p.id);
      const clinicSettings = deps.settings.get();
      const scenario = buildScenario({
        patient: person,
        presented: req.presented,
        clinic: { onlineCheck: req.clinic.onlineCheck, phoneReader: req.clinic.phoneReader },
        visitDate: req.visitDate,
        incident: req.clinic.incident,
        visitType: req.visitType,
        needsLimit: req.needsLimit,
        title: walkIn ? '受付: 飛び込みの患者' : undefined,
      });
      const { decision, answer } = decideWithOnshi(scenario, {
        // a walk-in has no name on record: the document shows the fictional placeholder
        person: walkIn ? null : { name: person.name, kana: person.kana, sex: person.sex },
        coverageExtras: Object.fromEntries(
          person.coverages.map((c) => [c.id, { insurerName: c.insurerName, personalFamily: c.personalFamily }]),
        ),
        medicalInstitutionCode: clinicSettings.medicalInstitutionCode || null,
        executedAt: deps.now(),
        clinicPolicy: deps.settings.policyOverrides(),
      });
      const online: OnlineResult = { route: answer.route, result: answer.result };
      const historyId = deps.history.append({
        at: deps.now(),
        mode: 'desk',
        operator: req.operator ?? null,
        patientId: walkIn ? null : person.id,
        patientName: walkIn ? null : person.name,
        scenario,
        decision,
        result: online.result,
      });
      return {
        decision,
        scenario,
        online,
        patient: { name: person.name, kana: person.kana, birthDate: person.birthDate, walkIn: walkIn !== null },
        historyId,
      };
    },
  };
}
