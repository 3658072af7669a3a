// Settings: the clinic profile and the policy settings of RULES.md section P, each with the reason
// it is a setting (POLICY_INFO), so a trainer understands what they switch. Unsaved edits are never
// dropped silently: leaving the view asks, and so does closing the tab in browser mode.
import { useEffect, useState } from 'react';
import type { BackupChoice, Settings } from '../../../shared/contract';
import { DEFAULT_POLICY, LAG_LIMITS, type Policy } from '../../../shared/timeline';
import {
  CERT_GRACE_BASES,
  PORTAL_SCREENSHOT_OPTIONS,
  PREFECTURE_CODES,
  type PrefectureCode,
  ROUSAI_WITHOUT_FORM_OPTIONS,
} from '../../../shared/enums';
import {
  CERT_GRACE_BASIS_JA,
  POLICY_INFO,
  policyChoicesJa,
  PREFECTURE_JA,
  PORTAL_SCREENSHOT_JA,
  ROUSAI_WITHOUT_FORM_JA,
  YES_NO_JA,
} from '../../../shared/labels';
import { formatDateJa, formatStampJa, parseDate } from '../../../shared/wareki';
import { useApp } from '../store';
import { policyChanges } from '../store/settings';

/** the form: the settings as shown, the date as typed, and whether 「既定値に戻す」 was pressed */
type Draft = Settings & { interimEndText: string; reset: boolean };

const draftOf = (settings: Settings): Draft => ({
  ...settings,
  interimEndText: settings.policy.interimEnd,
  reset: false,
});

const LEAVE_QUESTION = '保存していない設定の変更があります。変更を保存せずに移動しますか?';

/**
 * While the form holds unsaved edits: leaving the view asks (the store); in browser mode closing or
 * reloading the tab asks too (the browser's own question — in Electron a cancelled unload would
 * silently keep the window open, so the shell is left alone there).
 */
function useUnsavedGuard(dirty: boolean) {
  const setLeaveQuestion = useApp((s) => s.setLeaveQuestion);
  const browser = useApp((s) => s.info?.shell === 'browser');
  useEffect(() => {
    if (!dirty) return;
    setLeaveQuestion(LEAVE_QUESTION);
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    if (browser) window.addEventListener('beforeunload', onUnload);
    return () => {
      setLeaveQuestion(null);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, browser, setLeaveQuestion]);
}

export function SettingsView() {
  const settings = useApp((s) => s.settings);
  if (settings === null) return <p className="muted">読み込み中…</p>;
  return <SettingsForm key={JSON.stringify(settings)} settings={settings} />;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const save = useApp((s) => s.saveSettings);
  const saving = useApp((s) => s.settingsSaving);
  const notify = useApp((s) => s.notify);
  const seedDemo = useApp((s) => s.seedDemo);
  const [d, setDraft] = useState<Draft>(() => draftOf(settings));
  useUnsavedGuard(JSON.stringify(d) !== JSON.stringify(draftOf(settings)));
  const [error, setError] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  /** an edit clears the last refusal */
  const setD = (next: Draft) => {
    setDraft(next);
    setError(null);
    setFolderError(null);
  };
  const setPolicy = <K extends keyof Policy>(k: K, v: Policy[K]) => setD({ ...d, policy: { ...d.policy, [k]: v } });

  const submit = async () => {
    if (!/^(\d{10})?$/.test(d.medicalInstitutionCode)) {
      setError('医療機関コードは10桁の数字で入力してください (未設定なら空欄)');
      return;
    }
    const end = parseDate(d.interimEndText);
    if (!end.ok) {
      setError(`暫定的な取扱いの終了日: ${end.error.ja}`);
      return;
    }
    // only what changed: a policy key the user did not touch stays as the clinic had it (its own
    // choice, or following the default)
    const clinic = (
      [
        'clinicName',
        'medicalInstitutionCode',
        'onlineCheck',
        'phoneReader',
        'oqsFolder',
        'prefecture',
        'pmh',
        'welfareOnline',
        'rousaiDesignated',
      ] as const
    ).filter((k) => d[k] !== settings[k]);
    const refused = await save({
      ...Object.fromEntries(clinic.map((k) => [k, d[k]])),
      policy: policyChanges(settings, { ...d.policy, interimEnd: end.value }, d.reset),
    });
    if (refused === null) notify('設定を保存しました');
    else if (refused.code === 'oqs-folder') setFolderError(refused.ja);
    else setError(refused.ja);
  };

  const isDefault = (k: keyof Policy) => d.policy[k] === DEFAULT_POLICY[k];

  return (
    <form
      className="settings"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="settings-column">
        <section className="panel" aria-labelledby="clinic-h">
          <h2 id="clinic-h" className="panel-title">
            医療機関
          </h2>
          <label className="field">
            <span className="field-label">医療機関名</span>
            <input
              className="input"
              value={d.clinicName}
              maxLength={60}
              onChange={(e) => setD({ ...d, clinicName: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">医療機関コード (10桁)</span>
            <input
              className="input"
              inputMode="numeric"
              value={d.medicalInstitutionCode}
              maxLength={10}
              onChange={(e) => setD({ ...d, medicalInstitutionCode: e.target.value.trim() })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={d.onlineCheck}
              onChange={(e) => setD({ ...d, onlineCheck: e.target.checked })}
            />
            オンライン資格確認を導入している
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={d.phoneReader}
              onChange={(e) => setD({ ...d, phoneReader: e.target.checked })}
            />
            スマホのマイナ保険証用の汎用カードリーダーがある
          </label>
          <label className="field">
            <span className="field-label">所在地の都道府県 (医療証が使える範囲)</span>
            <select
              className="input"
              value={d.prefecture ?? ''}
              onChange={(e) =>
                setD({ ...d, prefecture: e.target.value === '' ? null : (e.target.value as PrefectureCode) })
              }
            >
              <option value="">指定しない (医療証はどれも使える)</option>
              {PREFECTURE_CODES.map((c) => (
                <option key={c} value={c}>
                  {PREFECTURE_JA[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={d.pmh} onChange={(e) => setD({ ...d, pmh: e.target.checked })} />
            PMH (公費の受給者証情報の連携) につながっている
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={d.welfareOnline}
              onChange={(e) => setD({ ...d, welfareOnline: e.target.checked })}
            />
            医療扶助 (生活保護) のオンライン資格確認を使っている
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={d.rousaiDesignated}
              onChange={(e) => setD({ ...d, rousaiDesignated: e.target.checked })}
            />
            労災保険の指定医療機関である
          </label>
          <p className="muted small">受付画面の「医療機関の状況」の初期値になります。</p>
        </section>
        <section className="panel" aria-labelledby="oqs-h">
          <h2 id="oqs-h" className="panel-title">
            レセコンとの連携 (試験用)
          </h2>
          <label className="field">
            <span className="field-label">連携フォルダ</span>
            <input
              className="input"
              value={d.oqsFolder}
              placeholder="使わない (空欄)"
              spellCheck={false}
              aria-invalid={folderError !== null}
              aria-describedby={folderError !== null ? 'oqs-folder-error' : undefined}
              onChange={(e) => setD({ ...d, oqsFolder: e.target.value })}
            />
          </label>
          {folderError && (
            <p id="oqs-folder-error" className="field-error" role="alert">
              {folderError}
            </p>
          )}
          <p className="muted small">
            {
              'レセコン・電子カルテの開発や試験のための機能です。フォルダを指定すると、このアプリが資格確認端末の代わりに、その中の req フォルダに置かれた照会ファイルに架空の患者の登録内容で答え、結果を res フォルダに書きます。受付でマイナ保険証を確認したときの結果も face フォルダに書きます。実際の資格確認端末の代わりにはなりません。空欄にすると止まります。'
            }
          </p>
        </section>
        <BackupPanel />
      </div>

      <section className="panel" aria-labelledby="policy-h">
        <h2 id="policy-h" className="panel-title">
          判断が分かれる点の設定 (運用方針)
        </h2>
        <p className="muted small">公的な資料の間で説明が異なる点です。変更すると、それ以降の判定に使われます。</p>
        <PolicyRow k="interimEnd" isDefault={d.interimEndText === DEFAULT_POLICY.interimEnd}>
          <input
            className="input input-date"
            aria-label={POLICY_INFO.interimEnd.ja}
            value={d.interimEndText}
            onChange={(e) => setD({ ...d, interimEndText: e.target.value })}
          />
          <span className="date-shown">
            {(() => {
              const r = parseDate(d.interimEndText);
              return r.ok ? formatDateJa(r.value) : '';
            })()}
          </span>
        </PolicyRow>
        <PolicyRow k="interimEmployeeFromExpiry" isDefault={isDefault('interimEmployeeFromExpiry')}>
          <YesNo
            label={POLICY_INFO.interimEmployeeFromExpiry.ja}
            value={d.policy.interimEmployeeFromExpiry}
            onChange={(v) => setPolicy('interimEmployeeFromExpiry', v)}
          />
        </PolicyRow>
        <PolicyRow k="interimNeedsOnlineCheck" isDefault={isDefault('interimNeedsOnlineCheck')}>
          <YesNo
            label={POLICY_INFO.interimNeedsOnlineCheck.ja}
            value={d.policy.interimNeedsOnlineCheck}
            onChange={(v) => setPolicy('interimNeedsOnlineCheck', v)}
          />
        </PolicyRow>
        <PolicyRow k="certGraceBasis" isDefault={isDefault('certGraceBasis')}>
          <Choice
            label={POLICY_INFO.certGraceBasis.ja}
            value={d.policy.certGraceBasis}
            options={CERT_GRACE_BASES.map((v) => [v, CERT_GRACE_BASIS_JA[v]] as const)}
            onChange={(v) => setPolicy('certGraceBasis', v)}
          />
        </PolicyRow>
        <PolicyRow k="portalScreenshot" isDefault={isDefault('portalScreenshot')}>
          <Choice
            label={POLICY_INFO.portalScreenshot.ja}
            value={d.policy.portalScreenshot}
            options={PORTAL_SCREENSHOT_OPTIONS.map((v) => [v, PORTAL_SCREENSHOT_JA[v]] as const)}
            onChange={(v) => setPolicy('portalScreenshot', v)}
          />
        </PolicyRow>
        <PolicyRow k="rousaiWithoutForm" isDefault={isDefault('rousaiWithoutForm')}>
          <Choice
            label={POLICY_INFO.rousaiWithoutForm.ja}
            value={d.policy.rousaiWithoutForm}
            options={ROUSAI_WITHOUT_FORM_OPTIONS.map((v) => [v, ROUSAI_WITHOUT_FORM_JA[v]] as const)}
            onChange={(v) => setPolicy('rousaiWithoutForm', v)}
          />
        </PolicyRow>
        {(['lagWithMyNumber', 'lagWithoutMyNumber'] as const).map((k) => (
          <PolicyRow key={k} k={k} isDefault={isDefault(k)}>
            <input
              className="input input-num"
              type="number"
              min={LAG_LIMITS[k].min}
              max={LAG_LIMITS[k].max}
              aria-label={POLICY_INFO[k].ja}
              value={d.policy[k]}
              onChange={(e) => setPolicy(k, Number(e.target.value))}
            />
            <span>営業日</span>
          </PolicyRow>
        ))}
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() =>
            setD({ ...d, policy: { ...DEFAULT_POLICY }, interimEndText: DEFAULT_POLICY.interimEnd, reset: true })
          }
        >
          運用方針を既定値に戻す
        </button>
      </section>

      <div className="settings-actions">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          設定を保存
        </button>
        <button
          type="button"
          className="btn"
          onClick={async () => {
            const n = await seedDemo();
            if (n !== null)
              notify(
                n > 0 ? `デモ用の架空の患者 ${n} 人を読み込みました` : 'デモ用の患者はすでにすべて読み込まれています',
              );
          }}
        >
          デモ用の患者を読み込む
        </button>
      </div>
    </form>
  );
}

/** 「バックアップを作成」: one verified file that holds everything (README: Backups). */
function BackupPanel() {
  const createBackup = useApp((s) => s.createBackup);
  const dataDir = useApp((s) => s.info?.dataDir ?? '');
  const [made, setMade] = useState<BackupChoice | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel settings-backup" aria-labelledby="backup-h">
      <h2 id="backup-h" className="panel-title">
        バックアップ
      </h2>
      <p className="small">
        {
          'アプリを起動した日ごとに1回、自動でバックアップしています (7日分)。USB メモリなどに保存しておくときは、ここで作成した1つのファイルをコピーしてください。'
        }
      </p>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setMade(await createBackup());
          setBusy(false);
        }}
      >
        バックアップを作成
      </button>
      {made && (
        <p className="status-box tone-ok" role="status">
          バックアップを作成しました ({formatStampJa(made.takenAt)}
          {made.contents ? `、患者 ${made.contents.patients}人・照会履歴 ${made.contents.checks}件` : ''}):{' '}
          <span className="settings-backup-file">{made.file}</span>
        </p>
      )}
      {dataDir && <p className="small muted">保存場所: {dataDir}</p>}
    </section>
  );
}

function PolicyRow({ k, isDefault, children }: { k: keyof Policy; isDefault: boolean; children: React.ReactNode }) {
  const info = POLICY_INFO[k];
  return (
    <div className="policy-row" data-policy={k}>
      <div className="policy-head">
        <span className="policy-name">{info.ja}</span>
        {!isDefault && <span className="badge tone-declaration">既定値から変更</span>}
      </div>
      <div className="policy-control">{children}</div>
      <p className="policy-why">
        <span className="policy-why-label">理由:</span> {info.why}
      </p>
      <p className="policy-options muted small">選択肢: {policyChoicesJa(k)}</p>
    </div>
  );
}

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (v: T) => void;
}) {
  return (
    <select className="input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

function YesNo({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <Choice
      label={label}
      value={value ? 'yes' : 'no'}
      options={[
        ['yes', YES_NO_JA.true],
        ['no', YES_NO_JA.false],
      ]}
      onChange={(v) => onChange(v === 'yes')}
    />
  );
}
