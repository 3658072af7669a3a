// The app's 「連携フォルダ」 setting (README 「レセコンの試験に使う」): while it names a folder, the
// backend runs the same service `oqs serve` runs on it (./service.ts), and every desk check whose
// マイナ保険証 reached the simulated system also leaves its result in FOLDER/face/, as a terminal
// does after a face-recognition check. Empty: nothing runs, nothing is written.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { OnlineResult } from '../../../shared/onshi-document';
import { toXml } from '../onshi/xml';
import { FACE_FOLDER, faceName, writeFileAtomic } from './folder';
import { startOqsService } from './service';
import type { OqsEvent, OqsWatcher } from './watcher';

export interface OqsFolderMode {
  /** follows the setting: starts, moves or stops the watcher ('' = off) */
  use(folder: string): Promise<void>;
  /** after a desk check: its result into face/ when the card route reached the system */
  deskChecked(online: OnlineResult, checkId: number): void;
  stop(): Promise<void>;
}

/** What the app reports (the watcher's problems and refusals, a face result it could not write). */
export type OqsReport = (event: OqsEvent) => void;

/** Problems and refusals go to the backend's log (stderr), one JSON line each; answers are silent. */
const logReport: OqsReport = (event) => {
  if (event.kind !== 'answered') console.error(JSON.stringify({ oqs: event }));
};

export function createOqsFolderMode(db: Database, report: OqsReport = logReport): OqsFolderMode {
  let folder = '';
  let watcher: OqsWatcher | null = null;
  return {
    async use(next) {
      if (next === folder) return;
      const old = watcher;
      watcher = null;
      folder = next;
      await old?.stop();
      if (next !== '') watcher = startOqsService(db, { root: next, onEvent: report });
    },
    deskChecked(online, checkId) {
      if (folder === '' || online.route !== 'card' || online.result === null) return;
      const doc = online.result;
      const dir = join(folder, FACE_FOLDER);
      const name = faceName(checkId, doc.XmlMsg.MessageHeader.ProcessExecutionTime);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileAtomic(join(dir, name), toXml(doc));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        report({
          kind: 'problem',
          ja: `顔認証の結果を連携フォルダに書けません: ${join(dir, name)} (${code})`,
          en: `cannot write the face result into the 連携 folder: ${join(dir, name)} (${code})`,
        });
      }
    },
    async stop() {
      await this.use('');
    },
  };
}
