// The trainer mode's backend (issue 5): packs, authoring, sessions, progress, settings. Plain Node
// (never imports 'electron'); the API handlers in ../api/trainer.ts call it.
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import type { Scenario } from '../../../shared/scenario';
import type { ImportOutcome, PackSummary, SaveScenarioOutcome } from '../../../shared/trainer/contract';
import { MAX_PACK_BYTES } from '../../../shared/trainer/contract';
import { toPackScenario } from '../../../shared/trainer/pack-io';
import { AppError } from '../errors';
import { type PreparedPack, preparePack, preparePackValue, tooLargeIssue } from './pack-file';
import { checkScenarioValue, PackRepository } from './packs';
import { SessionRepository } from './sessions';
import { TrainerSettingsRepository } from './settings';
import { UploadStore } from './uploads';

const BUNDLED_PACK_META_KEY = 'trainer.bundled-pack';

export interface TrainerOptions {
  now?: () => Date;
  /** the default pack (parsed JSON), imported once on the first start with trainer tables */
  bundledPack?: unknown;
  /** where to report a bundled pack that does not validate (default: stderr) */
  log?: (line: string) => void;
  /**
   * Checks an imported pack's text and prepares its rows (seconds of CPU for 20 MB). Default: on
   * this thread; the backend's worker gives it a thread of its own, so other calls are answered
   * meanwhile.
   */
  preparePack?: (text: string) => Promise<PreparedPack>;
}

export function createTrainerService(db: Database, opts: TrainerOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const packs = new PackRepository(db, now);
  const settings = new TrainerSettingsRepository(db, now);
  const sessions = new SessionRepository(db, packs, settings, now);
  const uploads = new UploadStore();
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const prepare = opts.preparePack ?? (async (text: string) => preparePack(text));
  if (!db.readonly) packs.dropUnfinishedImports();

  /** Imports the bundled pack unless it was imported before (deleting it later does not bring it back). */
  function loadBundledPack(): PackSummary | null {
    if (opts.bundledPack === undefined) return null;
    const done = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(BUNDLED_PACK_META_KEY);
    if (done) return null;
    const p = preparePackValue(opts.bundledPack);
    if (!p.ok) {
      log(
        `同梱のパックを読み込めませんでした / the bundled pack does not validate: ${p.issues.length} issue(s), first: ${p.issues[0]?.path} ${p.issues[0]?.en}`,
      );
      return null;
    }
    return db.transaction(() => {
      const pack = packs.importRows(p.title, p.rows, 'bundled', 'packs/default-pack.json');
      db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(
        BUNDLED_PACK_META_KEY,
        JSON.stringify({ packId: pack.id, title: pack.title }),
      );
      return pack;
    })();
  }

  /** An imported pack's text: checked and prepared (../pack-file.ts), then stored all or nothing. */
  async function importText(text: string, fileName: string | null): Promise<ImportOutcome> {
    const p = await prepare(text);
    if (!p.ok) return { pack: null, issues: p.issues, warnings: p.warnings };
    return { pack: await packs.importInTurns(p.title, p.rows, 'import', fileName), issues: [], warnings: p.warnings };
  }

  return {
    packs,
    sessions,
    settings,
    uploads,
    loadBundledPack,
    importText,
    /** a file on disk: its size is checked before it is read */
    importFile(file: string, fileName: string | null = null): Promise<ImportOutcome> {
      const size = fs.statSync(file).size;
      if (size > MAX_PACK_BYTES) return Promise.resolve({ pack: null, issues: [tooLargeIssue(size)], warnings: [] });
      return importText(fs.readFileSync(file, 'utf8'), fileName ?? file);
    },
    importUpload(uploadId: string): Promise<ImportOutcome> {
      const { fileName, text } = uploads.take(uploadId);
      return importText(text, fileName);
    },
    /** "Save this desk case as a scenario": the desk's normalized scenario, a new id, title and story. */
    saveDeskCase(input: {
      packId: number | null;
      newPackTitle?: string;
      scenario: unknown;
      id: string;
      title: string;
      story?: string;
    }): SaveScenarioOutcome & {
      packId: number | null;
    } {
      const s = input.scenario as Scenario;
      if (
        typeof s !== 'object' ||
        s === null ||
        !Array.isArray((s as Scenario).presented) ||
        typeof s.patient !== 'object'
      ) {
        throw new AppError('invalid-input', '窓口の事例が正しくありません', 'the desk case is not a scenario');
      }
      let raw: Record<string, unknown>;
      try {
        raw = toPackScenario({ ...s, expected: undefined });
      } catch {
        throw new AppError('invalid-input', '窓口の事例が正しくありません', 'the desk case is not a scenario');
      }
      raw = { ...raw, id: input.id, title: input.title.trim() || null, story: input.story?.trim() || null };
      raw = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null));
      let packId = input.packId;
      if (packId === null) {
        const title = input.newPackTitle?.trim() ?? '';
        if (title === '')
          throw new AppError(
            'invalid-input',
            '新しいパックの名前を入力してください',
            'a title for the new pack is required',
          );
        // validate first, so a bad case never leaves an empty pack behind
        const c = checkScenarioValue(raw);
        if (!c.ok) return { row: null, issues: c.issues, warnings: c.warnings, packId: null };
        packId = packs.create(title).id;
      }
      return { ...packs.saveScenario(packId, raw), packId };
    },
  };
}
