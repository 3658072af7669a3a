// desk.decide: patient (registry or walk-in) + what was handed over + the clinic today → the
// engine's decision, the national-format online-check result document, the scenario — recorded in
// the check history before it is returned (SQLite is the source of truth).
import type { DeskResult } from '../../../shared/contract';
import type { OnlineResult } from '../../../shared/onshi-document';
import type { ParsedInput } from '../../../shared/contract/kernel';
import { buildScenario } from '../desk/build-scenario';
import { walkInPerson } from '../desk/walk-in';
import type { HistoryRepository } from '../history/repository';
import { decideWithOnshi } from '../onshi/document';
import type { ClinicSettingsRepository } from '../settings/clinic';
import type { RegistryService } from './registry';

export interface DeskService {
  decide(req: ParsedInput<'desk.decide'>): DeskResult;
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
      const { person, assumed } = walkIn
        ? walkInPerson(walkIn, req.presented, req.visitDate)
        : { person: deps.registry.record((p as { id: string }).id), assumed: [] };
      const clinicSettings = deps.settings.get();
      const scenario = buildScenario({
        patient: person,
        presented: req.presented,
        holdings: req.holdings,
        mynaportalForm: req.mynaportalForm,
        clinic: {
          onlineCheck: req.clinic.onlineCheck,
          phoneReader: req.clinic.phoneReader,
          // the clinic's own facts: as asked, else as set
          prefecture: req.clinic.prefecture !== undefined ? req.clinic.prefecture : clinicSettings.prefecture,
          pmh: req.clinic.pmh ?? clinicSettings.pmh,
          welfareOnline: req.clinic.welfareOnline ?? clinicSettings.welfareOnline,
          rousaiDesignated: req.clinic.rousaiDesignated ?? clinicSettings.rousaiDesignated,
        },
        visitDate: req.visitDate,
        incident: req.clinic.incident,
        cause: req.cause,
        visitType: req.visitType,
        needsLimit: req.needsLimit,
        title: walkIn ? '受付: 飛び込みの患者' : undefined,
      });
      const { decision, answer } = decideWithOnshi(scenario, {
        // a walk-in without a typed name: the document shows the fictional placeholder (left out on screen)
        person:
          walkIn?.name === undefined && walkIn !== null
            ? null
            : { name: person.name, kana: person.kana, sex: person.sex },
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
        patientName: walkIn ? (walkIn.name ?? null) : person.name,
        scenario,
        decision,
        result: online.result,
      });
      return {
        decision,
        scenario,
        online,
        patient: { name: person.name, kana: person.kana, birthDate: person.birthDate, walkIn: walkIn !== null },
        assumed,
        historyId,
      };
    },
  };
}
