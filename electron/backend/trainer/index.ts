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

/** app_meta: a bundled pack was loaded (or found already there) — `${key}:${file}`; the default pack's first key had no file. */
const BUNDLED_PACK_META_KEY = 'trainer.bundled-pack';
const DEFAULT_PACK_FILE = 'packs/default-pack.json';

/** A pack shipped with the app (packs/*.json), parsed. */
export interface BundledPack {
  file: string;
  pack: unknown;
}

export interface TrainerOptions {
  now?: () => Date;
  /** the packs shipped with the app, each imported once: on the first start, or the first start of a version that ships it */
  bundledPacks?: readonly BundledPack[];
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

  const metaKey = (file: string) => `${BUNDLED_PACK_META_KEY}:${file}`;
  const loaded = (file: string) =>
    db
      .prepare('SELECT 1 FROM app_meta WHERE key IN (?, ?)')
      .get(metaKey(file), file === DEFAULT_PACK_FILE ? BUNDLED_PACK_META_KEY : metaKey(file)) !== undefined;

  /**
   * Imports each bundled pack that was never loaded into this database: all of them on the first
   * start, and on an existing database the ones a newer version added — once each. A pack loaded
   * before is never touched again (a trainer's edits stay; deleting it does not bring it back), and
   * one whose title a pack of the database already has (the trainer imported that file by hand) is
   * counted as loaded and not imported a second time. Returns the packs imported now.
   */
  function loadBundledPacks(): PackSummary[] {
    const imported: PackSummary[] = [];
    for (const { file, pack } of opts.bundledPacks ?? []) {
      if (loaded(file)) continue;
      const p = preparePackValue(pack);
      if (!p.ok) {
        log(
          `同梱のパック ${file} を読み込めませんでした / the bundled pack ${file} does not validate: ${p.issues.length} issue(s), first: ${p.issues[0]?.path} ${p.issues[0]?.en}`,
        );
        continue;
      }
      db.transaction(() => {
        const there = packs.list().find((x) => x.title === p.title) ?? null;
        const summary = there ?? packs.importRows(p.title, p.rows, 'bundled', file);
        db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(
          metaKey(file),
          JSON.stringify({ packId: summary.id, title: summary.title, imported: there === null }),
        );
        if (!there) imported.push(summary);
      })();
    }
    return imported;
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
    loadBundledPacks,
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
