// Pack files arrive in chunks (the browser bridge caps one request at 1 MiB, and chunks give the
// screen a real progress bar). The declared size is checked before the first chunk; the running
// byte count is checked on every chunk, so an oversized file is refused without ever being parsed.
import { randomBytes } from 'node:crypto';
import { containsMyNumberLike } from '../../../shared/identifiers';
import { IMPORT_CHUNK_CHARS, MAX_PACK_BYTES } from '../../../shared/trainer/contract';
import { AppError } from '../errors';
import { tooLargeIssue } from './pack-file';

interface Upload {
  fileName: string;
  parts: string[];
  bytes: number;
  touched: number;
}

/**
 * Uploads that received nothing for this long are dropped (the screen sends its chunks one after
 * the other: two minutes of silence means the tab was closed).
 */
export const STALE_MS = 2 * 60_000;
/** Imports running at once (several tabs may import); one more is refused, never a running one dropped. */
export const MAX_OPEN = 4;

function tooLarge(bytes: number, maxBytes: number): AppError {
  const i = tooLargeIssue(bytes, maxBytes);
  return new AppError('invalid-input', i.ja, i.en, { bytes, maxBytes });
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly clock: () => number = () => Date.now(),
    readonly maxBytes = MAX_PACK_BYTES,
  ) {}

  private sweep(): void {
    const now = this.clock();
    for (const [id, u] of this.uploads) if (now - u.touched > STALE_MS) this.uploads.delete(id);
  }

  begin(fileName: string, size: number): { uploadId: string; chunkChars: number; maxBytes: number } {
    this.sweep();
    if (size > this.maxBytes) throw tooLarge(size, this.maxBytes);
    if (this.uploads.size >= MAX_OPEN) {
      throw new AppError(
        'busy',
        `ほかの画面でパックを ${this.uploads.size} 件読み込み中です。終わってから、もう一度ファイルを選んでください`,
        `${this.uploads.size} other imports are running (in other tabs); choose the file again once they are done`,
        { running: this.uploads.size },
      );
    }
    let uploadId = randomBytes(16).toString('hex');
    // an id is sent back with every chunk: never one that reads like a My Number (R18 refuses it)
    while (containsMyNumberLike(uploadId)) uploadId = randomBytes(16).toString('hex');
    this.uploads.set(uploadId, { fileName, parts: [], bytes: 0, touched: this.clock() });
    return { uploadId, chunkChars: IMPORT_CHUNK_CHARS, maxBytes: this.maxBytes };
  }

  private get(uploadId: string): Upload {
    const u = this.uploads.get(uploadId);
    if (!u) {
      throw new AppError(
        'not-found',
        '読み込み中のファイルが見つかりません。もう一度ファイルを選んでください',
        'no such upload; choose the file again',
      );
    }
    return u;
  }

  chunk(uploadId: string, index: number, text: string): { receivedBytes: number } {
    const u = this.get(uploadId);
    if (index !== u.parts.length) {
      this.uploads.delete(uploadId);
      throw new AppError(
        'invalid-input',
        'ファイルの一部が届きませんでした。もう一度読み込んでください',
        `chunk ${index} arrived out of order (expected ${u.parts.length})`,
      );
    }
    const bytes = u.bytes + Buffer.byteLength(text, 'utf8');
    if (bytes > this.maxBytes) {
      this.uploads.delete(uploadId);
      throw tooLarge(bytes, this.maxBytes);
    }
    u.parts.push(text);
    u.bytes = bytes;
    u.touched = this.clock();
    return { receivedBytes: bytes };
  }

  /** The whole text; the upload is gone afterwards. */
  take(uploadId: string): { fileName: string; text: string } {
    const u = this.get(uploadId);
    this.uploads.delete(uploadId);
    return { fileName: u.fileName, text: u.parts.join('') };
  }

  cancel(uploadId: string): boolean {
    return this.uploads.delete(uploadId);
  }
}
