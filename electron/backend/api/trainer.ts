// The trainer mode's calls (issue 5, trainer.* in shared/trainer/contract.ts) on the trainer
// backend (../trainer). Payloads arrive parsed by the contract's dispatch; backend errors
// (AppError) become `{ ok: false }` there.
import type { Database } from 'better-sqlite3';
import type { CallName, Handlers } from '../../../shared/contract/kernel';
import { todayInJapan } from '../../../shared/dates';
import { type BundledPack, createTrainerService, type TrainerOptions } from '../trainer';
import { progressCsv, progressOf } from '../trainer/progress';

export type TrainerCall = Extract<CallName, `trainer.${string}`>;
export type TrainerHandlers = Pick<Handlers, TrainerCall>;

export interface TrainerContext {
  db: Database;
  now: () => Date;
  /** the packs shipped with the app (../trainer: each imported once) */
  bundledPacks: readonly BundledPack[];
  preparePack?: TrainerOptions['preparePack'];
}

/** `shikaku-pack-<title>.json` with the characters file systems dislike taken out. */
function packFileName(title: string): string {
  const safe =
    title
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
      .replace(/\s+/g, '-')
      .slice(0, 60) || 'pack';
  return `shikaku-pack-${safe}.json`;
}

export function createTrainerHandlers(ctx: TrainerContext): TrainerHandlers {
  const t = createTrainerService(ctx.db, {
    now: ctx.now,
    bundledPacks: ctx.bundledPacks,
    ...(ctx.preparePack ? { preparePack: ctx.preparePack } : {}),
  });
  t.loadBundledPacks();
  const { packs, sessions, settings, uploads } = t;
  return {
    'trainer.listPacks': () => packs.list(),
    'trainer.getPack': ({ packId }) => packs.get(packId),
    'trainer.getScenario': ({ packId, scenarioId }) => ({ scenarioId, json: packs.scenarioJson(packId, scenarioId) }),
    'trainer.importBegin': ({ fileName, size }) => uploads.begin(fileName, size),
    'trainer.importChunk': ({ uploadId, index, text }) => uploads.chunk(uploadId, index, text),
    'trainer.importFinish': ({ uploadId }) => t.importUpload(uploadId),
    'trainer.importCancel': ({ uploadId }) => ({ cancelled: uploads.cancel(uploadId) }),
    'trainer.exportPack': ({ packId }) => {
      const e = packs.exportJson(packId);
      return { filename: packFileName(e.title), json: e.json, scenarios: e.scenarios };
    },
    'trainer.createPack': ({ title }) => packs.create(title),
    'trainer.renamePack': ({ packId, title }) => packs.rename(packId, title),
    'trainer.deletePack': ({ packId }) => ({ deleted: packs.delete(packId) }),
    'trainer.saveScenario': ({ packId, scenario, replaces }) => packs.saveScenario(packId, scenario, replaces),
    'trainer.duplicateScenario': ({ packId, scenarioId }) => packs.duplicate(packId, scenarioId),
    'trainer.deleteScenario': ({ packId, scenarioId }) => ({ deleted: packs.deleteScenario(packId, scenarioId) }),
    'trainer.moveScenario': ({ packId, scenarioId, to }) => packs.move(packId, scenarioId, to),
    'trainer.saveDeskCase': (input) => t.saveDeskCase(input),
    'trainer.listTrainees': () => progressOf(sessions).trainees,
    'trainer.startSession': (input) => sessions.start(input),
    'trainer.getSession': ({ sessionId }) => sessions.state(sessionId),
    'trainer.answer': ({ sessionId, position, answer, timeMs }) => sessions.answer(sessionId, position, answer, timeMs),
    'trainer.finishSession': ({ sessionId }) => sessions.finish(sessionId),
    'trainer.sessionResult': ({ sessionId }) => sessions.result(sessionId),
    'trainer.progress': ({ traineeId }) => progressOf(sessions, traineeId),
    'trainer.exportProgressCsv': ({ traineeId, kind }) => {
      const { csv, rows } = progressCsv(sessions, kind, traineeId);
      const who = traineeId === undefined ? 'all' : `trainee${traineeId}`;
      return {
        filename: `shikaku-training-${kind}-${who}-${todayInJapan(ctx.now()).replace(/-/g, '')}.csv`,
        csv,
        rows,
      };
    },
    'trainer.getSettings': () => settings.get(),
    'trainer.updateSettings': (patch) => settings.update(patch),
  };
}
