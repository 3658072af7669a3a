// The Electron main process: a thin shell. The backend (database and handlers) runs in a worker
// thread, the same one the browser mode uses (../backend/host): IPC calls are only forwarded to it,
// so nothing the backend does can freeze the window.
// Electron security checklist: contextIsolation, sandbox, no nodeIntegration, strict CSP, the
// app:// protocol (path-traversal guard) instead of file://, navigation / new windows / permission
// requests / webviews denied, IPC senders validated, single-instance lock, data under userData.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  protocol,
  screen,
  session,
} from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { CALL_NAMES } from '../../shared/contract/kernel';
import { type BackendHost, startBackend } from '../backend/host/client';
import { readStatic, SECURITY_HEADERS } from '../backend/server/static';
import {
  APP_HOST,
  APP_SCHEME,
  APP_START_URL,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  userDataOverride,
} from './trust';
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreBounds, type WindowState } from './window-state';

const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const BACKEND = path.join(__dirname, '..', 'backend.cjs');

// Tests may point userData at a temporary directory (Playwright's Electron smoke test) — only in
// an unpackaged build.
const userData = userDataOverride(process.env, app.isPackaged);
if (userData !== null) app.setPath('userData', path.resolve(userData));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;
let backend: BackendHost | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fatal(e));
}

function fatal(e: unknown): void {
  const err = e as { ja?: string; en?: string; message?: string };
  dialog.showErrorBox(
    '資格確認デスクを起動できません',
    err.ja ? `${err.ja}\n\n${err.en ?? ''}` : String(err.message ?? e),
  );
  app.exit(1);
}

async function start(): Promise<void> {
  // Every web contents: no webviews, no new windows, no navigation away from the app.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (ev, url) => {
      if (!isAppUrl(url)) ev.preventDefault();
    });
    contents.on('will-redirect', (ev, url) => {
      if (!isAppUrl(url)) ev.preventDefault();
    });
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback) => callback(isPermissionAllowed(permission, wc.getURL())));
  ses.setPermissionCheckHandler((wc, permission) => (wc ? isPermissionAllowed(permission, wc.getURL()) : false));
  // Nothing is fetched from the network: refuse anything that is not our own protocol.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('blob:app://');
    callback({ cancel: !ok });
  });

  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? readStatic(RENDERER_DIR, url.pathname) : null;
    if (file === null)
      return new Response('not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' } });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.type },
    });
  });

  try {
    backend = await startBackend({
      script: BACKEND,
      dataDir: app.getPath('userData'),
      shell: 'electron',
      version: app.getVersion(),
      onStopped: (error) => fatal(error),
    });
  } catch (e) {
    fatal(e);
    return;
  }
  const call = backend.call;
  for (const name of CALL_NAMES) {
    ipcMain.handle(`api:${name}`, (event, payload: unknown) => {
      const frame = event.senderFrame;
      if (
        !mainWindow ||
        event.sender !== mainWindow.webContents ||
        !isTrustedSender(frame?.url, frame === event.sender.mainFrame)
      ) {
        return { ok: false, error: { code: 'bad-sender', ja: '不正な呼び出し元です', en: 'untrusted IPC sender' } };
      }
      return call(name, payload);
    });
  }

  Menu.setApplicationMenu(Menu.buildFromTemplate(japaneseMenu()));
  createWindow();
}

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function loadWindowState(): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(stateFile(), 'utf8'));
  } catch {
    return null;
  }
}

function saveWindowState(win: BrowserWindow): void {
  const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    fs.writeFileSync(stateFile(), JSON.stringify(state));
  } catch {
    // not worth bothering the receptionist: the default size is used next time
  }
}

function createWindow(): void {
  const saved = loadWindowState();
  const bounds = saved
    ? restoreBounds(
        saved.bounds,
        screen.getAllDisplays().map((d) => d.workArea),
      )
    : null;
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: '資格確認デスク',
    show: false,
    backgroundColor: '#f3f5f8',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  let timer: NodeJS.Timeout | null = null;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => saveWindowState(win), 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => saveWindowState(win));
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_START_URL);
}

function japaneseMenu(): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '実際のサイズ' },
    { role: 'zoomIn', label: '拡大' },
    { role: 'zoomOut', label: '縮小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全画面表示' },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '開発者ツール' });
  return [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const, label: '資格確認デスク' }] : []),
    {
      label: 'ファイル',
      submenu: [
        { label: '印刷…', accelerator: 'CmdOrCtrl+P', click: () => mainWindow?.webContents.print() },
        { type: 'separator' },
        { role: 'quit', label: '終了' },
      ],
    },
    {
      label: '編集',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直す' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    { label: '表示', submenu: view },
    {
      role: 'windowMenu',
      label: 'ウインドウ',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '閉じる' },
      ],
    },
    {
      role: 'help',
      label: 'ヘルプ',
      submenu: [
        {
          label: 'バージョン情報',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: '資格確認デスク',
              message: `資格確認デスク ${app.getVersion()}`,
              detail: '架空のデータで受付の資格確認を練習・支援するアプリです。個人番号 (マイナンバー) は扱いません。',
            }),
        },
      ],
    },
  ];
}

app.on('window-all-closed', () => {
  const closing = backend?.close() ?? Promise.resolve();
  backend = null;
  void closing.finally(() => app.quit());
});
