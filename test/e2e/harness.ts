/**
 * Browser-test harness: the real server (`node bin/itd.mjs serve` on a fresh data directory and a free port),
 * an SMTP server in this process that receives the server's e-mails, Debian's Chromium driven by
 * playwright-core, and a watch on every page for console errors, uncaught exceptions and
 * Content-Security-Policy violations.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startMailServer, type MailServer } from './mail-server.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
const CHROMIUM_PATH = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export interface E2eEnvironment {
  baseUrl: string;
  browser: Browser;
  /** Every e-mail the server sent. */
  mail: MailServer;
  /** The first Secretariat admin the server created on its empty database (printed once on its stdout). */
  firstAdmin: () => Promise<{ email: string; password: string }>;
  /** A page in a fresh browser context (own storage), watched for console errors and CSP violations. */
  openPage: (options?: BrowserContextOptions) => Promise<WatchedPage>;
  /** Screenshots of every page still open, as `<prefix>-<n>.png` (to see what a failed test was looking at). */
  screenshotOpenPages: (prefix: string) => Promise<void>;
  close: () => Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far, one line each. */
  problems: string[];
}

/** Builds the web assets when dist/web is missing (a normal run builds them beforehand with `npx vite build`). */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(join(REPO_ROOT, 'dist', 'web', 'index.html'))) return;
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed with exit code ${String(code)}`);
}

export interface E2eOptions {
  /** Runs on the server's fresh data directory before the server starts (e.g. to seed its database). */
  prepareDataDir?: (dataDir: string) => Promise<void>;
  /**
   * The host name the browser uses (default 127.0.0.1). Security keys need a domain, not an address, as their
   * relying party: `localhost` is one, and the server is told it as PUBLIC_URL.
   */
  host?: 'localhost';
}

export async function startE2eEnvironment(options: E2eOptions = {}): Promise<E2eEnvironment> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get update && apt-get install -y chromium`);
  }
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const mail = await startMailServer();
  let server: RunningServer;
  try {
    server = await startServer(
      {
        SMTP_URL: mail.url,
        // Every person of a browser test browses from 127.0.0.1, so the per-address limit would count a whole
        // group's worth of people as one client; the limits themselves are tested in http.test.ts.
        RATE_LIMIT_MAX: '5000',
      },
      options.prepareDataDir,
      options.host,
    );
  } catch (error) {
    await mail.close();
    throw error;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await server.stop();
    await mail.close();
    throw error;
  }

  const openPages: Page[] = [];
  return {
    baseUrl: server.baseUrl,
    browser,
    mail,
    firstAdmin: server.firstAdmin,
    async openPage(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      openPages.push(page);
      return { page, problems: await watchPage(page) };
    },
    async screenshotOpenPages(prefix) {
      for (const [index, page] of openPages.entries()) {
        if (!page.isClosed()) await saveScreenshot(page, `${prefix}-${index + 1}`).catch(() => undefined);
      }
    },
    async close() {
      await browser.close();
      await server.stop();
      await mail.close();
    },
  };
}

async function watchPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Belt and braces: Chromium logs CSP violations to the console, but the DOM event is the documented signal.
  // Init scripts are injected by the browser itself, so the page's CSP does not block this one.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
          `(${event.sourceFile}:${String(event.lineNumber)})`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  return problems;
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

interface RunningServer {
  baseUrl: string;
  firstAdmin: () => Promise<{ email: string; password: string }>;
  stop(): Promise<void>;
}

async function startServer(
  extraEnv: Record<string, string>,
  prepareDataDir?: (dataDir: string) => Promise<void>,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const port = await findFreePort();
  const baseUrl = `http://${host}:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'itd-e2e-'));
  if (prepareDataDir) {
    try {
      await prepareDataDir(dataDir);
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'itd.mjs'), 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ITD_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      ...(host === '127.0.0.1' ? {} : { PUBLIC_URL: baseUrl }),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const firstAdmin = watchForFirstAdmin(child, output);

  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, firstAdmin, stop };
}

const FIRST_ADMIN_LINE = /First Secretariat admin: (\S+) \/ one-time password: (\S+)/;

/**
 * Reads the first admin's credentials from the server's stdout, line by line as they come (the line may scroll
 * out of the captured output later). The promise is made at once, so no line is missed.
 */
function watchForFirstAdmin(
  child: ChildProcess,
  output: { text: () => string },
): () => Promise<{ email: string; password: string }> {
  let pending = '';
  let found: { email: string; password: string } | null = null;
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = FIRST_ADMIN_LINE.exec(line);
      if (match && !found) found = { email: match[1]!, password: match[2]! };
    }
  });
  return async () => {
    const deadline = Date.now() + 10_000;
    while (!found && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!found) {
      throw new Error(
        `the server printed no "First Secretariat admin" line.\n--- server output ---\n${output.text()}`,
      );
    }
    return found;
  };
}

function captureOutput(child: ChildProcess): { text: () => string } {
  const MAX_CHARS = 50_000;
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-MAX_CHARS);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return { text: () => text };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: { text: () => string }) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${String(child.exitCode ?? child.signalCode)}) before /readyz answered 200.\n` +
          `--- server output ---\n${output.text()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      lastProblem = `/readyz answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `the server was not ready within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}).\n` +
      `--- server output ---\n${output.text()}`,
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port found'))));
    });
  });
}

/** Runs a test's body; when it fails, keeps a screenshot of every open page to show where it stopped. */
export async function withFailureScreenshots(
  env: E2eEnvironment,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    await env.screenshotOpenPages(`failed-${name}`);
    throw error;
  }
}

/**
 * For a test file: starts the environment (web build, server, SMTP server, browser) before its tests and
 * stops it after them. Returns the accessor the tests call.
 */
export function useE2eEnvironment(options: E2eOptions = {}): () => E2eEnvironment {
  let env: E2eEnvironment | undefined;
  before(
    async () => {
      await ensureWebBuild();
      env = await startE2eEnvironment(options);
    },
    { timeout: 300_000 },
  );
  after(async () => {
    await env?.close();
  });
  return () => {
    assert.ok(env, 'the e2e environment did not start');
    return env;
  };
}
