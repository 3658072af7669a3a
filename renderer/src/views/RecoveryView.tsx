// The restore screen: shown instead of the app when the database was found damaged and set aside.
// For the receptionist in front of it: what happened in plain words, the backups with when they
// were made and what they hold, one button to restore the chosen one — and, apart, starting empty.
import { useState } from 'react';
import type { BackupChoice, RecoveryStatus } from '../../../shared/contract';
import type { Api } from '../../../shared/contract/kernel';
import { BACKUP_KIND_JA } from '../../../shared/labels';
import { formatStampJa } from '../../../shared/wareki';
import '../styles/recovery.css';

const held = (b: Pick<BackupChoice, 'contents'>) =>
  b.contents
    ? `患者 ${b.contents.patients.toLocaleString('ja-JP')}人・照会履歴 ${b.contents.checks.toLocaleString('ja-JP')}件`
    : '';

export function RecoveryView({ api, status, onDone }: { api: Api; status: RecoveryStatus; onDone: () => void }) {
  const usable = status.backups.filter((b) => b.ok);
  const [chosen, setChosen] = useState<string | null>(usable[0]?.name ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const damaged = status.quarantined[0] ?? null;

  const run = async (
    action: () => ReturnType<Api['data.restore']> | ReturnType<Api['data.startEmpty']>,
    ok: string,
  ) => {
    setBusy(true);
    setError(null);
    const r = await action();
    if (!r.ok) {
      setBusy(false);
      setError(r.error.ja);
      return;
    }
    setDone(ok);
    onDone();
  };

  return (
    <main className="recovery" aria-labelledby="recovery-h">
      <p className="recovery-app">資格確認デスク</p>
      <h1 id="recovery-h">データを元に戻してください</h1>
      <div className="status-box tone-bad recovery-what">
        <p>
          {
            '資格確認デスクのデータ (患者の登録・照会履歴・研修の記録) を保存しているファイルが壊れていました。壊れたファイルは消さずに、別の名前で保管してあります。'
          }
        </p>
        {damaged && (
          <p className="small">
            保管したファイル: {damaged.name} ({formatStampJa(damaged.movedAt)} に保管)
          </p>
        )}
      </div>

      {done ? (
        <p className="status-box tone-ok" role="status">
          {done}
        </p>
      ) : (
        <>
          <section className="panel recovery-choose" aria-labelledby="backups-h">
            <h2 id="backups-h" className="panel-title">
              バックアップから元に戻す
            </h2>
            {usable.length > 0 ? (
              <>
                <p>
                  {
                    '元に戻すバックアップを選んで、下のボタンを押してください。ふつうは、いちばん上 (いちばん新しいもの) を選びます。その日時より後に入力した内容は戻りません。'
                  }
                </p>
                <fieldset className="recovery-backups" disabled={busy}>
                  <legend className="visually-hidden">バックアップ</legend>
                  {status.backups.map((b) => (
                    <label key={b.name} className={b.ok ? 'recovery-backup' : 'recovery-backup is-broken'}>
                      <input
                        type="radio"
                        name="backup"
                        value={b.name}
                        checked={chosen === b.name}
                        disabled={!b.ok}
                        onChange={() => setChosen(b.name)}
                      />
                      <span className="recovery-backup-when">{formatStampJa(b.takenAt)}</span>
                      <span className="recovery-backup-kind">{BACKUP_KIND_JA[b.kind]}</span>
                      <span className="recovery-backup-held">{b.ok ? held(b) : '壊れているため使えません'}</span>
                    </label>
                  ))}
                </fieldset>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy || chosen === null}
                  onClick={() =>
                    void run(() => api['data.restore']({ backup: chosen! }), '元に戻しました。アプリを開いています…')
                  }
                >
                  選んだバックアップから元に戻す
                </button>
              </>
            ) : (
              <p>使えるバックアップがありません。下の「空の状態で始める」を選んでください。</p>
            )}
          </section>

          <section className="panel recovery-empty" aria-labelledby="empty-h">
            <h2 id="empty-h" className="panel-title">
              バックアップを使わずに始める
            </h2>
            <p>
              {
                '患者の登録や照会履歴のない、空の状態で始めます。デモ用の患者も読み込みません (必要なら設定画面から読み込めます)。壊れたファイルとバックアップはそのまま残ります。'
              }
            </p>
            {confirmEmpty ? (
              <div className="recovery-confirm" role="group" aria-label="確認">
                <p>本当に空の状態で始めますか？</p>
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() =>
                    void run(() => api['data.startEmpty']({}), '空の状態で始めます。アプリを開いています…')
                  }
                >
                  空の状態で始める
                </button>
                <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => setConfirmEmpty(false)}>
                  やめる
                </button>
              </div>
            ) : (
              <button type="button" className="btn" disabled={busy} onClick={() => setConfirmEmpty(true)}>
                空の状態で始める…
              </button>
            )}
          </section>
        </>
      )}

      {error && (
        <p className="status-box tone-bad" role="alert">
          {error}
        </p>
      )}
      <p className="small muted">
        わからないときは、この画面のまま、院内でパソコンを担当している方に連絡してください。技術的な記録: {status.log}
      </p>
    </main>
  );
}
