import webpush from 'web-push';

/**
 * Web Push with VAPID (RFC 8292), through the `web-push` library, which encrypts the payload
 * for the device (RFC 8291). Only the fixed reminder words travel, and the push service sees
 * only ciphertext.
 */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushSender {
  /** 'gone' when the push service says the subscription no longer exists (404/410): forget it. */
  send(target: PushTarget, payload: string): Promise<'sent' | 'gone'>;
}

export function createPushSender(vapid: { publicKey: string; privateKey: string; subject: string } | null): PushSender | null {
  if (vapid === null) {
    return null;
  }
  return {
    async send(target, payload) {
      try {
        await webpush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
          vapidDetails: vapid,
          TTL: 60 * 60,
          urgency: 'normal',
        });
        return 'sent';
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) {
          return 'gone';
        }
        throw error;
      }
    },
  };
}

/** A sender that keeps what it would have sent, for tests. */
export function createCapturingPushSender(): PushSender & { sent: Array<{ target: PushTarget; payload: string }> } {
  const sent: Array<{ target: PushTarget; payload: string }> = [];
  return {
    sent,
    send(target, payload) {
      sent.push({ target, payload });
      return Promise.resolve('sent');
    },
  };
}
