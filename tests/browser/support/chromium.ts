import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium (FAZHI_CHROMIUM overrides the path) with a fresh profile, quiet and offline-safe. */
export async function launchChromium(): Promise<Chromium> {
  const executablePath = process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install it with: apt-get install -y chromium fonts-wqy-zenhei (or set FAZHI_CHROMIUM).`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'fazhi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
    viewport: { width: 1440, height: 960 },
    locale: 'zh-CN',
    // Deliberately not China: every time on screen must still read as Beijing time.
    timezoneId: 'Europe/London',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Replaces the browser's Notification and counts WebAudio oscillators, so the test can see that a new alert
 * rang and notified without a desktop or a sound card.
 */
export const bellSpy = `
  window.__fazhi = { notifications: [], tones: 0 };
  class SpyNotification {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { window.__fazhi.notifications.push({ title, body: options && options.body }); }
    close() {}
  }
  Object.defineProperty(window, 'Notification', { value: SpyNotification, configurable: true });
  if (window.AudioContext) {
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function () { window.__fazhi.tones++; return create.call(this); };
  }
`;
