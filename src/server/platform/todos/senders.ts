import type { Queryable } from '../db/client.js';
import { outbox } from './schema.js';

export interface OutgoingMessage {
  to: string;
  subject?: string;
  body: string;
}

/** One interface for every outside channel; a real SMTP or SMS gateway plugs in here. */
export interface Sender {
  readonly channel: 'email' | 'sms';
  send(message: OutgoingMessage): Promise<void>;
}

export interface Senders {
  email: Sender;
  sms: Sender;
}

/** The default: keeps each message in the outbox table (visible to administrators), sends nothing. */
export class LogSender implements Sender {
  constructor(
    readonly channel: 'email' | 'sms',
    private readonly db: Queryable,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    await this.db.insert(outbox).values({
      channel: this.channel,
      recipient: message.to,
      subject: message.subject ?? null,
      body: message.body,
    });
  }
}

export const logSenders = (db: Queryable): Senders => ({
  email: new LogSender('email', db),
  sms: new LogSender('sms', db),
});
