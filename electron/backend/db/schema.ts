// The database schema as numbered migration steps (Signal Desktop style): every pending step runs
// inside ONE transaction that also sets PRAGMA user_version, so a crash leaves either the old or
// the new schema, never half of one. Steps are append-only: never edit a released step, add one.
import type { Database } from 'better-sqlite3';
import { TRAINER_IMPORT_SQL, TRAINER_SQL, TRAINER_V2_ITEMS_SQL } from '../trainer/schema';

export interface Migration {
  version: number;
  /** what the step does, for logs */
  name: string;
  up(db: Database): void;
}

/**
 * Connection settings every connection uses (the app, backups being verified, the crash-test
 * child process). WAL + synchronous=FULL: a committed transaction survives power loss.
 */
export const CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  // Acknowledged work must reach the main file soon (a copy of shikaku.sqlite alone is what a
  // clinic backs up): SQLite checkpoints by itself once the WAL holds 128 pages (2 MiB at 16 KiB
  // pages), besides the checkpoints after each batch and when idle (checkpoint.ts); after a
  // checkpoint the WAL file is cut back to 4 MiB.
  'wal_autocheckpoint = 128',
  'journal_size_limit = 4194304',
] as const;

/** Page size of new database files (bytes). */
export const PAGE_SIZE = 16384;

/** v1 — registry of fictional patients. */
const REGISTRY_SQL = `
CREATE TABLE person (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  kana        TEXT NOT NULL,
  birth_date  TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sex         INTEGER NOT NULL CHECK (sex IN (1, 2, 3)),          -- OQS Sex1: 1 男, 2 女, 3 未設定
  note        TEXT NOT NULL DEFAULT '',
  name_search TEXT NOT NULL,                                       -- normalizeForSearch(name)
  kana_search TEXT NOT NULL,                                       -- normalizeForSearch(kana)
  demo_key    TEXT UNIQUE,                                         -- set for demo patients
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX person_birth_date ON person (birth_date);
CREATE INDEX person_kana_search ON person (kana_search);

CREATE TABLE coverage (
  person_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  id               TEXT NOT NULL,                                  -- 'c1', 'c2', … (scenario coverage id)
  insurer          TEXT NOT NULL CHECK (insurer IN ('kyokai', 'kumiai', 'kyosai', 'senin', 'kokuho', 'kouki')),
  insurer_number   TEXT,
  insurer_name     TEXT,
  symbol           TEXT,
  number           TEXT,
  branch           TEXT,
  personal_family  INTEGER NOT NULL DEFAULT 1 CHECK (personal_family IN (1, 2)),  -- 1 本人, 2 家族
  acquired_on      TEXT NOT NULL,
  lost_on          TEXT,
  registered_on    TEXT,
  filed_on         TEXT,
  my_number_on_form INTEGER NOT NULL DEFAULT 1 CHECK (my_number_on_form IN (0, 1)),
  ratio            INTEGER CHECK (ratio IN (10, 20, 30)),
  elderly_card     TEXT CHECK (elderly_card IN ('separate', 'on-document')),
  limit_category   TEXT,
  PRIMARY KEY (person_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE myna (
  person_id            INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  insurance_registered INTEGER NOT NULL CHECK (insurance_registered IN (0, 1)),
  register_at_desk     INTEGER NOT NULL CHECK (register_at_desk IN (0, 1)),
  cert_expires_on      TEXT NOT NULL,
  pin_locked           INTEGER NOT NULL CHECK (pin_locked IN (0, 1))
) STRICT;

-- Documents the patient carries (保険証, 資格確認書, お知らせ, スマホ, 高齢受給者証, 限度額適用認定証)
-- with their printed details as validated JSON.
CREATE TABLE holding (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('legacy-card', 'kakunin-sho', 'oshirase', 'smartphone', 'elderly-card', 'limit-cert')),
  details   TEXT NOT NULL CHECK (json_valid(details)),
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;
`;

/** v1 — clinic settings (one row) and small key/value facts about this database. */
const SETTINGS_SQL = `
CREATE TABLE clinic_settings (
  id                       INTEGER PRIMARY KEY CHECK (id = 1),
  clinic_name              TEXT NOT NULL,
  medical_institution_code TEXT NOT NULL,
  online_check             INTEGER NOT NULL CHECK (online_check IN (0, 1)),
  phone_reader             INTEGER NOT NULL CHECK (phone_reader IN (0, 1)),
  policy                   TEXT NOT NULL CHECK (json_valid(policy)),
  updated_at               TEXT NOT NULL
) STRICT;

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;

/**
 * v1 — check history, append-only: triggers refuse UPDATE and DELETE whatever the caller.
 * day = the calendar date in Japan of \`at\`; the indexes serve the history screen's filters
 * (date range, + verdict, patient), newest first.
 */
const HISTORY_SQL = `
CREATE TABLE check_history (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  day           TEXT NOT NULL,
  visit_date    TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('desk', 'trainer')),
  operator      TEXT,
  patient_id    INTEGER,
  patient_name  TEXT,
  scenario_id   TEXT NOT NULL,
  verdict       TEXT NOT NULL CHECK (verdict IN ('insured', 'insured-interim', 'insured-declaration', 'self-pay')),
  copay_percent INTEGER NOT NULL,
  rules         TEXT NOT NULL,
  scenario_json TEXT NOT NULL,
  decision_json TEXT NOT NULL,
  result_json   TEXT
) STRICT;
CREATE INDEX check_history_day ON check_history (day);
CREATE INDEX check_history_verdict_day ON check_history (verdict, day);
CREATE INDEX check_history_patient ON check_history (patient_id, verdict, day) WHERE patient_id IS NOT NULL;
CREATE TRIGGER check_history_no_update BEFORE UPDATE ON check_history
BEGIN SELECT RAISE(ABORT, 'check_history is append-only: UPDATE is not allowed'); END;
CREATE TRIGGER check_history_no_delete BEFORE DELETE ON check_history
BEGIN SELECT RAISE(ABORT, 'check_history is append-only: DELETE is not allowed'); END;
`;

/**
 * v4 — rule book version 2 (issue 9): the verdicts public-assistance (医療扶助, R24) and
 * workers-comp (労災, R25) and the copay 0% are stored too. SQLite cannot change a CHECK, so the two
 * tables that check them are rebuilt — new table, copy, drop, rename
 * (https://www.sqlite.org/lang_altertable.html#otheralter) — with their indexes and triggers. No
 * table references either of them.
 */
const VERDICTS_V2 = `('insured', 'insured-interim', 'insured-declaration', 'self-pay', 'public-assistance', 'workers-comp')`;
const RULE_BOOK_V2_SQL = `
CREATE TABLE check_history_v4 (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  day           TEXT NOT NULL,
  visit_date    TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('desk', 'trainer')),
  operator      TEXT,
  patient_id    INTEGER,
  patient_name  TEXT,
  scenario_id   TEXT NOT NULL,
  verdict       TEXT NOT NULL CHECK (verdict IN ${VERDICTS_V2}),
  copay_percent INTEGER NOT NULL,
  rules         TEXT NOT NULL,
  scenario_json TEXT NOT NULL,
  decision_json TEXT NOT NULL,
  result_json   TEXT
) STRICT;
INSERT INTO check_history_v4 SELECT * FROM check_history;
DROP TABLE check_history;
ALTER TABLE check_history_v4 RENAME TO check_history;
CREATE INDEX check_history_day ON check_history (day);
CREATE INDEX check_history_verdict_day ON check_history (verdict, day);
CREATE INDEX check_history_patient ON check_history (patient_id, verdict, day) WHERE patient_id IS NOT NULL;
CREATE TRIGGER check_history_no_update BEFORE UPDATE ON check_history
BEGIN SELECT RAISE(ABORT, 'check_history is append-only: UPDATE is not allowed'); END;
CREATE TRIGGER check_history_no_delete BEFORE DELETE ON check_history
BEGIN SELECT RAISE(ABORT, 'check_history is append-only: DELETE is not allowed'); END;

CREATE TABLE trainer_pack_scenario_v4 (
  pack_id        INTEGER NOT NULL REFERENCES trainer_pack (id) ON DELETE CASCADE,
  scenario_id    TEXT NOT NULL,
  position       INTEGER NOT NULL,
  title          TEXT,
  visit_date     TEXT NOT NULL,
  verdict        TEXT NOT NULL CHECK (verdict IN ${VERDICTS_V2}),
  copay_percent  INTEGER NOT NULL CHECK (copay_percent IN (0, 10, 20, 30, 100)),
  rules          TEXT NOT NULL CHECK (json_valid(rules)),
  expected_ok    INTEGER CHECK (expected_ok IN (0, 1)),
  mismatches     TEXT NOT NULL CHECK (json_valid(mismatches)),
  scenario_json  TEXT NOT NULL CHECK (json_valid(scenario_json)),
  PRIMARY KEY (pack_id, scenario_id)
) STRICT, WITHOUT ROWID;
INSERT INTO trainer_pack_scenario_v4 SELECT * FROM trainer_pack_scenario;
DROP TABLE trainer_pack_scenario;
ALTER TABLE trainer_pack_scenario_v4 RENAME TO trainer_pack_scenario;
CREATE INDEX trainer_pack_scenario_order ON trainer_pack_scenario (pack_id, position);
`;

/** v5 — the 連携 folder the app serves (issue 12; '' = off): one column of the clinic's settings. */
const OQS_FOLDER_SQL = `ALTER TABLE clinic_settings ADD COLUMN oqs_folder TEXT NOT NULL DEFAULT '';`;

/**
 * v6 — 診察券番号: every patient gets one (those already registered: 1000 + their id, so each is
 * unique and the order is kept; new ones: the next number, registry/repository.ts). The desk
 * searches by it and by the numbers printed on a patient's documents.
 */
const CLINIC_NO_SQL = `
ALTER TABLE person ADD COLUMN clinic_no TEXT CHECK (clinic_no NOT GLOB '*[^0-9]*' AND length(clinic_no) BETWEEN 1 AND 10);
UPDATE person SET clinic_no = CAST(1000 + id AS TEXT);
CREATE UNIQUE INDEX person_clinic_no ON person (clinic_no);
CREATE INDEX coverage_insurer_number ON coverage (insurer_number) WHERE insurer_number IS NOT NULL;
CREATE INDEX coverage_card_number ON coverage (number) WHERE number IS NOT NULL;
`;

/**
 * v7 — 受付ナビ (issue 12): a check of a real patient is recorded with mode real-desk, holding the
 * observation the receptionist typed (no name, no number of the person) instead of a scenario.
 * SQLite cannot change a CHECK or a NOT NULL, so the table is rebuilt as in v4, with its indexes
 * and triggers. No table references it.
 */
const REAL_DESK_SQL = `
CREATE TABLE check_history_v7 (
  id               INTEGER PRIMARY KEY,
  at               TEXT NOT NULL,
  day              TEXT NOT NULL,
  visit_date       TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('desk', 'trainer', 'real-desk')),
  operator         TEXT,
  patient_id       INTEGER,
  patient_name     TEXT,
  scenario_id      TEXT NOT NULL,
  verdict          TEXT NOT NULL CHECK (verdict IN ${VERDICTS_V2}),
  copay_percent    INTEGER NOT NULL,
  rules            TEXT NOT NULL,
  scenario_json    TEXT,
  decision_json    TEXT NOT NULL,
  result_json      TEXT,
  observation_json TEXT,
  -- a real-desk row holds an observation and nothing of the person; every other row a scenario
  CHECK ((mode = 'real-desk') = (observation_json IS NOT NULL AND scenario_json IS NULL)),
  CHECK (mode <> 'real-desk' OR (patient_id IS NULL AND patient_name IS NULL)),
  CHECK (mode = 'real-desk' OR scenario_json IS NOT NULL)
) STRICT;
INSERT INTO check_history_v7
  (id, at, day, visit_date, mode, operator, patient_id, patient_name, scenario_id, verdict, copay_percent, rules,
   scenario_json, decision_json, result_json)
  SELECT id, at, day, visit_date, mode, operator, patient_id, patient_name, scenario_id, verdict, copay_percent, rules,
   scenario_json, decision_json, result_json FROM check_history;
DROP TABLE check_history;
ALTER TABLE check_history_v7 RENAME TO check_history;
CREATE INDEX check_history_day ON check_history (day);
CREATE INDEX check_history_verdict_day ON check_history (verdict, day);
CREATE INDEX check_history_patient ON check_history (patient_id, verdict, day) WHERE patient_id IS NOT NULL;
CREATE TRIGGER check_history_no_update BEFORE UPDATE ON check_history
BEGIN SELECT RAISE(ABORT, 'check_history is append-only: UPDATE is not allowed'); END;
CREATE TRIGGER check_history_no_delete BEFORE DELETE ON check_history
BEGIN SELECT RAISE(ABORT, 'check_history is append-only: DELETE is not allowed'); END;
`;

/**
 * v8 — rule book version 2 in the registry and the clinic's settings (issue 9): a coverage's
 * lossRegisteredOn, limitOnFile, 本人・被扶養者 (role, the holder's birth date, lost with the holder);
 * a patient's public programmes (公費・医療証, their printed fields as validated JSON) and 生活保護;
 * the documents 受給者証・医療証, 医療券 and 労災の様式 among the holdings (the CHECK of kind is rebuilt
 * as in v4); the clinic's prefecture, PMH, 医療扶助 online check and 労災指定 (SCENARIO.md's defaults).
 */
const RULE_BOOK_V2_REGISTRY_SQL = `
ALTER TABLE coverage ADD COLUMN loss_registered_on TEXT;
ALTER TABLE coverage ADD COLUMN limit_on_file INTEGER NOT NULL DEFAULT 1 CHECK (limit_on_file IN (0, 1));
ALTER TABLE coverage ADD COLUMN role TEXT NOT NULL DEFAULT 'insured' CHECK (role IN ('insured', 'dependent'));
ALTER TABLE coverage ADD COLUMN holder_birth_date TEXT;
ALTER TABLE coverage ADD COLUMN lost_with_holder INTEGER NOT NULL DEFAULT 0 CHECK (lost_with_holder IN (0, 1));

CREATE TABLE kohi (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  details   TEXT NOT NULL CHECK (json_valid(details)),
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE welfare (
  person_id         INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  from_date         TEXT NOT NULL,
  until_date        TEXT,
  ticket_registered INTEGER NOT NULL CHECK (ticket_registered IN (0, 1))
) STRICT;

CREATE TABLE holding_v8 (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('legacy-card', 'kakunin-sho', 'oshirase', 'smartphone', 'elderly-card',
    'limit-cert', 'kohi-cert', 'medical-ticket', 'rousai-form')),
  details   TEXT NOT NULL CHECK (json_valid(details)),
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;
INSERT INTO holding_v8 (person_id, position, kind, details) SELECT person_id, position, kind, details FROM holding;
DROP TABLE holding;
ALTER TABLE holding_v8 RENAME TO holding;

ALTER TABLE clinic_settings ADD COLUMN prefecture TEXT CHECK (prefecture GLOB '[0-4][0-9]');
ALTER TABLE clinic_settings ADD COLUMN pmh INTEGER NOT NULL DEFAULT 0 CHECK (pmh IN (0, 1));
ALTER TABLE clinic_settings ADD COLUMN welfare_online INTEGER NOT NULL DEFAULT 1 CHECK (welfare_online IN (0, 1));
ALTER TABLE clinic_settings ADD COLUMN rousai_designated INTEGER NOT NULL DEFAULT 1 CHECK (rousai_designated IN (0, 1));
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'registry, clinic settings, check history',
    up(db) {
      db.exec(REGISTRY_SQL);
      db.exec(SETTINGS_SQL);
      db.exec(HISTORY_SQL);
    },
  },
  {
    version: 2,
    name: 'trainer mode: packs, trainees, sessions, answers (issue 5)',
    up(db) {
      db.exec(TRAINER_SQL);
    },
  },
  {
    version: 3,
    name: 'trainer mode: packs being imported stay invisible until complete (issue 8)',
    up(db) {
      db.exec(TRAINER_IMPORT_SQL);
    },
  },
  {
    version: 4,
    name: 'rule book version 2: verdicts public-assistance and workers-comp, copay 0% (issue 9)',
    up(db) {
      db.exec(RULE_BOOK_V2_SQL);
    },
  },
  {
    version: 5,
    name: 'clinic settings: the 連携 folder (issue 12)',
    up(db) {
      db.exec(OQS_FOLDER_SQL);
    },
  },
  {
    version: 6,
    name: 'registry: 診察券番号 (the clinic patient number) and the indexes to search by 保険者番号・記号番号 (issue 10)',
    up(db) {
      db.exec(CLINIC_NO_SQL);
    },
  },
  {
    version: 7,
    name: '受付ナビ: history rows of real patients (mode real-desk, the observation, nothing of the person) (issue 12)',
    up(db) {
      db.exec(REAL_DESK_SQL);
    },
  },
  {
    version: 8,
    name: 'rule book version 2 in the registry (programmes, 生活保護, 被扶養者, new documents) and the clinic settings (issue 9)',
    up(db) {
      db.exec(RULE_BOOK_V2_REGISTRY_SQL);
    },
  },
  {
    version: 9,
    name: 'trainer mode: questions of rule book version 2 — the items each question asks, a grade per item asked (issue 9, issue 10)',
    up(db) {
      db.exec(TRAINER_V2_ITEMS_SQL);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
