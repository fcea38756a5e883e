// A short two-tone beep made with WebAudio (no sound file to ship or cache) and a browser notification.
import { persisted } from '../store';

let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined;
  context ??= new AudioContext();
  return context;
}

/** Browsers only let a page make sound after a user gesture: call this from one (sign-in, a click). */
export function unlockAudio(): void {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') void ctx.resume();
}

const SOUND_KEY = 'fazhi.sound';
export const soundEnabled = (): boolean => persisted.read(SOUND_KEY) !== 'off';
export const setSoundEnabled = (on: boolean): void => persisted.write(SOUND_KEY, on ? 'on' : 'off');

export function beep(): void {
  if (!soundEnabled()) return;
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume();
  const start = ctx.currentTime + 0.02;
  [880, 660, 880].forEach((frequency, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = frequency;
    const t = start + i * 0.2;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.18);
  });
}

export type NotificationState = 'unsupported' | NotificationPermission;

export const notificationState = (): NotificationState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export async function requestNotifications(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export function notify(title: string, body: string, tag: string): void {
  if (notificationState() !== 'granted') return;
  try {
    // The tag collapses repeated notifications for the same alert (e.g. its escalation) into one.
    const n = new Notification(title, { body, tag, requireInteraction: true });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    // Some platforms (Android Chrome) only allow notifications from a service worker; the sound still rings.
  }
}
