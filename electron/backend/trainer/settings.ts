// Trainer settings (one row): the exam pass mark and the number of questions in a new exam.
// Kept in the trainer's own table so the clinic settings (electron/backend/settings) stay as they are.
import type { Database } from 'better-sqlite3';
import type { TrainerSettings } from '../../../shared/trainer/contract';
import { DEFAULT_PASS_MARK } from '../../../shared/trainer/score';
import { fromSystemError } from '../errors';
import { jstIsoTimestamp } from '../time';

const DEFAULT_TRAINER_SETTINGS: Readonly<TrainerSettings> = Object.freeze({
  passMark: DEFAULT_PASS_MARK,
  examSize: 20,
});

export class TrainerSettingsRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  get(): TrainerSettings {
    const r = this.db.prepare('SELECT pass_mark, exam_size FROM trainer_settings WHERE id = 1').get() as
      { pass_mark: number; exam_size: number } | undefined;
    return r ? { passMark: r.pass_mark, examSize: r.exam_size } : { ...DEFAULT_TRAINER_SETTINGS };
  }

  /** The contract has validated the ranges; the table's CHECKs guard them again. */
  update(patch: Partial<TrainerSettings>): TrainerSettings {
    const next = { ...this.get(), ...patch };
    try {
      this.db
        .prepare(
          `INSERT INTO trainer_settings (id, pass_mark, exam_size, updated_at) VALUES (1, @passMark, @examSize, @at)
           ON CONFLICT (id) DO UPDATE SET pass_mark = @passMark, exam_size = @examSize, updated_at = @at`,
        )
        .run({ ...next, at: jstIsoTimestamp(this.now()) });
    } catch (e) {
      throw fromSystemError(e, this.db.name);
    }
    return this.get();
  }
}
