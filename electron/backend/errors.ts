// Typed backend errors: a stable code plus a Japanese and an English message that name the file,
// field or setting involved — and never repeat a 12-digit number (R18). An AppError is the
// contract's ApiFailure, so `dispatch` answers it as `{ ok: false, error }` with both languages.
import { ApiFailure } from '../../shared/contract/kernel';
import { redactMyNumber } from '../../shared/identifiers';

export type AppErrorCode =
  | 'invalid-input'
  | 'my-number'
  | 'not-found'
  | 'busy'
  | 'not-needed'
  | 'db-recovery'
  | 'data-dir-readonly'
  | 'disk-full'
  | 'data-dir-in-use'
  | 'db-corrupt'
  | 'db-not-a-file'
  | 'db-too-new'
  | 'db-too-old'
  | 'db-locked'
  | 'migration-failed'
  | 'backup-failed'
  | 'io-error'
  | 'oqs-folder'
  | 'internal';

export class AppError extends ApiFailure {
  declare readonly code: AppErrorCode;
  /** machine-readable extras (paths, versions, the offered backups, …) */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: AppErrorCode,
    ja: string,
    en: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(code, redactMyNumber(ja), redactMyNumber(en), options);
    this.name = 'AppError';
    this.details = details;
  }

  /** One line for logs and the command line: Japanese / English. */
  override toString(): string {
    return `${this.ja} / ${this.en}`;
  }

  toJSON(): { code: AppErrorCode; ja: string; en: string } {
    return { code: this.code, ja: this.ja, en: this.en };
  }
}

interface SystemLikeError {
  code?: unknown;
  message?: unknown;
}

/**
 * Maps a file-system or SQLite error to a clear AppError. `where` names the file or directory
 * (e.g. the data directory) in both languages' messages. Unknown errors are returned as
 * 'io-error' with the original message (redacted).
 */
export function fromSystemError(e: unknown, where: string): AppError {
  if (e instanceof AppError) return e;
  const err = (typeof e === 'object' && e !== null ? e : {}) as SystemLikeError;
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : String(e);
  const opts = { cause: e };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return new AppError(
      'data-dir-readonly',
      `データフォルダに書き込めません (読み取り専用か、権限がありません): ${where}。書き込みできるフォルダを指定してください (--data-dir または SHIKAKU_DATA_DIR)。`,
      `cannot write to the data directory (read-only or no permission): ${where}. Choose a writable directory (--data-dir or SHIKAKU_DATA_DIR).`,
      { path: where, cause: code },
      opts,
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new AppError(
      'disk-full',
      `ディスクの空き容量が不足しているため保存できません: ${where}。空き容量を確保してからやり直してください。保存しようとした内容は記録されていません。`,
      `the disk is full, nothing was saved: ${where}. Free some space and try again.`,
      { path: where, cause: code },
      opts,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY')) {
    return new AppError(
      'db-locked',
      `データベースが他のプログラムで使用中です: ${where}。資格確認デスクを二重に起動していないか確認してください。`,
      `the database is in use by another program: ${where}. Make sure the app is not running twice.`,
      { path: where, cause: code },
      opts,
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError(
      'db-corrupt',
      `データベースファイルが壊れています: ${where}`,
      `the database file is corrupt: ${where}`,
      { path: where, cause: code },
      opts,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOTDIR' || code === 'ENOENT') {
    return new AppError(
      'data-dir-readonly',
      `データフォルダを開けません: ${where} (${code})。フォルダが存在し、書き込みできるか確認してください。`,
      `cannot open the data directory: ${where} (${code}). Check that it exists and is writable.`,
      { path: where, cause: code },
      opts,
    );
  }
  return new AppError(
    'io-error',
    `ファイルの読み書きに失敗しました: ${where} (${code || 'error'}: ${message})`,
    `file input/output failed: ${where} (${code || 'error'}: ${message})`,
    { path: where, cause: code },
    opts,
  );
}
