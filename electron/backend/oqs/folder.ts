// The 連携 folder (the shared folder a 資格確認端末's 連携アプリ and a レセコン exchange files through):
//
//   ROOT/req/         the レセコン writes requests here:   OQSsiquc01req_<any>.xml
//   ROOT/req/error/   requests that could not be answered are moved here (with their error result in res/)
//   ROOT/res/         results of requests:                OQSsiquc01res_<same any>.xml
//
// The prefixes are those public clinic software uses (README 「レセコンの試験に使う」); both can be
// changed. (A real terminal also writes the result of every マイナ保険証 check into ROOT/face/; the
// desk does not write those yet.)
// Every file is written atomically: a temporary file in the same folder (a dot-name ending in
// .tmp, which a reader of *.xml never picks up), flushed to disk, then renamed.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
