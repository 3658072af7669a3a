// The database-backed commands as a user runs them: onshi, registry seed, history export.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

const CLI = join(__dirname, '../../dist/cli.mjs');
const PACKS = [join(__dirname, '../../packs/default-pack.json')];

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VALIDITY: Record<string, string> = {
  valid: '1',
  invalid: '2',
  'invalid-new': '3',
  'not-found': '4',
  multiple: '5',
};

describe('onshi', () => {
  const decisions = JSON.parse(cli(['decide', ...PACKS]).stdout) as {
    id: string;
    onlineCheck: { cardRoute: string; numberRoute: string };
  }[];
  const answers = JSON.parse(cli(['onshi', ...PACKS]).stdout) as {
    id: string;
    route: string | null;
    result: { XmlMsg: { MessageHeader: Record<string, string>; MessageBody: Record<string, string> } } | null;
  }[];

  it('answers every scenario in input order, and QualificationValidity agrees with the decision', () => {
    expect(answers.map((a) => a.id)).toEqual(decisions.map((d) => d.id));
    let checked = 0;
    answers.forEach((a, i) => {
      const oc = decisions[i]!.onlineCheck;
      const cardAnswered = oc.cardRoute in VALIDITY;
      if (cardAnswered) {
        expect(a.route).toBe('card');
        expect(a.result!.XmlMsg.MessageBody.QualificationValidity).toBe(VALIDITY[oc.cardRoute]);
        expect(a.result!.XmlMsg.MessageHeader.ReferenceClassification).toBe('1');
      } else if (a.route === 'number') {
        expect(a.result!.XmlMsg.MessageHeader.ReferenceClassification).toBe('2');
        if (oc.numberRoute !== 'not-run')
          expect(a.result!.XmlMsg.MessageBody.QualificationValidity).toBe(VALIDITY[oc.numberRoute]);
      } else {
        expect(a.result).toBeNull();
        expect(oc.numberRoute).toBe('not-run');
      }
      checked += a.result ? 1 : 0;
    });
    expect(checked).toBeGreaterThan(50);
  });

  it('--xml gives UTF-8 XML documents that a standard XML parser reads back to the same document', () => {
    const xml = JSON.parse(cli(['onshi', PACKS[0]!, '--xml']).stdout) as { id: string; result: string | null }[];
    const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'ResultList' });
    xml.forEach((a, i) => {
      if (a.result === null) return expect(answers[i]!.result).toBeNull();
      expect(a.result.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
      expect(XMLValidator.validate(a.result)).toBe(true);
      const back = parser.parse(a.result);
      expect(back.XmlMsg.MessageBody.QualificationValidity).toBe(
        answers[i]!.result!.XmlMsg.MessageBody.QualificationValidity,
      );
      expect(back.XmlMsg.MessageHeader.QualificationConfirmationDate).toMatch(/^\d{8}$/);
    });
  });
});

describe('registry seed and history export', () => {
  it('seeds the demo registry into the data directory and exports an (empty) history as CSV for Excel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shikaku-cli-db-'));
    const seeded = cli(['registry', 'seed', '--replace', '--data-dir', dir]);
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.stdout).seeded).toBeGreaterThanOrEqual(100);
    const csv = cli(['history', 'export', '--from', '令和8年1月1日', '--data-dir', dir]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(csv.stdout).toContain('判定');
    const bad = cli(['history', 'export', '--verdict', 'maybe', '--data-dir', dir]);
    expect(bad.code).toBe(2);
  });
});
