// The trainer mode's tables (issue 5), added to the database as migration step 2 (and 3).
//
// Packs and their scenarios are the trainer's working material: editable (authoring), ordered by
// `position`, each scenario kept in the hand-written pack form plus what the engine says about it.
// Everything a trainee did is append-only — trainees, sessions, the scenarios a session was given
// (a copy, so editing or deleting a pack later never changes a past result), answers and session
// ends: triggers refuse UPDATE and DELETE whatever the caller.
export const TRAINER_SQL = `
CREATE TABLE trainer_pack (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('bundled', 'import', 'authored')),
  file_name   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE trainer_pack_scenario (
  pack_id        INTEGER NOT NULL REFERENCES trainer_pack (id) ON DELETE CASCADE,
  scenario_id    TEXT NOT NULL,
  position       INTEGER NOT NULL,
  title          TEXT,
  visit_date     TEXT NOT NULL,
  verdict        TEXT NOT NULL CHECK (verdict IN ('insured', 'insured-interim', 'insured-declaration', 'self-pay')),
  copay_percent  INTEGER NOT NULL CHECK (copay_percent IN (10, 20, 30, 100)),
  rules          TEXT NOT NULL CHECK (json_valid(rules)),
  expected_ok    INTEGER CHECK (expected_ok IN (0, 1)),          -- NULL: the scenario has no expected
  mismatches     TEXT NOT NULL CHECK (json_valid(mismatches)),   -- field names where expected ≠ engine
  scenario_json  TEXT NOT NULL CHECK (json_valid(scenario_json)),-- the pack form (shared/trainer/pack-io.ts)
  PRIMARY KEY (pack_id, scenario_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX trainer_pack_scenario_order ON trainer_pack_scenario (pack_id, position);

CREATE TABLE trainee (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE trainer_session (
  id          INTEGER PRIMARY KEY,
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  mode        TEXT NOT NULL CHECK (mode IN ('practice', 'exam')),
  pack_id     INTEGER,                   -- no foreign key: the session keeps its own copy of the scenarios
  pack_title  TEXT NOT NULL,
  seed        INTEGER CHECK (seed BETWEEN 0 AND 4294967295),
  pass_mark   INTEGER CHECK (pass_mark BETWEEN 1 AND 100),
  questions   INTEGER NOT NULL CHECK (questions >= 1),
  started_at  TEXT NOT NULL,
  CHECK ((mode = 'exam') = (pass_mark IS NOT NULL)),
  CHECK (mode = 'practice' OR seed IS NOT NULL)
) STRICT;
CREATE INDEX trainer_session_trainee ON trainer_session (trainee_id, id);

CREATE TABLE trainer_session_item (
  session_id    INTEGER NOT NULL REFERENCES trainer_session (id),
  position      INTEGER NOT NULL CHECK (position >= 1),
  scenario_id   TEXT NOT NULL,
  scenario_json TEXT NOT NULL CHECK (json_valid(scenario_json)),
  PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE trainer_answer (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER NOT NULL,
  position       INTEGER NOT NULL,
  scenario_id    TEXT NOT NULL,
  answered_at    TEXT NOT NULL,
  day            TEXT NOT NULL,          -- calendar date in Japan of answered_at
  answer_json    TEXT NOT NULL CHECK (json_valid(answer_json)),
  decision_json  TEXT NOT NULL CHECK (json_valid(decision_json)),
  verdict_ok     INTEGER NOT NULL CHECK (verdict_ok IN (0, 1)),
  copay_ok       INTEGER NOT NULL CHECK (copay_ok IN (0, 1)),
  elderly_ok     INTEGER NOT NULL CHECK (elderly_ok IN (0, 1)),
  documents_ok   INTEGER NOT NULL CHECK (documents_ok IN (0, 1)),
  correct_items  INTEGER NOT NULL CHECK (correct_items BETWEEN 0 AND 4),
  all_correct    INTEGER NOT NULL CHECK (all_correct IN (0, 1)),
  time_ms        INTEGER NOT NULL CHECK (time_ms >= 0),
  rules          TEXT NOT NULL CHECK (json_valid(rules)),   -- the decision's rules
  UNIQUE (session_id, position),
  FOREIGN KEY (session_id, position) REFERENCES trainer_session_item (session_id, position)
) STRICT;
CREATE INDEX trainer_answer_day ON trainer_answer (day);

CREATE TABLE trainer_session_end (
  session_id INTEGER PRIMARY KEY REFERENCES trainer_session (id),
  ended_at   TEXT NOT NULL,
  reason     TEXT NOT NULL CHECK (reason IN ('completed', 'stopped'))
) STRICT;

CREATE TABLE trainer_settings (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  pass_mark   INTEGER NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
  exam_size   INTEGER NOT NULL CHECK (exam_size BETWEEN 1 AND 500),
  updated_at  TEXT NOT NULL
) STRICT;
${['trainee', 'trainer_session', 'trainer_session_item', 'trainer_answer', 'trainer_session_end']
  .map(
    (t) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t}
BEGIN SELECT RAISE(ABORT, '${t} is append-only: UPDATE is not allowed'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t}
BEGIN SELECT RAISE(ABORT, '${t} is append-only: DELETE is not allowed'); END;`,
  )
  .join('\n')}
`;

/**
 * Step 3 — a pack being imported (issue 8): its rows are written in several short transactions,
 * so the backend keeps answering; until the import's last transaction removes its line here the
 * pack is invisible (every query of the pack repository leaves it out), and on the next start one
 * left by a stopped app is deleted. No reader ever sees half a pack.
 */
export const TRAINER_IMPORT_SQL = `
CREATE TABLE trainer_import (
  pack_id INTEGER PRIMARY KEY REFERENCES trainer_pack (id) ON DELETE CASCADE
) STRICT;
`;

/**
 * Step 9 — questions of rule book version 2 (issue 9 item 8, issue 10): a question asks the four
 * items of version 1 and, where its scenario involves them, what the patient pays, which programmes
 * apply and the numbers typed for a number query. Each question's items are kept with the session's
 * copy of its scenario (`asked`, a JSON array; earlier questions asked the four), and an answer keeps
 * its grade per item asked (`items_json`: item → 1 right / 0 wrong) instead of a column per item.
 * SQLite cannot change a CHECK, so trainer_answer is rebuilt as in step 4 (new table, copy, drop,
 * rename) with its index and triggers; no table references it.
 */
export const TRAINER_V2_ITEMS_SQL = `
ALTER TABLE trainer_session_item ADD COLUMN asked TEXT NOT NULL
  DEFAULT '["verdict","copayPercent","elderlyCardNeeded","documentsNeeded"]' CHECK (json_valid(asked));

CREATE TABLE trainer_answer_v8 (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER NOT NULL,
  position       INTEGER NOT NULL,
  scenario_id    TEXT NOT NULL,
  answered_at    TEXT NOT NULL,
  day            TEXT NOT NULL,
  answer_json    TEXT NOT NULL CHECK (json_valid(answer_json)),
  decision_json  TEXT NOT NULL CHECK (json_valid(decision_json)),
  items_json     TEXT NOT NULL CHECK (json_valid(items_json)),
  correct_items  INTEGER NOT NULL CHECK (correct_items >= 0),
  total_items    INTEGER NOT NULL CHECK (total_items >= 1),
  all_correct    INTEGER NOT NULL CHECK (all_correct IN (0, 1)),
  time_ms        INTEGER NOT NULL CHECK (time_ms >= 0),
  rules          TEXT NOT NULL CHECK (json_valid(rules)),
  CHECK (correct_items <= total_items),
  CHECK ((all_correct = 1) = (correct_items = total_items)),
  UNIQUE (session_id, position),
  FOREIGN KEY (session_id, position) REFERENCES trainer_session_item (session_id, position)
) STRICT;
INSERT INTO trainer_answer_v8
  SELECT id, session_id, position, scenario_id, answered_at, day, answer_json, decision_json,
    json_object('verdict', verdict_ok, 'copayPercent', copay_ok, 'elderlyCardNeeded', elderly_ok, 'documentsNeeded', documents_ok),
    correct_items, 4, all_correct, time_ms, rules
  FROM trainer_answer;
DROP TABLE trainer_answer;
ALTER TABLE trainer_answer_v8 RENAME TO trainer_answer;
CREATE INDEX trainer_answer_day ON trainer_answer (day);
CREATE TRIGGER trainer_answer_no_update BEFORE UPDATE ON trainer_answer
BEGIN SELECT RAISE(ABORT, 'trainer_answer is append-only: UPDATE is not allowed'); END;
CREATE TRIGGER trainer_answer_no_delete BEFORE DELETE ON trainer_answer
BEGIN SELECT RAISE(ABORT, 'trainer_answer is append-only: DELETE is not allowed'); END;
`;
