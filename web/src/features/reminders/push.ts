import type { PushSubscriptionInput } from '@twofold/core/reminders/reminder.schemas';

/** Where this browser keeps the id of its own push subscription, to forget it later. */
const storageKey = 'twofold.push-subscription-id';

export type PushSupport = 'available' | 'unsupported' | 'denied';

export function pushSupport(): PushSupport {
  if (typeof window === 'undefined' || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return 'unsupported';
  }
  return Notification.permission === 'denied' ? 'denied' : 'available';
}

function keyBytes(base64Url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64Url + '='.repeat((4 - (base64Url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let index = 0; index < raw.length; index += 1) {
    bytes[index] = raw.charCodeAt(index);
  }
  return bytes;
}

/**
 * Asks this browser for notification permission and a push subscription with the server's VAPID
 * key (through the service worker, web/public/sw.js). Null when the person says no or the
 * browser cannot.
 */
export async function subscribeThisDevice(publicKey: string): Promise<PushSubscriptionInput | null> {
  if (pushSupport() !== 'available' || (await Notification.requestPermission()) !== 'granted') {
    return null;
  }
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.['p256dh'] || !json.keys['auth']) {
    return null;
  }
  return { endpoint: json.endpoint, keys: { p256dh: json.keys['p256dh'], auth: json.keys['auth'] } };
}

export const rememberedSubscriptionId = () => window.localStorage.getItem(storageKey);
export const rememberSubscriptionId = (id: string | null) =>
  id === null ? window.localStorage.removeItem(storageKey) : window.localStorage.setItem(storageKey, id);
