// A fake bridge for component tests: every call answers from a canned handler and is recorded.
import type { DeskResult, PatientSummary, Settings } from '../../../shared/contract';
import {
  type Api,
  type ApiResult,
  CALL_NAMES,
  type CallInput,
  type CallName,
  type CallOutput,
} from '../../../shared/contract/kernel';
import { DEFAULT_POLICY } from '../../../shared/timeline';

export type FakeHandlers = { [K in CallName]?: (input: CallInput<K>) => CallOutput<K> | ApiResult<CallOutput<K>> };

export const FAKE_SETTINGS: Settings = {
  clinicName: 'テスト診療所',
  medicalInstitutionCode: '',
  onlineCheck: true,
  phoneReader: false,
  oqsFolder: '',
  prefecture: null,
  pmh: false,
  welfareOnline: true,
  rousaiDesignated: true,
  policy: { ...DEFAULT_POLICY },
  policyOverrides: [],
};

export const FAKE_PATIENT: PatientSummary = {
  id: '1',
  clinicNo: '1001',
  firstVisit: null,
  name: '山田 太郎',
  kana: 'ヤマダ タロウ',
  birthDate: '1981-05-10',
  sex: 'male',
  insurers: ['kyokai'],
  hasMynaCard: true,
  note: '',
};

export function deskResult(
  over: Partial<DeskResult['decision']> = {},
  clinic: Partial<DeskResult['scenario']['clinic']> = {},
): DeskResult {
  return {
    decision: {
      id: 'desk-1',
      verdict: 'insured',
      coverage: 'c1',
      copayPercent: 30,
      copayBasis: 'online',
      copayProvisional: false,
      elderlyCardNeeded: false,
      documentsNeeded: [],
      onlineCheck: { cardRoute: 'valid', numberRoute: 'not-run', failure: null, welfareRoute: 'not-run' },
      billing: 'normal',
      rules: ['R3'],
      notes: [],
      publicExpense: [],
      patientPays: { percent: 30, perVisitYen: null, monthlyCapYen: null, capReached: false, deposit: false },
      policy: { ...DEFAULT_POLICY },
      explanation: 'マイナ保険証でオンライン資格確認を行い、資格が有効でした。',
      tellPatient: '本日はマイナ保険証で確認できました。',
      ...over,
    },
    scenario: {
      id: 'desk-1',
      title: null,
      story: null,
      visitDate: '2026-01-20',
      visitType: 'first',
      needsLimit: false,
      limitConsent: true,
      clinic: {
        onlineCheck: true,
        phoneReader: false,
        incident: 'none',
        prefecture: null,
        pmh: false,
        welfareOnline: true,
        rousaiDesignated: true,
        ...clinic,
      },
      cause: 'illness',
      patient: { birthDate: '1981-05-10', coverages: [], myna: null, kohi: [], welfare: null },
      presented: [{ kind: 'myna-card' }],
      policy: {},
    },
    online: { route: 'card', result: null },
    patient: { name: '山田 太郎', kana: 'ヤマダ タロウ', birthDate: '1981-05-10', walkIn: false },
    assumed: [],
    historyId: 1,
  };
}

export interface FakeBridge {
  api: Api;
  calls: { name: CallName; input: unknown }[];
}

export function fakeBridge(handlers: FakeHandlers = {}): FakeBridge {
  const calls: { name: CallName; input: unknown }[] = [];
  const defaults: FakeHandlers = {
    'app.info': () => ({
      name: '資格確認デスク',
      version: '0.0.0',
      shell: 'browser',
      today: '2026-01-20',
      dataDir: '/tmp/x',
    }),
    'settings.get': () => FAKE_SETTINGS,
    'settings.update': ({ policy = {}, ...clinic }) => {
      const chosen = Object.entries(policy).filter(([, v]) => v !== null);
      return {
        ...FAKE_SETTINGS,
        ...clinic,
        policy: { ...DEFAULT_POLICY, ...Object.fromEntries(chosen) },
        policyOverrides: chosen.map(([k]) => k),
      } as Settings;
    },
    'registry.search': () => [FAKE_PATIENT],
    'desk.decide': () => deskResult(),
    'history.query': (q) => ({ total: 0, offset: q.offset ?? 0, rows: [] }),
    'history.exportCsv': () => ({ filename: 'history.csv', csv: '\uFEFFa,b\r\n', rows: 0 }),
    'registry.seedDemo': () => ({ count: 120 }),
  };
  const all = { ...defaults, ...handlers } as Record<string, (input: unknown) => unknown>;
  const api = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push({ name, input });
        const h = all[name];
        if (!h) return { ok: false, error: { code: 'not-faked', ja: '未実装', en: `not faked: ${name}` } };
        const out = h(input) as { ok?: boolean };
        return typeof out === 'object' &&
          out !== null &&
          'ok' in out &&
          typeof out.ok === 'boolean' &&
          ('value' in out || 'error' in out)
          ? out
          : { ok: true, value: out };
      },
    ]),
  ) as Api;
  return { api, calls };
}
