// The command line as a user runs it: the built dist/cli.mjs in a child process.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawScenario } from '../../shared/engine/testing/build';

const CLI = join(__dirname, '../../dist/cli.mjs');
const PACK = join(__dirname, '../../packs/default-pack.json');
const OBSERVATION = join(__dirname, '../../examples/real-desk-observation.json');
const PACK_SIZE = (JSON.parse(readFileSync(PACK, 'utf8')) as { scenarios: unknown[] }).scenarios.length;
const dir = mkdtempSync(join(tmpdir(), 'shikaku-cli-'));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('shikaku-desk CLI', () => {
  it('check passes on the bundled default training pack (every rule R1–R20, every policy setting)', () => {
    const r = cli(['check', PACK]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${PACK_SIZE} passed, 0 failed`);
    expect(JSON.parse(r.stdout)).toMatchObject({ checked: PACK_SIZE, failed: 0 });
    expect(PACK_SIZE).toBeGreaterThanOrEqual(100);
  });

  it('check passes on the version-2 packs too (R21–R26 and the corrections): every scenario, one run', () => {
    const packs = ['v2-rules-pack.json', 'v2-boundaries-pack.json', 'desk-mix-pack.json'].map((f) =>
      join(__dirname, '../../packs', f),
    );
    const size = packs
      .map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { scenarios: unknown[] }).scenarios.length)
      .reduce((a, b) => a + b, 0);
    const r = cli(['check', ...packs]);
    expect(r.stderr).toContain(`${size} passed, 0 failed`);
    expect(r.code).toBe(0);
  });

  it('decide prints the version-2 fields: publicExpense, patientPays, welfareRoute', () => {
    const scenario = file('kohi.json', {
      ...rawScenario({
        id: 'kohi',
        visitDate: '2026-05-14',
        presented: [{ kind: 'myna-card' }, { kind: 'kohi-cert' }],
      }),
      patient: {
        birthDate: '1968-03-21',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2006-04-01' }],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
        kohi: [
          {
            program: 'nanbyo',
            payerNumber: '54130174',
            recipientNumber: '1357912',
            validFrom: '2025-10-01',
            validUntil: '2026-09-30',
            monthlyCapYen: 10000,
          },
        ],
      },
    });
    const r = cli(['decide', scenario]);
    expect(r.code).toBe(0);
    const [d] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(d).toMatchObject({
      rules: ['R3', 'R21'],
      onlineCheck: { welfareRoute: 'not-run' },
      publicExpense: [{ program: 'nanbyo', kohi: 'k1', applied: true, basis: 'document', reason: null }],
      patientPays: { percent: 20, perVisitYen: null, monthlyCapYen: 10000, capReached: false, deposit: false },
    });
  });

  it('decide prints one flat JSON array with Japanese explanations, in input order', () => {
    const single = file(
      'single.json',
      rawScenario({ id: 'one', visitDate: '2026-01-20', presented: [{ kind: 'myna-card' }] }),
    );
    const r = cli(['decide', PACK, single]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; explanation: string; tellPatient: string }[];
    expect(out).toHaveLength(PACK_SIZE + 1);
    expect(out[0]!.id).toBe('legacy-kyokai-last-day');
    expect(out[PACK_SIZE]!.id).toBe('one');
    for (const d of out) expect(d.explanation).toMatch(/[ぁ-ん]/);
  });

  it('reads standard input with -', () => {
    const r = cli(
      ['decide', '-'],
      JSON.stringify(rawScenario({ id: 'stdin', visitDate: '2026-01-20', presented: [] })),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 'stdin', verdict: 'self-pay' });
  });

  it('invalid input: exit 2, nothing on stdout, the file, scenario and field named in Japanese and English', () => {
    const bad = rawScenario({ id: 'bad-one', visitDate: '2026-13-01', presented: [] });
    const p = file('bad.json', {
      format: 'shikaku-pack/1',
      title: 't',
      scenarios: [bad, { ...bad, id: 'bad-two', visitDate: '2026-01-01', presented: [{ kind: 'paper' }] }],
    });
    const r = cli(['decide', PACK, p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${p}: シナリオ/scenario "bad-one": scenarios[0].visitDate: 存在しない日付です`);
    expect(r.stderr).toContain('"bad-two": scenarios[1].presented[0].kind');
    expect(r.stderr).toMatch(/not a real calendar date/);
  });

  it('malformed JSON names the file and the position', () => {
    const p = file('broken.json', '{\n  "format": "shikaku-pack/1",\n  "title": \n}');
    const r = cli(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'broken.json: JSON として読めません (4行 1列: 値が必要です) / not valid JSON (line 4, column 1',
    );
  });

  it('a 12-digit insurer number is refused and never echoed; a 12-digit 記号 only warns', () => {
    const s = rawScenario({
      id: 'mn',
      visitDate: '2026-01-20',
      coverages: [{ insurer: 'kyokai', insurerNumber: '123456789018', acquiredOn: '2015-04-01' }],
      presented: [],
    });
    const r = cli(['decide', file('mn.json', s)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('個人番号');
    expect(r.stderr + r.stdout).not.toContain('123456789018');
    const w = rawScenario({
      id: 'mn2',
      visitDate: '2026-01-20',
      coverages: [{ insurer: 'kyokai', symbol: '123456789018', acquiredOn: '2015-04-01' }],
      presented: [],
    });
    const r2 = cli(['decide', file('mn2.json', w)]);
    expect(r2.code).toBe(0);
    expect(r2.stderr).toMatch(/警告 \/ warning: .*patient\.coverages\[0\]\.symbol/);
    expect(r2.stderr + r2.stdout).not.toContain('123456789018');
  });

  it('check exits 1 and reports each mismatch', () => {
    const s = {
      ...rawScenario({ id: 'wrong', visitDate: '2026-01-20', presented: [] }),
      format: undefined,
      expected: { verdict: 'insured', documentsNeeded: [] },
    };
    const r = cli(['check', file('wrong.json', { format: 'shikaku-pack/1', title: 't', scenarios: [s] })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wrong: verdict: 期待 expected "insured", 判定 actual "self-pay"');
    expect(r.stderr).not.toContain('documentsNeeded');
  });

  it('returns gives R16 guidance', () => {
    expect(JSON.parse(cli(['returns', '--retired', '2025-11-30']).stdout)).toEqual({
      'legacy-card': true,
      oshirase: false,
      'kakunin-sho': null,
    });
    expect(
      JSON.parse(cli(['returns', '--retired', '2025-12-02', '--kakunin-valid-until', '令和12年7月31日']).stdout),
    ).toEqual({
      'legacy-card': false,
      oshirase: false,
      'kakunin-sho': true,
    });
    expect(
      JSON.parse(cli(['returns', '--retired', '2025-12-01', '--kakunin-valid-until', '2025-11-30']).stdout),
    ).toEqual({
      'legacy-card': true,
      oshirase: false,
      'kakunin-sho': false,
    });
    const bad = cli(['returns', '--retired', '令和元年4月30日']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--retired');
  });

  it('decide --observed applies the rule book to what a real desk saw (a hand-written observation)', () => {
    const r = cli(['decide', '--observed', OBSERVATION]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([
      {
        id: 'real-desk-return-visit-new-kokuho',
        verdict: 'insured',
        coverage: 'kokuho',
        copayPercent: 30,
        onlineCheck: { cardRoute: 'invalid', numberRoute: 'not-found', failure: null },
        rules: ['R5', 'R12'],
        notes: [],
      },
    ]);
    expect(JSON.parse(cli(['validate', '--observed', OBSERVATION]).stdout)).toEqual({
      valid: true,
      files: [{ file: OBSERVATION, observations: 1 }],
    });
  });

  it('observe prints the observations of a pack; decide --observed on them gives the decisions of decide', () => {
    const observed = cli(['observe', PACK]);
    expect(observed.code).toBe(0);
    const observations = JSON.parse(observed.stdout) as { format: string; id: string }[];
    expect(observations).toHaveLength(PACK_SIZE);
    expect(observations.every((o) => o.format === 'shikaku-observation/1')).toBe(true);
    const r = cli(['decide', '--observed', '-'], observed.stdout);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(cli(['decide', PACK]).stdout));
  });

  it('a bad observation: exit 2, nothing on stdout, the file, the observation and the field named', () => {
    const bad = JSON.parse(readFileSync(OBSERVATION, 'utf8')) as Record<string, unknown>;
    const p = file('bad-observation.json', { ...bad, card: { ...(bad.card as object), shows: ['nowhere'] } });
    const r = cli(['decide', '--observed', p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${p}: 記録/observation "real-desk-return-visit-new-kokuho": card.shows[0]: coverages にない保険を指しています: nowhere`,
    );
  });

  it('an unknown option is refused with exit 2', () => {
    const r = cli(['decide', '--frobnicate', PACK]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/オプションが正しくありません .*--frobnicate/);
  });

  it('unknown commands and files give exit 2', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    const r = cli(['decide', join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.json: ファイルがありません / no such file');
  });
});

describe('command line usage and input limits (issue 11)', () => {
  const usageLine = '使い方 / usage: shikaku-desk';

  it('validate /dev/zero stops at the 20 MB cap with a clear error (no abort)', () => {
    const r = cli(['validate', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'エラー / error: /dev/zero: ファイルが大きすぎます (20 MB まで) / the file is too large (at most 20 MB)\n',
    );
  });

  it('standard input is capped the same way', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, [CLI, 'validate', '-'], {
        stdio: [zero, 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('(stdin): ファイルが大きすぎます');
    } finally {
      closeSync(zero);
    }
  });

  it('a directory given as a file says so', () => {
    const r = cli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`エラー / error: ${dir}: ファイルではなくフォルダです / is a directory, not a file\n`);
  });

  it('usage errors are one line saying what is wrong; only help prints the usage (stdout, exit 0)', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /コマンドを指定してください/],
      [['frobnicate'], /不明なコマンドです: frobnicate/],
      [['123456789012'], /不明なコマンドです: \*{12}/],
      [['history'], /history: サブコマンドを指定してください \(export\)/],
      [['history', 'import'], /history: 不明なサブコマンドです: import/],
      [['registry', 'wipe'], /registry: 不明なサブコマンドです: wipe/],
      [['db'], /db: サブコマンドを指定してください \(backup, backups, restore\)/],
      [['decide', '--frobnicate'], /オプションが正しくありません/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).not.toContain(usageLine);
      expect(r.stderr).not.toContain('123456789012');
    }
    const help = cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(usageLine);
    expect(help.stderr).toBe('');
  });
});

describe('R18 on the command line (issue 11)', () => {
  const base = () =>
    JSON.parse(JSON.stringify((JSON.parse(readFileSync(PACK, 'utf8')) as { scenarios: object[] }).scenarios[0])) as {
      id: string;
      title?: string;
      story?: string;
      patient: { coverages: Array<Record<string, unknown>> };
    };

  it.each([
    ['id', (s: ReturnType<typeof base>) => (s.id = '123456789012')],
    ['title', (s: ReturnType<typeof base>) => (s.title = '田中さん 1234ー5678ー9012')],
    ['story', (s: ReturnType<typeof base>) => (s.story = '番号は１２３４　５６７８　９０１２です')],
  ])('a 12-digit number in %s: exit 2, nothing on stdout, never echoed', (_field, edit) => {
    const s = base();
    edit(s);
    const r = cli(['decide', file(`r18-${_field}.json`, { ...s, format: 'shikaku-scenario/1' })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('個人番号(マイナンバー)');
    expect(r.stderr).not.toMatch(/1234.?5678.?9012|123456789012|１２３４/);
  });

  it('a 12-digit 記号・番号 is accepted with a warning; no command repeats it', () => {
    const s = base();
    s.patient.coverages[0]!.symbol = '1234ー5678ー9012';
    s.patient.coverages[0]!.number = '123456789012';
    const p = file('r18-symbol.json', { ...s, format: 'shikaku-scenario/1' });
    for (const args of [
      ['decide', p],
      ['validate', p],
      ['observe', p],
      ['onshi', p],
      ['onshi', p, '--xml'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toContain('警告 / warning');
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toMatch(/1234.?5678.?9012|123456789012/);
    }
  });
});
