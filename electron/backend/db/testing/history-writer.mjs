// Crash-test writer (reliability.test.ts). Plain Node + better-sqlite3, no app code: it opens the
// database with the connection PRAGMAs and the history INSERT that the parent passes in
// SHIKAKU_WRITER_CONFIG (the app's own CONNECTION_PRAGMAS and HISTORY_INSERT_SQL), then writes
// history rows in small transactions forever. After each COMMIT it prints "<id> <scenarioId>"
// per row: a printed id is an acknowledged, committed row. The parent kills it with SIGKILL.
import Database from 'better-sqlite3';

const [dbPath, tag] = process.argv.slice(2);
const { pragmas, insertSql } = JSON.parse(process.env.SHIKAKU_WRITER_CONFIG ?? '{}');
const db = new Database(dbPath);
for (const p of pragmas) db.pragma(p);
const insert = db.prepare(insertSql);
const writeBatch = db.transaction((rows) => rows.map((r) => Number(insert.run(r).lastInsertRowid)));

function row(n) {
  const day = `2026-01-${String(1 + (n % 28)).padStart(2, '0')}`;
  return {
    at: `${day}T09:00:00.000+09:00`,
    day,
    visitDate: day,
    mode: n % 3 === 0 ? 'trainer' : 'desk',
    operator: `受付${n % 4}`,
    patientId: n % 7,
    patientName: '架空 患者',
    scenarioId: `crash-${tag}-${n}`,
    verdict: ['insured', 'insured-interim', 'insured-declaration', 'self-pay'][n % 4],
    copayPercent: 30,
    rules: 'R3',
    scenarioJson: JSON.stringify({ id: `crash-${tag}-${n}`, n }),
    decisionJson: JSON.stringify({ n, tag, padding: 'あ'.repeat(100 + (n % 700)) }),
    resultJson: n % 2 ? null : JSON.stringify({ XmlMsg: { n } }),
    observationJson: null,
  };
}

process.stdout.write('ready\n');
for (let n = 0; ;) {
  const rows = [];
  for (let i = 1 + (n % 8); i > 0; i -= 1) rows.push(row(n++));
  const ids = writeBatch(rows);
  process.stdout.write(ids.map((id, i) => `${id} ${rows[i].scenarioId}\n`).join(''));
}
