// One Japanese label table per enumeration (shared/enums.ts → shared/labels.ts): each table has
// exactly the values of its enumeration, and every label is written for people (not the code's
// own spelling of the value, never empty).
import { describe, expect, it } from 'vitest';
import * as E from './enums';
import * as L from './labels';

const TABLES: [string, readonly (string | number)[], Record<string, string>][] = [
  ['VERDICT_JA', E.VERDICTS, L.VERDICT_JA],
  ['DOCUMENT_JA', E.DOCUMENT_KINDS, L.DOCUMENT_JA],
  ['NEEDED_JA', E.NEEDED_DOCUMENTS, L.NEEDED_JA],
  ['COPAY_BASIS_JA', E.COPAY_BASES, L.COPAY_BASIS_JA],
  ['BILLING_JA', E.BILLINGS, L.BILLING_JA],
  ['CARD_ROUTE_JA', E.CARD_ROUTE_RESULTS, L.CARD_ROUTE_JA],
  ['NUMBER_ROUTE_JA', E.NUMBER_ROUTE_RESULTS, L.NUMBER_ROUTE_JA],
  ['WELFARE_ROUTE_JA', E.WELFARE_ROUTE_RESULTS, L.WELFARE_ROUTE_JA],
  ['FAILURE_JA', E.CHECK_FAILURES, L.FAILURE_JA],
  ['NOTE_JA', E.NOTES, L.NOTE_JA],
  ['CAUSE_JA', E.CAUSES, L.CAUSE_JA],
  ['COVERAGE_ROLE_JA', E.COVERAGE_ROLES, L.COVERAGE_ROLE_JA],
  ['PROGRAM_JA', E.PUBLIC_EXPENSE_PROGRAMS, L.PROGRAM_JA],
  ['PUBLIC_EXPENSE_BASIS_JA', E.PUBLIC_EXPENSE_BASES, L.PUBLIC_EXPENSE_BASIS_JA],
  ['PUBLIC_EXPENSE_REASON_JA', E.PUBLIC_EXPENSE_REASONS, L.PUBLIC_EXPENSE_REASON_JA],
  ['PREFECTURE_JA', E.PREFECTURE_CODES, L.PREFECTURE_JA],
  ['INCIDENT_JA', E.INCIDENTS, L.INCIDENT_JA],
  ['INSURER_JA', E.INSURERS, L.INSURER_JA],
  ['VISIT_TYPE_JA', E.VISIT_TYPES, L.VISIT_TYPE_JA],
  ['PORTAL_FORM_JA', E.PORTAL_FORMS, L.PORTAL_FORM_JA],
  ['PHONE_OS_JA', E.PHONE_OS, L.PHONE_OS_JA],
  ['ELDERLY_CARD_JA', E.ELDERLY_CARD_HANDLINGS, L.ELDERLY_CARD_JA],
  ['SEX_JA', E.SEXES, L.SEX_JA],
  ['CERT_GRACE_BASIS_JA', E.CERT_GRACE_BASES, L.CERT_GRACE_BASIS_JA],
  ['PORTAL_SCREENSHOT_JA', E.PORTAL_SCREENSHOT_OPTIONS, L.PORTAL_SCREENSHOT_JA],
  ['ROUSAI_WITHOUT_FORM_JA', E.ROUSAI_WITHOUT_FORM_OPTIONS, L.ROUSAI_WITHOUT_FORM_JA],
  ['BACKUP_KIND_JA', E.BACKUP_KINDS, L.BACKUP_KIND_JA],
];

describe('label tables', () => {
  it.each(TABLES)(
    '%s has exactly the values of its enumeration, each with a label for people',
    (_name, values, table) => {
      expect(Object.keys(table).sort()).toEqual(values.map(String).sort());
      for (const v of values) {
        const label = table[String(v)] ?? '';
        expect(label.trim(), `${String(v)}`).not.toBe('');
        expect(label, `${String(v)}`).not.toBe(String(v));
      }
    },
  );

  it('every policy key is explained in Japanese', () => {
    expect(Object.keys(L.POLICY_INFO).sort()).toEqual([...E.POLICY_KEYS].sort());
    for (const k of E.POLICY_KEYS) expect(L.POLICY_INFO[k].ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
