// The app shell: header with the views, the error banner, a polite notice region, the view.
// Only the desk loads with the page. The history and the settings are fetched once the browser is
// idle (so F2 and F3 answer at once); the trainer (its views, the charts, and — in the editor — the
// engine and the validation) loads the first time it is opened.
import { lazy, Suspense, useEffect } from 'react';
import { lazyView } from './lazy-view';
import { useApp } from './store';
import type { View } from './store/app';
import { DeskView } from './views/DeskView';

const history = lazyView(() => import('./views/HistoryView').then((m) => m.HistoryView));
const settings = lazyView(() => import('./views/SettingsView').then((m) => m.SettingsView));
const trainer = lazyView(() => import('./views/trainer/TrainerView').then((m) => m.TrainerView));
const realdesk = lazyView(() => import('./views/realdesk/RealDeskView').then((m) => m.RealDeskView));
const LAZY_VIEWS = { history, settings, trainer, realdesk } as const;
/** 担当者 in the header: loaded beside the first screen, not in it (the desk's first-load budget) */
const OperatorChip = lazy(() => import('./components/OperatorChip').then((m) => ({ default: m.OperatorChip })));

/** Runs `f` when the browser has nothing else to do (soon after the first screen is up). */
const whenIdle = (f: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(f, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const t = setTimeout(f, 200);
  return () => clearTimeout(t);
};

const VIEWS: { id: View; label: string; key: string }[] = [
  { id: 'desk', label: '受付', key: 'F1' },
  { id: 'history', label: '履歴', key: 'F2' },
  { id: 'settings', label: '設定', key: 'F3' },
  { id: 'trainer', label: '研修', key: 'F4' },
  { id: 'realdesk', label: '受付ナビ', key: 'F5' },
];

export function App() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const clinicName = useApp((s) => s.settings?.clinicName ?? '');
  const info = useApp((s) => s.info);
  const loadInfo = useApp((s) => s.loadInfo);
  const loadSettings = useApp((s) => s.loadSettings);
  const deskTraining = useApp((s) => s.deskTraining);
  const setDeskTraining = useApp((s) => s.setDeskTraining);

  useEffect(() => {
    void loadInfo();
    void loadSettings();
  }, [loadInfo, loadSettings]);

  useEffect(
    () =>
      whenIdle(() => {
        void history.preload();
        void settings.preload();
      }),
    [],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const v = VIEWS.find((x) => x.key === e.key);
      if (v && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        setView(v.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);

  useEffect(() => {
    document.title = `${VIEWS.find((v) => v.id === view)!.label} — 資格確認デスク`;
  }, [view]);

  return (
    <div className="app" data-view={view} data-desk-training={deskTraining || undefined}>
      <header className="app-header">
        <p className="app-name">
          <span className="app-logo" aria-hidden="true">
            資
          </span>
          資格確認デスク
        </p>
        <nav aria-label="画面の切り替え">
          <ul className="tabs">
            {VIEWS.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className={view === v.id ? 'tab active' : 'tab'}
                  aria-current={view === v.id ? 'page' : undefined}
                  aria-keyshortcuts={v.key}
                  onClick={() => setView(v.id)}
                >
                  {v.label} <kbd aria-hidden="true">{v.key}</kbd>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <p className="clinic-name">
          {clinicName || '医療機関名 未設定'}
          {info?.shell === 'browser' && <span className="shell-badge">ブラウザ版</span>}
        </p>
        {deskTraining && (
          <button
            type="button"
            className="training-badge"
            data-testid="desk-training"
            title="クリックで通常の窓口に戻します"
            onClick={() => setDeskTraining(false)}
          >
            窓口の練習モード (メモとヒントを隠しています) ✕
          </button>
        )}
        <Suspense fallback={null}>
          <OperatorChip />
        </Suspense>
      </header>
      <ErrorBanner />
      <main className="app-main" id="main">
        <h1 className="visually-hidden">{VIEWS.find((v) => v.id === view)!.label}</h1>
        {view === 'desk' ? <DeskView /> : <LazyViewOf view={view} />}
      </main>
      <Notice />
      <footer className="app-footer">
        架空のデータのみを扱う研修・受付支援用アプリです。個人番号 (マイナンバー) は入力・保存しません。
      </footer>
    </div>
  );
}

function ErrorBanner() {
  const error = useApp((s) => s.error);
  const dismiss = useApp((s) => s.dismissError);
  if (error === null) return null;
  return (
    <div className="error-banner tone-bad" role="alert">
      <span>{error.ja}</span>
      <button type="button" className="btn btn-small" onClick={dismiss}>
        閉じる
      </button>
    </div>
  );
}

function Notice() {
  const notice = useApp((s) => s.notice);
  const notify = useApp((s) => s.notify);
  useEffect(() => {
    if (notice === null) return;
    const t = setTimeout(() => notify(null), 4000);
    return () => clearTimeout(t);
  }, [notice, notify]);
  return (
    <div className="notice" role="status" aria-live="polite">
      {notice}
    </div>
  );
}

function LazyViewOf({ view }: { view: keyof typeof LAZY_VIEWS }) {
  const { View } = LAZY_VIEWS[view];
  return (
    <Suspense fallback={<p className="muted view-loading">画面を読み込んでいます…</p>}>
      <View />
    </Suspense>
  );
}
