import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Outgoing e-mail. Messages never carry health information: only links and neutral words
 * (PRODUCT.md, security). Without SMTP_URL the message is written to the log instead of sent,
 * so a local Twofold works with nothing else installed.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(smtp: { url: string | null; from: string }, log: FastifyBaseLogger): Mailer {
  if (smtp.url === null) {
    return {
      send(message) {
        log.info({ mail: message }, `e-mail not sent (SMTP_URL is unset): to ${message.to}: ${message.subject}\n${message.text}`);
        return Promise.resolve();
      },
    };
  }
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async send(message) {
      await transport.sendMail({ from: smtp.from, ...message });
    },
  };
}

/** A mailer that keeps messages in memory, for tests and the browser journeys. */
export function createCapturingMailer(): Mailer & { outbox: MailMessage[] } {
  const outbox: MailMessage[] = [];
  return {
    outbox,
    send(message) {
      outbox.push(message);
      return Promise.resolve();
    },
  };
}
