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
import { contentSecurityPolicy } from './csp.ts';
import { guardWebContents, restrictPermissions } from './guards.ts';
import { createIpcHandlers, electronFileDialogs } from './handlers.ts';
import { createSenderCheck, registerIpcHandlers } from './ipc.ts';
import { appEntryUrl, appScheme, createAppUrlMatcher } from './origin.ts';
import { appSchemePrivileges, createAppProtocolHandler } from './protocol.ts';
import { createSecretStore } from './secrets.ts';
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
  const openExternal = (url: string) => shell.openExternal(url);
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, {
      isAppUrl,
      openExternal: (url) => void openExternal(url).catch((error: unknown) => console.error(error)),
    }),
  );
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  restrictPermissions(session.defaultSession, isAppUrl);
  protocol.handle(
    appScheme,
    createAppProtocolHandler({
      rootDir: join(buildDir, '../renderer'),
      csp: contentSecurityPolicy(config.platformUrl),
    }),
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
    openExternal,
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
