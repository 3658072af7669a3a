// The 連携 folder mode on a database: the watcher (./watcher.ts) answering from the registry
// (./answer.ts) with the clinic's settings — what `oqs serve` and the app's 「連携フォルダ」 run.
import type { Database } from 'better-sqlite3';
import { RegistryRepository } from '../registry/repository';
import { DEMO_MEDICAL_INSTITUTION_CODE } from '../../../shared/medical-institution-code';
import { ClinicSettingsRepository } from '../settings/clinic';
import { answerRequest } from './answer';
import { type OqsWatcher, type OqsWatcherOptions, startOqsWatcher } from './watcher';

export type OqsServiceOptions = Omit<OqsWatcherOptions, 'answer' | 'institutionCode'>;

export function startOqsService(db: Database, opts: OqsServiceOptions): OqsWatcher {
  const registry = new RegistryRepository(db);
  const settings = new ClinicSettingsRepository(db);
  return startOqsWatcher({
    ...opts,
    answer: (request, executedAt) =>
      answerRequest(
        request,
        { bornOn: (d) => registry.bornOn(d), clinicPolicy: () => settings.policyOverrides() },
        executedAt,
      ),
    institutionCode: () => settings.get().medicalInstitutionCode || DEMO_MEDICAL_INSTITUTION_CODE,
  });
}
