// The 連携 folder watcher: answers every request that appears in ROOT/req (./folder.ts), one at a
// time, and never stops on a bad one.
//
//   1. Wake-ups: a file-system event on req/ (fs.watch), and a scan every `pollMs` besides (events
//      are not delivered on every network share, and may be missed).
//   2. Arrival order: each scan takes the request files present, ordered by modification time,
//      then by name, and answers them in that order.
//   3. A file still being written: a request is answered as soon as it is a complete XML document.
//      One that does not parse waits until it has stayed unchanged (size and modification time)
//      for `settleMs`; only then is it declared malformed. Writers that create the file under
//      another name and rename it into req/ (a dot-name or a name not ending in .xml is ignored
//      until then) are answered without any wait.
//   4. Answered: the result is written atomically to res/ under the request's name with `req`
//      replaced by `res`; then the request is removed (the result echoes everything it said).
//   5. Refused (malformed, a 12-digit number, another kind of national request, or the simulator
//      failing on it): an error result (SegmentOfResult 9, ErrorCode SKD-…, ErrorMessage in
//      Japanese and English) is written to res/ the same way; then the request is moved to
//      req/error/. A 12-digit run in a file name is masked in both names (R18).
//   6. A result is written before its request is removed or moved: after a crash the request is
//      simply answered again. Temporary files older than a minute are removed at start.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { containsMyNumberLike, redactMyNumber } from '../../../shared/identifiers';
import { AppError } from '../errors';
import type { OnshiDocument } from '../../../shared/onshi-document';
import { errorDocument, type RequestEcho } from '../onshi/document';
import { toXml } from '../onshi/xml';
import { jstCompact } from '../time';
import {
  DEFAULT_OQS_NAMES,
  ensureOqsFolders,
  type OqsNames,
  oqsPaths,
  requestKind,
  resultName,
  writeFileAtomic,
} from './folder';
import { type OqsRequest, parseRequest, REQUEST_ERROR_CODES, type RequestErrorCode } from './request';

export interface OqsWatcherOptions {
  root: string;
  names?: Partial<OqsNames>;
  /** the answer to a valid request (./answer.ts on the registry) */
  answer: (request: OqsRequest, executedAt: Date) => OnshiDocument;
  /** the clinic's 医療機関コード, for an error result whose request names none that is valid */
  institutionCode: () => string;
  now?: () => Date;
  pollMs?: number;
  settleMs?: number;
  onEvent?: (event: OqsEvent) => void;
}

export type OqsEvent =
  | { kind: 'answered'; request: string; result: string; validity: string }
  | { kind: 'refused'; request: string; result: string; errorCode: string; ja: string; en: string }
  | { kind: 'problem'; ja: string; en: string };

export interface OqsWatcher {
  /**
   * Resolves once no request is left to answer (requests still being written are waited for;
   * one whose result cannot be written is reported and not waited for).
   */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

interface Candidate {
  name: string;
  mtimeMs: number;
  size: number;
}

const STALE_TEMP_MS = 60_000;

export function startOqsWatcher(opts: OqsWatcherOptions): OqsWatcher {
  const names: OqsNames = { ...DEFAULT_OQS_NAMES, ...opts.names };
  const paths = oqsPaths(opts.root);
  const now = opts.now ?? (() => new Date());
  const pollMs = opts.pollMs ?? 1000;
  const settleMs = opts.settleMs ?? 2000;
  const emit = opts.onEvent ?? (() => {});
  ensureOqsFolders(paths);
  removeStaleTemps([paths.res]);

  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  /** requests that did not parse yet: how they looked, and since when (Date.now()) they look so */
  const waiting = new Map<string, Candidate & { since: number }>();
  /** problems already reported, so a folder that stays broken is reported once */
  const reported = new Set<string>();
  let fsWatcher: FSWatcher | null = null;
  const timers = new Set<NodeJS.Timeout>();

  const problem = (key: string, ja: string, en: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    emit({ kind: 'problem', ja, en });
  };

  function watchFolder() {
    if (fsWatcher !== null || stopped) return;
    try {
      fsWatcher = watch(paths.req, () => kick());
      fsWatcher.on('error', () => {
        fsWatcher?.close();
        fsWatcher = null; // polling goes on; the next scan watches again
      });
    } catch {
      fsWatcher = null;
    }
  }

  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await scan();
      } while (again && !stopped);
      running = null;
    })();
    return running;
  }

  async function scan(): Promise<void> {
    let list: Candidate[];
    try {
      ensureOqsFolders(paths);
      watchFolder();
      list = [];
      for (const e of readdirSync(paths.req, { withFileTypes: true })) {
        if (!e.isFile() || requestKind(e.name, names) === null) continue;
        try {
          const st = statSync(join(paths.req, e.name));
          list.push({ name: e.name, mtimeMs: st.mtimeMs, size: st.size });
        } catch {
          // gone since the listing
        }
      }
      reported.delete('folder');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      problem(
        'folder',
        `連携フォルダを使えません: ${paths.root} (${code})`,
        `cannot use the 連携 folder: ${paths.root} (${code})`,
      );
      return;
    }
    const present = new Set(list.map((c) => c.name));
    for (const name of waiting.keys()) if (!present.has(name)) waiting.delete(name);
    list.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const c of list) {
      if (stopped) return;
      handle(c);
      await new Promise<void>((r) => setImmediate(r)); // let stop() and file events in between
    }
  }

  function handle(c: Candidate): void {
    const at = join(paths.req, c.name);
    const executedAt = now();
    const fallback: RequestEcho = {
      medicalInstitutionCode: opts.institutionCode(),
      arbitraryFileIdentifier: null,
      confirmationDate: jstCompact(executedAt).slice(0, 8),
    };
    const shownName = redactMyNumber(c.name);
    const refuse = (code: RequestErrorCode, ja: string, en: string, echo: Partial<RequestEcho> = {}) => {
      const result = resultName(c.name, names);
      const message = `${shownName}: ${ja} / ${en}`;
      const doc = errorDocument({ ...fallback, ...echo }, REQUEST_ERROR_CODES[code], message, executedAt);
      writeFileAtomic(join(paths.res, result), toXml(doc));
      renameSync(at, join(paths.reqError, shownName));
      waiting.delete(c.name);
      emit({ kind: 'refused', request: shownName, result, errorCode: REQUEST_ERROR_CODES[code], ja, en });
    };
    try {
      if (containsMyNumberLike(c.name)) {
        refuse(
          'my-number',
          'ファイル名の12桁の番号は個人番号(マイナンバー)の可能性があるため受け付けません (番号法第20条)',
          'a 12-digit number in the file name may be a My Number (個人番号) and is refused (R18)',
        );
        return;
      }
      if (requestKind(c.name, names) === 'unsupported') {
        refuse(
          'unsupported',
          `この種類の要求 (資格確認 ${names.requestPrefix}… 以外) には対応していません`,
          `this kind of request is not simulated (only 資格確認 ${names.requestPrefix}…)`,
        );
        return;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(at);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // taken away meanwhile
        throw e;
      }
      const parsed = parseRequest(bytes);
      if (!parsed.ok) {
        if (parsed.code === 'unreadable' && stillBeingWritten(c)) return;
        refuse(parsed.code, parsed.ja, parsed.en, parsed.echo);
        return;
      }
      const doc = opts.answer(parsed.request, executedAt);
      const result = resultName(c.name, names);
      writeFileAtomic(join(paths.res, result), toXml(doc));
      rmSync(at, { force: true });
      waiting.delete(c.name);
      emit({ kind: 'answered', request: c.name, result, validity: doc.XmlMsg.MessageBody.QualificationValidity });
    } catch (e) {
      // the simulator failed on this request, or the folder refused a write: never stop
      const ja = e instanceof AppError ? e.ja : redactMyNumber(String(e));
      const en = e instanceof AppError ? e.en : redactMyNumber(String(e));
      try {
        refuse('internal', `処理できませんでした: ${ja}`, `could not be processed: ${en}`);
      } catch (e2) {
        const code = (e2 as NodeJS.ErrnoException).code ?? String(e2);
        problem(c.name, `${shownName}: 結果を書けません (${code})`, `${shownName}: cannot write the result (${code})`);
      }
    }
  }

  /** A request that does not parse waits until it has stayed unchanged for settleMs (header, step 3). */
  function stillBeingWritten(c: Candidate): boolean {
    const t = Date.now();
    const seen = waiting.get(c.name);
    if (seen === undefined || seen.size !== c.size || seen.mtimeMs !== c.mtimeMs) {
      waiting.set(c.name, { ...c, since: t });
      recheckAfter(settleMs);
      return true;
    }
    if (t - seen.since < settleMs) {
      recheckAfter(settleMs - (t - seen.since));
      return true;
    }
    return false;
  }

  function recheckAfter(ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void kick();
    }, ms + 5);
    timers.add(timer);
  }

  const poll = setInterval(() => void kick(), pollMs);
  const first = setImmediate(() => void kick()); // after the caller has the watcher

  return {
    async drain() {
      for (;;) {
        await kick();
        if (stopped || reported.has('folder')) return; // the folder itself is broken (reported)
        let left: string[];
        try {
          // a request whose result cannot be written (reported) does not hold the drain
          left = readdirSync(paths.req).filter((n) => requestKind(n, names) !== null && !reported.has(n));
        } catch {
          return; // the folder itself is gone or unreadable (reported)
        }
        if (left.length === 0) return;
        await new Promise((r) => setTimeout(r, Math.min(50, pollMs)));
      }
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearImmediate(first);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      fsWatcher?.close();
      fsWatcher = null;
      await running;
    },
  };
}

/** Temporary files a crash left behind (./folder.ts writes dot-names ending in .tmp). */
function removeStaleTemps(dirs: string[]): void {
  const limit = Date.now() - STALE_TEMP_MS;
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
      try {
        if (statSync(join(dir, name)).mtimeMs < limit) rmSync(join(dir, name), { force: true });
      } catch {
        // taken away meanwhile
      }
    }
  }
}
