// Driving the desk screen like a receptionist, and turning a pack scenario into a registry patient.
import { expect, type Page } from '@playwright/test';
import type { ClinicSituation, PatientInput } from '../shared/contract';
import type { DocumentKind, Scenario } from '../shared/scenario';
import type { WebServerHandle } from './fixtures';

export const DOC_KEYS: Record<DocumentKind, string> = {
  'myna-card': '1',
  'myna-smartphone': '2',
  'kakunin-sho': '3',
  'legacy-card': '4',
  oshirase: '5',
  mynaportal: '6',
  'elderly-card': '7',
  'limit-cert': '8',
  declaration: '9',
};

export async function openApp(page: Page, server: WebServerHandle): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
}

export async function setVisitDate(page: Page, date: string): Promise<void> {
  const input = page.getByLabel('受診日', { exact: true });
  await input.fill(date);
  await input.press('Enter');
}

export async function setSituation(page: Page, clinic: ClinicSituation): Promise<void> {
  await page.getByRole('checkbox', { name: 'オンライン資格確認あり' }).setChecked(clinic.onlineCheck);
  await page.getByRole('checkbox', { name: 'スマホ用の汎用カードリーダーあり' }).setChecked(clinic.phoneReader);
  const label = { none: 'なし', 'reader-failure': 'カードリーダー故障', 'network-outage': 'ネットワーク障害' }[clinic.incident];
  await page.getByRole('radiogroup', { name: '本日の障害 (研修用)' }).getByRole('radio', { name: label, exact: true }).check();
}

/** Types into the search and chooses the first hit with Enter. */
export async function choosePatient(page: Page, query: string, expectedName: string): Promise<void> {
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill(query);
  await expect(page.getByRole('option').first()).toContainText(expectedName);
  await search.press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText(expectedName);
  await expect(page.getByRole('button', { name: '確認する' })).toBeFocused();
}

export async function verdictOf(page: Page): Promise<string> {
  const v = page.locator('[role=status][data-verdict]');
  await expect(v).toBeVisible();
  return (await v.getAttribute('data-verdict')) ?? '';
}

/** The registry record of a pack scenario's patient (its coverages, card, and the documents it carries). */
export function patientFromScenario(s: Scenario, name: string, kana: string): PatientInput {
  const holdings: NonNullable<PatientInput['holdings']> = [];
  for (const d of s.presented) {
    switch (d.kind) {
      case 'legacy-card':
        holdings.push({ kind: 'legacy-card', coverage: d.coverage, printedExpiry: d.printedExpiry });
        break;
      case 'kakunin-sho':
        holdings.push({
          kind: 'kakunin-sho',
          coverage: d.coverage,
          issuedOn: d.issuedOn,
          validFrom: d.validFrom,
          validUntil: d.validUntil,
          showsRatio: d.showsRatio,
          showsLimit: d.showsLimit,
        });
        break;
      case 'oshirase':
        holdings.push({ kind: 'oshirase', coverage: d.coverage });
        break;
      case 'myna-smartphone':
        holdings.push({ kind: 'smartphone', os: d.os ?? 'android' });
        break;
      case 'elderly-card':
        holdings.push({ kind: 'elderly-card', ratio: d.ratio, validUntil: d.validUntil });
        break;
      case 'limit-cert':
        holdings.push({ kind: 'limit-cert', category: d.category, validUntil: d.validUntil });
        break;
      default:
        break;
    }
  }
  return {
    name,
    kana,
    birthDate: s.patient.birthDate,
    sex: 'unspecified',
    note: `例題: ${s.id}`,
    coverages: s.patient.coverages.map((c) => ({
      id: c.id,
      insurer: c.insurer,
      insurerNumber: c.insurerNumber,
      symbol: c.symbol,
      number: c.number,
      branch: c.branch,
      acquiredOn: c.acquiredOn,
      lostOn: c.lostOn,
      registeredOn: c.registeredOn,
      filedOn: c.filedOn,
      myNumberOnForm: c.myNumberOnForm,
      ratio: c.ratio,
      elderlyCard: c.elderlyCard,
      limitCategory: c.limitCategory,
    })),
    myna: s.patient.myna,
    holdings,
  };
}

/** Creates the patient through the API; returns its id. */
export async function savePatient(server: WebServerHandle, input: PatientInput): Promise<string> {
  return (await server.call('registry.save', input)).id;
}
