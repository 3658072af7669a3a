// The mix of a pack: scenarios per rule and per visit type (issue 13), on the bundled desk-mix pack.
import { describe, expect, it } from 'vitest';
import deskMixPack from '../../packs/desk-mix-pack.json';
import { decideScenario } from '../engine';
import { parsePack } from '../scenario';
import { RULE_IDS } from '../enums';
import { LISTED_RULES } from '../rules';
import { packMix } from './mix';

describe('packMix', () => {
  it('counts each scenario once per rule it lists and once for its visit type; rules never listed are left out', () => {
    const mix = packMix([
      { rules: ['R3', 'R20'], visitType: 'return' },
      { rules: ['R9', 'R10', 'R9'], visitType: 'return' },
      { rules: ['R3'], visitType: 'first' },
    ]);
    expect(mix.visitTypes).toEqual({ first: 1, return: 2 });
    const count = Object.fromEntries(mix.rules.map((r) => [r.rule, r.scenarios]));
    expect(count).toMatchObject({ R3: 2, R9: 1, R10: 1, R20: 1, R1: 0, R26: 0 });
    expect(mix.rules.map((r) => r.rule)).not.toContain('R15');
    expect(mix.rules.map((r) => r.rule)).toHaveLength(22);
  });

  it('the rules a decision can list come from the rule table: every rule but R15, R16, R18, R19, with R21–R26', () => {
    expect(LISTED_RULES).toEqual(RULE_IDS.filter((r) => !['R15', 'R16', 'R18', 'R19'].includes(r)));
    for (const r of ['R21', 'R22', 'R23', 'R24', 'R25', 'R26'] as const) expect(LISTED_RULES).toContain(r);
  });

  it('the desk-mix pack: at least half 再診, and the rules it was written for', () => {
    const pack = parsePack(deskMixPack);
    if (!pack.ok) throw new Error(JSON.stringify(pack.issues.slice(0, 3)));
    const mix = packMix(pack.scenarios.map((s) => ({ rules: decideScenario(s).rules, visitType: s.visitType })));
    expect(mix.visitTypes.first + mix.visitTypes.return).toBe(pack.scenarios.length);
    expect(mix.visitTypes.return).toBeGreaterThanOrEqual(pack.scenarios.length / 2);
    const count = Object.fromEntries(mix.rules.map((r) => [r.rule, r.scenarios]));
    for (const rule of ['R3', 'R9', 'R10', 'R13', 'R20'] as const) expect(count[rule]).toBeGreaterThan(0);
  });
});
