// Loading the demo registry into the database: every demo patient parsed by the contract's
// registry.save schema (exactly like a patient the clinic enters: shared/contract/patient.ts) and
// created with its demo key, all in one transaction.
import type { Database } from 'better-sqlite3';
import { patientInput } from '../../../../shared/contract/patient';
import { inTransaction } from '../../db/transaction';
import { RegistryRepository } from '../repository';
import { demoPatients } from './cases';

const SEEDED_KEY = 'demo-seeded';

/**
 * Loads the demo patients. `replace`: remove the demo patients already there (matched by their
 * demo key; patients the clinic created are never touched) and load them afresh. Without it,
 * only the missing ones are added. All in one transaction. Returns the number loaded.
 */
export function seedDemo(db: Database, opts: { replace?: boolean; now?: Date } = {}): { count: number } {
  const repo = new RegistryRepository(db);
  return inTransaction(db, () => {
    if (opts.replace) db.prepare('DELETE FROM person WHERE demo_key IS NOT NULL').run();
    const have = new Set(
      (db.prepare('SELECT demo_key FROM person WHERE demo_key IS NOT NULL').all() as Array<{ demo_key: string }>).map(
        (r) => r.demo_key,
      ),
    );
    let count = 0;
    for (const d of demoPatients()) {
      if (have.has(d.key)) continue;
      repo.create(patientInput.parse(d.person), { demoKey: d.key, now: opts.now });
      count += 1;
    }
    db.prepare(
      'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(SEEDED_KEY, 'yes');
    return { count };
  });
}

/**
 * A database started empty in place of a damaged one: the clinic chose no demo patients, so no
 * later start loads them either (they stay one click away in the settings).
 */
export function declineFirstStartSeed(db: Database): void {
  db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
    SEEDED_KEY,
    'declined',
  );
}

/**
 * On first start: when the registry is empty and the demo was never loaded in this database,
 * load it. (A clinic that deleted every patient does not get them back on the next start.)
 */
export function seedDemoIfFirstStart(db: Database, opts: { now?: Date } = {}): boolean {
  const seeded = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(SEEDED_KEY) !== undefined;
  const empty = (db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n === 0;
  if (seeded || !empty) return false;
  seedDemo(db, opts);
  return true;
}
