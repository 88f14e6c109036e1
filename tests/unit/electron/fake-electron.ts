/**
 * A fake `electron` module for the main-process and preload tests: it records
 * what the code under test asks of Electron (window options, IPC handlers,
 * protocol handlers, dialogs) and lets tests fire Electron's events.
 * Test files install it with
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 */
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** A minimal EventEmitter that also tells how many listeners an event has. */
export class FakeEmitter {
  readonly #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.off(event, wrapper);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapper);
  }

  off(event: string, listener: Listener): this {
    this.#listeners.set(event, (this.#listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(event) ?? [];
    for (const listener of listeners) (listener as (...a: unknown[]) => unknown)(...args);
    return listeners.length > 0;
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  removeAllListeners(): void {
    this.#listeners.clear();
  }
}

/** An Electron-style event whose `preventDefault` is observable. */
export interface FakeEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault: () => void;
}

/** Builds an event, optionally with the URL of a navigation. */
export function fakeEvent(url?: string): FakeEvent {
  const event: FakeEvent = {
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  if (url !== undefined) event.url = url;
  return event;
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

/** The default session: records the handlers it is given. */
export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** A web contents: an emitter with a window-open handler and a session. */
export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  session: FakeSession;

  constructor(session: FakeSession) {
    super();
    this.session = session;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Messages the main process sent to the page, by channel. */
  readonly sent: Array<{ channel: string; payload: unknown }> = [];

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

interface FakeWindowOptions {
  show?: boolean;
  webPreferences?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The fake app: an emitter with the `app` methods the main process calls. */
export class FakeApp extends FakeEmitter {
  name = 'Diptych';
  isPackaged = false;
  gotLock = true;
  paths: Record<string, string> = { userData: '/nonexistent/userData' };
  appPath = '/nonexistent/app';
  version = '0.1.0-test';
  readonly requestSingleInstanceLock = vi.fn(() => {
    fake.record('requestSingleInstanceLock');
    return this.gotLock;
  });
  readonly quit = vi.fn(() => fake.record('quit'));
  readonly exit = vi.fn((code?: number) => fake.record(`exit:${code ?? 0}`));
  readonly enableSandbox = vi.fn(() => fake.record('enableSandbox'));
  readonly whenReady = vi.fn(async () => {
    fake.record('whenReady');
  });
  readonly setPath = vi.fn((name: string, path: string) => {
    this.paths[name] = path;
  });

  getPath(name: string): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`no fake path for ${name}`);
    return path;
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return this.version;
  }
}

/** A BrowserWindow that records its options and what was done to it. */
export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;

  readonly options: FakeWindowOptions;
  readonly webContents: FakeWebContents;
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  destroyed = false;
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(options: FakeWindowOptions = {}) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(fake.session.defaultSession);
    FakeBrowserWindow.instances.push(this);
    fake.record('new BrowserWindow');
    // Electron announces every new web contents on the app, which is where the guards hook in.
    fake.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Simulates the window being closed by the reader. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

/** Everything the fake records, and `reset` to start each test clean. */
export const fake = {
  /** Order in which notable calls happened, to check what ran before `ready`. */
  calls: [] as string[],
  app: new FakeApp(),
  session: { defaultSession: new FakeSession() },
  ipcHandlers: new Map<string, IpcHandler>(),
  protocolHandlers: new Map<string, ProtocolHandler>(),
  privilegedSchemes: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  exposed: new Map<string, unknown>(),
  applicationMenu: null as { template: unknown[] } | null,
  messageBoxResponse: 0,
  /** What the next open dialog answers. */
  openDialogResult: { canceled: true, filePaths: [] as string[] },
  /** Listeners the preload registered on ipcRenderer, by channel. */
  rendererListeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  record(call: string): void {
    fake.calls.push(call);
  },
  reset(): void {
    fake.calls = [];
    fake.app.removeAllListeners();
    Object.assign(fake.app, {
      name: 'Diptych',
      isPackaged: false,
      gotLock: true,
      paths: { userData: '/nonexistent/userData' },
      appPath: '/nonexistent/app',
      version: '0.1.0-test',
    });
    fake.session.defaultSession = new FakeSession();
    fake.ipcHandlers.clear();
    fake.protocolHandlers.clear();
    fake.privilegedSchemes = [];
    fake.exposed.clear();
    fake.applicationMenu = null;
    fake.messageBoxResponse = 0;
    fake.openDialogResult = { canceled: true, filePaths: [] };
    fake.rendererListeners.clear();
    FakeBrowserWindow.instances = [];
    FakeBrowserWindow.focused = null;
    vi.clearAllMocks();
  },
};

/** The named exports of the fake `electron` module. */
export const electronModule = {
  app: fake.app,
  BrowserWindow: FakeBrowserWindow,
  session: fake.session,
  ipcMain: {
    handle: vi.fn((channel: string, handler: IpcHandler) => {
      if (fake.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      fake.ipcHandlers.set(channel, handler);
    }),
  },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (!fake.rendererListeners.has(channel)) fake.rendererListeners.set(channel, new Set());
      fake.rendererListeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      fake.rendererListeners.get(channel)?.delete(listener);
    }),
  },
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      fake.exposed.set(key, api);
    }),
  },
  protocol: {
    registerSchemesAsPrivileged: vi.fn((schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) => {
      fake.record('registerSchemesAsPrivileged');
      fake.privilegedSchemes.push(...schemes);
    }),
    handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
      fake.record(`protocol.handle:${scheme}`);
      fake.protocolHandlers.set(scheme, handler);
    }),
  },
  dialog: {
    showErrorBox: vi.fn((_title: string, _content: string) => {}),
    showMessageBox: vi.fn(async (..._windowAndOptions: unknown[]) => ({ response: fake.messageBoxResponse, checkboxChecked: false })),
    showOpenDialog: vi.fn(async (..._windowAndOptions: unknown[]) => fake.openDialogResult),
  },
  shell: {
    openExternal: vi.fn(async (_url: string) => {}),
  },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => {
      fake.applicationMenu = menu;
    }),
  },
};
