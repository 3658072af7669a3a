// The trainer's answer form as a trainee fills it: the four items every question asks (判定,
// 窓口負担, 高齢受給者証, まだ必要な書類), by the names the screen shows them with — spelled here
// once for the trainer's Playwright runs, independently of the app's label tables.
import type { Locator, Page } from '@playwright/test';
import type { TraineeAnswer } from '../shared/trainer/grade';

const VERDICT_NAME = {
  insured: '保険で受付',
  'insured-interim': '保険で受付 (暫定)',
  'insured-declaration': '保険で受付 (申立て)',
  'self-pay': '自費 (10割)',
  'public-assistance': '医療扶助 (生活保護)',
  'workers-comp': '労災保険',
} as const;
const COPAY_NAME = { 0: '負担なし', 10: '1割', 20: '2割', 30: '3割', 100: '10割 (自費)' } as const;
const NEEDED_NAME = {
  'elderly-card': '高齢受給者証',
  declaration: '被保険者資格申立書 (窓口で記入)',
  'limit-cert': '限度額適用認定証',
  'kakunin-with-limit': '限度区分が記載された資格確認書',
  'kohi-cert': '受給者証・医療証',
  'medical-ticket': '医療券',
  'rousai-form': '労災の請求書 (様式第5号・第16号の3)',
} as const;

/** A verdict as the trainer's screens name it. */
export const verdictName = (v: TraineeAnswer['verdict']): string => VERDICT_NAME[v];

/** Fills the four items every question asks; returns the form (the caller adds the rest and answers). */
export async function fillCommonItems(page: Page, a: TraineeAnswer): Promise<Locator> {
  const form = page.getByRole('form', { name: '回答' });
  await form
    .getByRole('group', { name: '判定' })
    .getByRole('radio', { name: VERDICT_NAME[a.verdict], exact: true })
    .check();
  await form
    .getByRole('group', { name: /窓口負担/ })
    .getByRole('radio', { name: COPAY_NAME[a.copayPercent], exact: true })
    .check();
  await form
    .getByRole('group', { name: '高齢受給者証の確認' })
    .getByRole('radio', { name: a.elderlyCardNeeded ? '必要' : '不要', exact: true })
    .check();
  const docs = form.getByRole('group', { name: /まだ必要な書類/ });
  for (const [k, name] of Object.entries(NEEDED_NAME))
    await docs
      .getByRole('checkbox', { name, exact: true })
      .setChecked(a.documentsNeeded.includes(k as keyof typeof NEEDED_NAME));
  return form;
}
