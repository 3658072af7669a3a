import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectBridge } from './bridge';
import { createAppStore, StoreProvider } from './store';
import './styles/index.css';

/** Shown instead of the app after a damaged database was set aside (rare: loaded only then). */
const RecoveryView = lazy(() => import('./views/RecoveryView').then((m) => ({ default: m.RecoveryView })));

const root = createRoot(document.getElementById('root')!);
const api = detectBridge();
if (api === null) {
  root.render(
    <main className="no-token">
      <h1>資格確認デスク</h1>
      <p>このページは、起動したときに表示されたアドレス (http://127.0.0.1:…/#token=…) で開いてください。</p>
      <p lang="en">Open the address printed at start-up (it carries the access token).</p>
    </main>,
  );
} else {
  const recovery = await api['data.recovery']({});
  if (recovery.ok && recovery.value.needed) {
    root.render(
      <StrictMode>
        <Suspense fallback={null}>
          <RecoveryView api={api} status={recovery.value} onDone={() => window.location.reload()} />
        </Suspense>
      </StrictMode>,
    );
  } else {
    root.render(
      <StrictMode>
        <StoreProvider store={createAppStore(api)}>
          <App />
        </StoreProvider>
      </StrictMode>,
    );
  }
}
