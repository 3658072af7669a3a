// Durability under crashes: a child process writes history rows in transactions and is killed
// with SIGKILL at random moments, 25 times. After each kill the database is reopened: every row
// whose commit the child acknowledged is there, with its content, and integrity_check is ok.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random';
import { HISTORY_INSERT_SQL } from '../history/repository';
import { tempDir } from '../testing/temp-dir';
import { dbPathOf } from './data-dir';
import { openDatabase } from './open';
import { CONNECTION_PRAGMAS } from './schema';

const WRITER = path.join(__dirname, 'testing/history-writer.mjs');
const KILLS = 25;

/** Runs the writer, kills it after `ms` (counted from its first output), returns the acknowledged rows. */
function runAndKill(
  file: string,
  tag: string,
  ms: number,
): Promise<{ acked: Array<{ id: number; scenarioId: string }>; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, tag], {
      env: {
        ...process.env,
        SHIKAKU_WRITER_CONFIG: JSON.stringify({ pragmas: CONNECTION_PRAGMAS, insertSql: HISTORY_INSERT_SQL }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      const complete = out.slice(0, out.lastIndexOf('\n') + 1);
      const acked = complete
        .split('\n')
        .filter((l) => /^\d+ crash-/.test(l))
        .map((l) => {
          const [id, scenarioId] = l.split(' ');
          return { id: Number(id), scenarioId: scenarioId! };
        });
      resolve({ acked, signal, stderr: err });
    });
  });
}

describe('crash safety (SIGKILL while writing history)', () => {
  it(`keeps every acknowledged row and an intact database across ${KILLS} kills`, async () => {
    const seed = Date.now() % 1_000_000;
    const rnd = seededRandom(seed);
    const dir = tempDir();
    (await openDatabase({ dataDir: dir })).db.close();
    const file = dbPathOf(dir);
    let total = 0;
    let runsWithAcks = 0;
    for (let run = 0; run < KILLS; run += 1) {
      const ms = Math.floor(rnd() * 150);
      const r = await runAndKill(file, `${seed}-${run}`, ms);
      expect(r.stderr, `run ${run} (seed ${seed})`).toBe('');
      expect(r.signal, `run ${run} must be killed, not exit`).toBe('SIGKILL');
      if (r.acked.length) runsWithAcks += 1;
      total += r.acked.length;

      const db = new Database(file);
      for (const p of CONNECTION_PRAGMAS) db.pragma(p);
      expect(db.pragma('integrity_check', { simple: true }), `run ${run} (seed ${seed})`).toBe('ok');
      const get = db.prepare('SELECT scenario_id, decision_json FROM check_history WHERE id = ?');
      for (const a of r.acked) {
        const row = get.get(a.id) as { scenario_id: string; decision_json: string } | undefined;
        expect(row, `acknowledged row ${a.id} lost (run ${run}, seed ${seed})`).toBeDefined();
        expect(row!.scenario_id).toBe(a.scenarioId);
        expect(JSON.parse(row!.decision_json).n).toBe(Number(a.scenarioId.split('-').pop()));
      }
      db.close();
    }
    expect(runsWithAcks).toBeGreaterThanOrEqual(KILLS / 2);
    // the app opens it normally afterwards, with at least every acknowledged row
    const o = await openDatabase({ dataDir: dir });
    expect((o.db.prepare('SELECT count(*) AS n FROM check_history').get() as { n: number }).n).toBeGreaterThanOrEqual(
      total,
    );
    o.db.close();
  });
});
