// registry.* calls: a thin adapter over the registry repository (electron/backend/registry/).
import type { Database } from 'better-sqlite3';
import type { Patient, PatientSummary } from '../../../shared/contract';
import type { ParsedPatient } from '../../../shared/contract/patient';
import { todayInJapan } from '../../../shared/dates';
import type { HistoryRepository } from '../history/repository';
import { AppError } from '../errors';
import { declineFirstStartSeed, seedDemo, seedDemoIfFirstStart } from '../registry/demo/seed';
import { RegistryRepository } from '../registry/repository';

export interface RegistryService {
  repo: RegistryRepository;
  search(query: string, limit: number): PatientSummary[];
  /** the record, or throws not-found */
  record(id: string): Patient;
  save(input: ParsedPatient): Patient;
  remove(id: string): boolean;
  /** adds the demo patients that are missing (replace: deletes the demo patients first); returns how many were added */
  seedDemo(opts: { replace: boolean }): number;
}

export function createRegistryService(
  db: Database,
  opts: { now: () => Date; seedOnFirstStart: boolean; afterQuarantine: boolean; history: HistoryRepository },
): RegistryService {
  const repo = new RegistryRepository(db);
  const record = (id: string): Patient => {
    const p = repo.get(id);
    if (!p)
      throw new AppError(
        'not-found',
        `患者が見つかりません: ${id.slice(0, 20)}`,
        `no such patient: ${id.slice(0, 20)}`,
        { id },
      );
    return p;
  };
  // The demo registry is loaded on first start (an empty registry that never had it).
  if (opts.afterQuarantine) declineFirstStartSeed(db);
  else if (opts.seedOnFirstStart) seedDemoIfFirstStart(db, { now: opts.now() });
  return {
    repo,
    // each hit with the first visit the desk recorded (a later visit is a 再診)
    search: (query, limit) =>
      repo
        .search(query, { limit, today: todayInJapan(opts.now()) })
        .items.map((p) => ({ ...p, firstVisit: opts.history.firstDeskVisit(Number(p.id)) })),
    record,
    save: (input) => repo.save(input),
    remove: (id) => repo.delete(id),
    seedDemo: ({ replace }) => seedDemo(db, { now: opts.now(), replace }).count,
  };
}
