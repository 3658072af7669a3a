// Driving the desk screen like a receptionist, and turning a pack scenario into a registry patient.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ClinicSituation } from '../shared/contract';
import type { PatientInput } from '../shared/contract/patient';
import { holdingOf } from '../shared/holdings';
import { INCIDENT_JA } from '../shared/labels';
import type { Scenario } from '../shared/scenario';
import { SCREENSHOT_DIR, type WebServerHandle } from './fixtures';

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
  const label = INCIDENT_JA[clinic.incident];
  await page
    .getByRole('radiogroup', { name: '本日の障害 (研修用)' })
    .getByRole('radio', { name: label, exact: true })
    .check();
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

/**
 * The registry record of a pack scenario's patient (its coverages, card, programmes, 生活保護, and
 * the documents it carries).
 */
export function patientFromScenario(s: Scenario, name: string, kana: string): PatientInput {
  return {
    name,
    kana,
    birthDate: s.patient.birthDate,
    sex: 'unspecified',
    note: `例題: ${s.id}`,
    coverages: s.patient.coverages,
    myna: s.patient.myna,
    kohi: s.patient.kohi,
    welfare: s.patient.welfare,
    holdings: s.presented.flatMap((d) => holdingOf(d) ?? []),
  };
}

/** Creates the patient through the API; returns its id. */
export async function savePatient(server: WebServerHandle, input: PatientInput): Promise<string> {
  return (await server.call('registry.save', input)).id;
}

/** Saves what the receptionist sees (the viewport only) under test-results/screenshots/. */
export async function viewShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
