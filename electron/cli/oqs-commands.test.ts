// The 連携 folder on the command line, as a tester of clinic software runs it: `oqs serve` answers
// requests exactly as `decide` would, and `decide --observed OBS --result FILE` reads a terminal's
// result into an observation.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { openDatabase } from '../backend/db/open';
import { printedIdentifiers } from '../backend/onshi/document';
import { requestXml } from '../backend/oqs/testing';
import { RegistryRepository } from '../backend/registry/repository';
import type { Patient } from '../../shared/contract';

const CLI = join(__dirname, '../../dist/cli.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let dataDir: string;
let person: Patient;
const made: string[] = [];
const temp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  made.push(d);
  return d;
};

beforeAll(async () => {
  dataDir = temp('shikaku-cli-oqs-db-');
  expect(cli(['registry', 'seed', '--data-dir', dataDir]).code).toBe(0);
  const { db } = await openDatabase({ dataDir });
  const repo = new RegistryRepository(db);
  const all = repo.search('', { limit: 500 }).items.map((p) => repo.get(p.id)!);
  // someone with one coverage, acquired before 2024-12-02, whose legacy card they hold
  person = all.find(
    (p) =>
      p.coverages.length === 1 && p.coverages[0]!.acquiredOn < '2024-01-01' && p.coverages[0]!.insurer !== 'kokuho',
  )!;
  db.close();
});
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function request(date: string) {
  const c = person.coverages[0]!;
  const ids = printedIdentifiers(c, 0);
  return {
    date: date.replaceAll('-', ''),
    insurerNumber: ids.insurerNumber,
    symbol: ids.symbol ?? null,
    number: ids.number,
    branch: ids.branch ?? null,
    birthDate: person.birthDate.replaceAll('-', ''),
  };
}

/** What `decide` says of the same person handing over a document of that coverage on that day. */
function decideNumberRoute(date: string): string {
  const dir = temp('shikaku-cli-oqs-scn-');
  const file = join(dir, 'scenario.json');
  const { insurerName: _n, personalFamily: _f, ...coverage } = person.coverages[0]!;
  writeFileSync(
    file,
    JSON.stringify({
      format: 'shikaku-scenario/1',
      id: 'same-person',
      visitDate: date,
      clinic: { onlineCheck: true },
      patient: { birthDate: person.birthDate, coverages: [coverage], myna: null },
      presented: [{ kind: 'legacy-card', coverage: coverage.id }],
    }),
  );
  const r = cli(['decide', file]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { onlineCheck: { numberRoute: string } }[])[0]!.onlineCheck.numberRoute;
}

const VALIDITY: Record<string, string> = { valid: '1', invalid: '2', 'invalid-new': '3', 'not-found': '4' };

describe('oqs serve', () => {
  it('--once answers what is in req/ exactly as decide would, then exits', () => {
    const root = temp('shikaku-cli-oqs-');
    const acquired = person.coverages[0]!.acquiredOn;
    const days = ['2024-06-03', '2026-01-15', acquired, addDays(acquired, -1)];
    expect(cli(['oqs', 'serve', '--root', root, '--data-dir', dataDir, '--once']).code).toBe(0); // creates the folders
    days.forEach((d, i) => writeFileSync(join(root, 'req', `OQSsiquc01req_${i}.xml`), requestXml(request(d))));
    const r = cli(['oqs', 'serve', '--root', root, '--data-dir', dataDir, '--once']);
    expect(r.code, r.stderr).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    expect(events.map((e) => e.event)).toEqual(['serving', 'answered', 'answered', 'answered', 'answered', 'stopped']);
    days.forEach((d, i) => {
      const xml = readFileSync(join(root, 'res', `OQSsiquc01res_${i}.xml`), 'utf8');
      const validity = /<QualificationValidity>(\d)</.exec(xml)![1];
      expect(validity, d).toBe(VALIDITY[decideNumberRoute(d)]);
    });
  });

  it('serves until SIGTERM, answering requests as they arrive; a malformed one is refused in words', async () => {
    const root = temp('shikaku-cli-oqs-');
    const child = spawn(process.execPath, [
      CLI,
      'oqs',
      'serve',
      '--root',
      root,
      '--data-dir',
      dataDir,
      '--poll-ms',
      '100',
      '--settle-ms',
      '200',
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(ok()).toBe(true);
    };
    await until(() => stdout.includes('"serving"'));
    writeFileSync(join(root, 'req', 'OQSsiquc01req_a.xml'), requestXml(request('2026-01-15')));
    writeFileSync(join(root, 'req', 'OQSsiquc01req_b.xml'), '<XmlMsg><MessageHeader>');
    await until(
      () =>
        existsSync(join(root, 'res', 'OQSsiquc01res_a.xml')) &&
        existsSync(join(root, 'req', 'error', 'OQSsiquc01req_b.xml')),
    );
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(stdout).toContain('"event":"answered"');
    expect(stdout).toContain('"errorCode":"SKD-E01"');
    expect(stdout.trim().split('\n').at(-1)).toBe('{"event":"stopped"}');
    expect(stderr).toContain('拒否 / refused: OQSsiquc01req_b.xml');
  });

  it('bad options are input errors (exit 2)', () => {
    expect(cli(['oqs', 'serve', '--data-dir', dataDir]).code).toBe(2);
    expect(cli(['oqs', 'listen', '--root', '/tmp/x']).code).toBe(2);
    expect(cli(['oqs', 'serve', '--root', temp('x-'), '--poll-ms', 'soon', '--data-dir', dataDir]).code).toBe(2);
  });
});

describe('decide --observed OBS --result FILE', () => {
  it("merges a terminal's result into the observation, then decides", () => {
    const root = temp('shikaku-cli-oqs-');
    expect(cli(['oqs', 'serve', '--root', root, '--data-dir', dataDir, '--once']).code).toBe(0);
    writeFileSync(join(root, 'req', 'OQSsiquc01req_r.xml'), requestXml(request('2026-01-15')));
    expect(cli(['oqs', 'serve', '--root', root, '--data-dir', dataDir, '--once']).code).toBe(0);
    const result = join(root, 'res', 'OQSsiquc01res_r.xml');
    const obsFile = join(root, 'obs.json');
    const c = person.coverages[0]!;
    writeFileSync(
      obsFile,
      JSON.stringify({
        format: 'shikaku-observation/1',
        id: 'real-desk',
        visitDate: '2026-01-15',
        visitType: 'return',
        clinic: { onlineCheck: true },
        patient: { birthDate: person.birthDate, insurance: null },
        coverages: [{ id: 'mine', insurer: c.insurer }],
        card: null,
        documents: [{ kind: 'legacy-card', coverage: 'mine' }],
      }),
    );
    const r = cli(['decide', '--observed', obsFile, '--result', result]);
    expect(r.code, r.stderr).toBe(0);
    const [d] = JSON.parse(r.stdout) as { onlineCheck: { numberRoute: string } }[];
    expect(d!.onlineCheck.numberRoute).toBe(decideNumberRoute('2026-01-15'));

    expect(cli(['decide', obsFile, '--result', result]).code).toBe(2);
  });

  it('an unknown, damaged, error or mismatched result file: exit 2 naming the file, nothing written or changed', () => {
    const root = temp('shikaku-cli-oqs-bad-');
    expect(cli(['oqs', 'serve', '--root', root, '--data-dir', dataDir, '--once']).code).toBe(0);
    // the 連携 folder's own error result: a request without its birth date
    writeFileSync(
      join(root, 'req', 'OQSsiquc01req_bad.xml'),
      requestXml(request('2026-01-15')).replace(/<Birthdate>.*<\/Birthdate>/, ''),
    );
    // a good result of another day
    writeFileSync(join(root, 'req', 'OQSsiquc01req_other.xml'), requestXml(request('2026-01-16')));
    expect(cli(['oqs', 'serve', '--root', root, '--data-dir', dataDir, '--once']).code).toBe(0);
    const obsFile = join(root, 'obs.json');
    const obs = JSON.stringify({
      format: 'shikaku-observation/1',
      id: 'real-desk',
      visitDate: '2026-01-15',
      clinic: { onlineCheck: true },
      patient: { birthDate: person.birthDate, insurance: null },
      coverages: [{ id: 'mine', insurer: person.coverages[0]!.insurer }],
      card: null,
      documents: [{ kind: 'legacy-card', coverage: 'mine' }],
    });
    writeFileSync(obsFile, obs);
    const damaged = join(root, 'damaged.xml');
    writeFileSync(damaged, readFileSync(join(root, 'res', 'OQSsiquc01res_other.xml'), 'utf8').slice(0, 400));
    const cases: [string, RegExp][] = [
      [obsFile, /XML/],
      [damaged, /XML/],
      [join(root, 'res', 'OQSsiquc01res_bad.xml'), /SKD-E02/],
      [join(root, 'res', 'OQSsiquc01res_other.xml'), /visitDate/],
      [join(root, 'missing.xml'), /ENOENT/],
    ];
    const before = new Set(readdirSync(root));
    for (const [file, why] of cases) {
      const r = cli(['decide', '--observed', obsFile, '--result', file]);
      expect(r.code, file).toBe(2);
      expect(r.stdout, file).toBe('');
      expect(r.stderr, file).toContain(file);
      expect(r.stderr, file).toMatch(why);
    }
    expect(readFileSync(obsFile, 'utf8')).toBe(obs);
    expect(new Set(readdirSync(root))).toEqual(before);
  });
});
