// The 連携 folder (the shared folder a 資格確認端末's 連携アプリ and a レセコン exchange files through):
//
//   ROOT/req/         the レセコン writes requests here:   OQSsiquc01req_<any>.xml
//   ROOT/req/error/   requests that could not be answered are moved here (with their error result in res/)
//   ROOT/res/         results of requests:                OQSsiquc01res_<same any>.xml
//   ROOT/face/        the app only: the result of every マイナ保険証 check at the desk (as the
//                     terminal writes after a face-recognition check): OQSsiquc01res_face_<check>_<yyyyMMddHHmmss>.xml
//
// The prefixes are those public clinic software uses (README 「レセコンの試験に使う」); the request
// and result prefixes can be changed (`oqs serve`). The rest of a face file's name is not public:
// <check> is the number of the check in the app's history, the stamp is when the system answered
// (the shape open clinic software matches: OQSsiquc01res_face_<anything>_<14 digits>.xml).
// Every file is written atomically: a temporary file in the same folder (a dot-name ending in
// .tmp, which a reader of *.xml never picks up), flushed to disk, then renamed.
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { redactMyNumber } from '../../../shared/identifiers';

export interface OqsNames {
  requestPrefix: string;
  resultPrefix: string;
}

export const DEFAULT_OQS_NAMES: Readonly<OqsNames> = Object.freeze({
  requestPrefix: 'OQSsiquc01req_',
  resultPrefix: 'OQSsiquc01res_',
});

export interface OqsPaths {
  root: string;
  req: string;
  reqError: string;
  res: string;
}

export function oqsPaths(root: string): OqsPaths {
  return {
    root,
    req: join(root, 'req'),
    reqError: join(root, 'req', 'error'),
    res: join(root, 'res'),
  };
}

/** Creates the folders that are missing. */
export function ensureOqsFolders(p: OqsPaths): void {
  for (const dir of [p.req, p.reqError, p.res]) mkdirSync(dir, { recursive: true });
}

export const FACE_FOLDER = 'face';
const FACE_PREFIX = 'OQSsiquc01res_face_';

/** A face result's name (see the header): the check's number and the yyyyMMddHHmmss it was answered. */
export function faceName(checkId: number, stamp: string): string {
  return `${FACE_PREFIX}${checkId}_${stamp}.xml`;
}

/**
 * Whether the app may use this folder as its 連携フォルダ: an absolute path to an existing folder
 * this process can write to. Checked when the setting is saved (the watcher itself creates the
 * subfolders it needs).
 */
export function checkOqsFolder(dir: string): { ok: true } | { ok: false; ja: string; en: string } {
  if (!isAbsolute(dir))
    return {
      ok: false,
      ja: `連携フォルダは絶対パス (/ や C:\\ から始まる場所) で指定してください: ${dir}`,
      en: `the 連携 folder must be an absolute path: ${dir}`,
    };
  try {
    if (!statSync(dir).isDirectory())
      return {
        ok: false,
        ja: `連携フォルダがフォルダではありません: ${dir}`,
        en: `the 連携 folder is not a folder: ${dir}`,
      };
    accessSync(dir, constants.R_OK | constants.W_OK);
    return { ok: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return code === 'ENOENT'
      ? { ok: false, ja: `連携フォルダが見つかりません: ${dir}`, en: `the 連携 folder does not exist: ${dir}` }
      : {
          ok: false,
          ja: `連携フォルダに書き込めません: ${dir} (${code})`,
          en: `cannot write to the 連携 folder: ${dir} (${code})`,
        };
  }
}

/** Another national request kind (照会番号登録, 一括照会 …): OQS + 5 letters + 2 digits + req_. */
const OTHER_REQUEST = /^OQS[A-Za-z]{5}\d{2}req_/;

export type RequestKind = 'request' | 'unsupported' | null;

/** What a file in req/ is: a 資格確認 request, another kind of national request, or nothing to answer. */
export function requestKind(name: string, names: OqsNames): RequestKind {
  if (!name.toLowerCase().endsWith('.xml') || name.startsWith('.')) return null;
  if (name.startsWith(names.requestPrefix)) return 'request';
  return OTHER_REQUEST.test(name) ? 'unsupported' : null;
}

/**
 * The result's file name: the request's with `req` replaced by `res` (the prefix; for another
 * national kind its own `…req_` → `…res_`). A 12-digit run in a name is masked (R18): such a
 * request is refused, and nothing is written under a name that carries one.
 */
export function resultName(requestName: string, names: OqsNames): string {
  const name = redactMyNumber(requestName);
  if (name.startsWith(names.requestPrefix)) return names.resultPrefix + name.slice(names.requestPrefix.length);
  return name.replace(/req_/, 'res_');
}

/**
 * Writes a file atomically (see the header). Synchronous: a result is a few kilobytes. The folder
 * itself is not flushed: file systems journal renames and removals in order, so after a power cut
 * a result is never lost while its request is gone — at worst both are as before, and the request
 * is answered again.
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
