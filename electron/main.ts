// Main process entry (bundled to dist/electron/main.js). Wires Electron's real APIs into the modules
// of this folder, which receive them as parameters so they can be tested without Electron.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { readShellConfig } from './config.ts';
import { createExternalLinkOpener } from './external-links.ts';
import { guardWebContents, restrictPermissions } from './guards.ts';
import { createIpcHandlers, electronConfirm, electronFileDialogs } from './handlers.ts';
import { createSenderCheck, registerIpcHandlers } from './ipc.ts';
import { appEntryUrl, appScheme, createAppUrlMatcher } from './origin.ts';
import { openPlatformAccess } from './platform-access.ts';
import { appSchemePrivileges, createAppProtocolHandler } from './protocol.ts';
import { createSecretStore } from './secrets.ts';
import { translate, desktopLanguage } from './i18n.ts';
import { mainWindowOptions } from './window.ts';
import { fitWindowState, loadWindowState, rememberWindowState } from './window-state.ts';

const buildDir = dirname(fileURLToPath(import.meta.url));
const { config, warnings } = readShellConfig(process.env, app.isPackaged);
for (const warning of warnings) console.warn(`creditdesk: ${warning}`);

const devOrigin = config.rendererDevUrl === null ? null : new URL(config.rendererDevUrl).origin;
const isAppUrl = createAppUrlMatcher(devOrigin);
let mainWindow: BrowserWindow | null = null;

async function openMainWindow(): Promise<BrowserWindow> {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map(
    (display) => display.workArea,
  );
  const state = fitWindowState(await loadWindowState(stateFile), workAreas);
  const window = new BrowserWindow(mainWindowOptions(state, join(buildDir, 'preload.cjs'), !app.isPackaged));
  rememberWindowState(window, stateFile);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) =>
    console.error(`creditdesk: renderer gone (${details.reason}, exit code ${details.exitCode})`),
  );
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(config.rendererDevUrl ?? appEntryUrl);
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const confirm = electronConfirm(dialog);
  // Computed once here from the stored choice; changing the platform reloads the window (handlers.ts).
  const platformAccess = await openPlatformAccess(
    join(app.getPath('userData'), 'platform.json'),
    config.platformUrl,
  );
  const language = () => desktopLanguage(app.getPreferredSystemLanguages());
  const openLink = createExternalLinkOpener({
    platformUrl: platformAccess.current,
    openExternal: (url) => shell.openExternal(url),
    confirmLink: (url) =>
      confirm(mainWindow, {
        message: translate(language(), 'desktop.link.confirmMessage'),
        detail: translate(language(), 'desktop.link.confirmDetail', { url }),
        confirmLabel: translate(language(), 'desktop.link.open'),
        cancelLabel: translate(language(), 'desktop.dialog.cancel'),
      }),
  });
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, {
      isAppUrl,
      openLink: (url) => void openLink(url).catch((error: unknown) => console.error(error)),
    }),
  );
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  restrictPermissions(session.defaultSession, isAppUrl);
  protocol.handle(
    appScheme,
    createAppProtocolHandler({ rootDir: join(buildDir, '../renderer'), csp: platformAccess.policy }),
  );
  const secrets = createSecretStore(
    safeStorage,
    join(app.getPath('userData'), 'secrets.json'),
    process.platform,
  );
  const handlers = createIpcHandlers({
    app,
    dialogs: electronFileDialogs(dialog),
    ownerOf: (event) => BrowserWindow.fromWebContents(event.sender),
    confirm,
    openLink,
    platformAccess,
    secrets,
    config,
    platform: process.platform,
  });
  registerIpcHandlers(
    ipcMain,
    handlers,
    createSenderCheck(() => mainWindow, isAppUrl),
  );

  mainWindow = await openMainWindow();
  app.on('activate', () => {
    if (mainWindow === null) openMainWindow().then((window) => (mainWindow = window), reportFatal);
  });
}

function reportFatal(error: unknown): void {
  console.error('creditdesk: cannot start:', error);
  app.exit(1);
}

if (config.userDataDir !== null) app.setPath('userData', config.userDataDir);
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
if (app.requestSingleInstanceLock()) start().catch(reportFatal);
else app.quit();
