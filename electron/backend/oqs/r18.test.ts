// R18 in the 連携 folder (issue 11): every spelling of a My Number in every element a request
// carries refuses the whole request with the one message, naming the element, never the value.
import { describe, expect, it } from 'vitest';
import { MY_NUMBER_REFUSAL } from '../../../shared/identifiers';
import { MY_NUMBER_SPELLINGS } from '../../../shared/testing/my-number-spellings';
import { parseRequest } from './request';
import { type RequestFields, requestXml } from './testing';

const OK: RequestFields = {
  date: '20260115',
  insurerNumber: '01130012',
  symbol: '記号1',
  number: '1',
  branch: '01',
  birthDate: '19800101',
  arbitraryFileIdentifier: 'desk-1',
};
/** Each element of a request, by the field of requestXml that writes it. */
const ELEMENTS: Array<[keyof RequestFields, string]> = [
  ['date', 'QualificationConfirmationDate'],
  ['medicalInstitutionCode', 'MedicalInstitutionCode'],
  ['arbitraryFileIdentifier', 'ArbitraryFileIdentifier'],
  ['insurerNumber', 'InsurerNumber'],
  ['symbol', 'InsuredCardSymbol'],
  ['number', 'InsuredIdentificationNumber'],
  ['branch', 'InsuredBranchNumber'],
  ['birthDate', 'Birthdate'],
  ['consent', 'LimitApplicationCertificateRelatedConsFlg'],
];
const bytes = (f: RequestFields) => new TextEncoder().encode(requestXml(f));

describe('R18 in a 連携 folder request', () => {
  it('a request without a My Number is read', () => {
    expect(parseRequest(bytes(OK)).ok).toBe(true);
  });

  it.each(ELEMENTS)(
    `%s (%s): ${MY_NUMBER_SPELLINGS.length} spellings refused with the one message`,
    (field, element) => {
      for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
        const r = parseRequest(bytes({ ...OK, [field]: spelling } as RequestFields));
        expect(r.ok, `${element} ← ${what}`).toBe(false);
        if (r.ok) continue;
        expect(r.code, what).toBe('my-number');
        expect(r.ja, what).toMatch(new RegExp(`${element}: ${MY_NUMBER_REFUSAL.ja.replace(/[()]/g, '\\$&')}$`));
        expect(r.en, what).toMatch(new RegExp(`${element}: ${MY_NUMBER_REFUSAL.en.replace(/[()]/g, '\\$&')}$`));
        const said = JSON.stringify(r);
        expect(said.includes(spelling.trim()) || /\d{12}|[０-９]{12}/.test(said), `${element} ← ${what}`).toBe(false);
      }
    },
  );
});
