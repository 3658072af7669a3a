// Test helpers for the 連携 folder: request XML as clinic software writes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RequestFields {
  medicalInstitutionCode?: string;
  arbitraryFileIdentifier?: string | null;
  /** yyyyMMdd */
  date: string;
  insurerNumber: string;
  symbol?: string | null;
  number: string;
  branch?: string | null;
  /** yyyyMMdd */
  birthDate: string;
  consent?: '0' | '1';
}

export const TEST_INSTITUTION_CODE = '1310000000';

const el = (name: string, v: string | null | undefined) => (v == null ? '' : `\n      <${name}>${v}</${name}>`);

/** A request in the national format (UTF-8), in the element order public clinic software uses. */
export function requestXml(f: RequestFields, encoding = 'UTF-8'): string {
  return `<?xml version="1.0" encoding="${encoding}" standalone="no"?>
<XmlMsg>
  <MessageHeader>
    <QualificationConfirmationDate>${f.date}</QualificationConfirmationDate>
    <MedicalInstitutionCode>${f.medicalInstitutionCode ?? TEST_INSTITUTION_CODE}</MedicalInstitutionCode>${
      f.arbitraryFileIdentifier == null
        ? ''
        : `\n    <ArbitraryFileIdentifier>${f.arbitraryFileIdentifier}</ArbitraryFileIdentifier>`
    }
  </MessageHeader>
  <MessageBody>
    <QualificationConfirmSearchInfo>${el('InsurerNumber', f.insurerNumber)}${el('InsuredCardSymbol', f.symbol)}${el(
      'InsuredIdentificationNumber',
      f.number,
    )}${el('InsuredBranchNumber', f.branch)}${el('Birthdate', f.birthDate)}${el(
      'LimitApplicationCertificateRelatedConsFlg',
      f.consent ?? '1',
    )}
    </QualificationConfirmSearchInfo>
  </MessageBody>
</XmlMsg>
`;
}

/** Every *.xml file of a folder, by name → text. */
export function readXmlFiles(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith('.xml'))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );
}
