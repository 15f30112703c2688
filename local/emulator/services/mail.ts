/** MailApp emulator: sendEmail recorded in an outbox, with the daily recipient quota. */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';

/**
 * Round trips and their price. Sending is a mail round trip; reading the quota is a metadata
 * read, priced like a properties read (the cost model has no price of its own for it).
 */
const COST: Record<string, CostKind> = {
  sendEmail: 'mailSend',
  getRemainingDailyQuota: 'propertiesRead',
};

/**
 * Quotas page: 100 recipients/day for consumer accounts (1,500 Workspace), reset 24 h after the
 * first request. Texts as reported (dwyl/learn-to-send-email…#376; public GAS code).
 */
export const MAIL_LIMITS = {
  consumerDailyRecipients: 100,
  workspaceDailyRecipients: 1500,
  windowMs: 24 * 60 * 60 * 1000,
  quotaExceeded: 'Service invoked too many times for one day: email.',
  noRecipient: 'Failed to send email: no recipient',
  invalidEmail: (address: string) => `Invalid email: ${address}`,
} as const;

/** The options object of sendEmail (the fields an add-on uses). */
export interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
}

/** One sent message. */
export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  attachments: number;
  /** Virtual epoch ms. */
  sentAt: number;
}

/** JSON form: the outbox and the quota window. */
export interface MailSnapshot {
  outbox: SentMail[];
  windowStart: number | null;
  used: number;
}

/** Options of {@link MailAppEmulator}. */
export interface MailAppOptions {
  /** Recipients per 24 h; 100 (consumer) unless given. */
  dailyQuota?: number;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** `MailApp`. */
export class MailAppEmulator {
  /** Sent messages, oldest first. */
  outbox: SentMail[] = [];
  private windowStart: number | null = null;
  private used = 0;
  private readonly quota: number;

  constructor(
    private readonly runtime: Runtime,
    options: MailAppOptions = {},
  ) {
    this.quota = options.dailyQuota ?? MAIL_LIMITS.consumerDailyRecipients;
  }

  getRemainingDailyQuota(): number {
    this.runtime.charge('MailApp', 'getRemainingDailyQuota', COST.getRemainingDailyQuota);
    this.roll();
    return this.quota - this.used;
  }

  /**
   * The four forms of developers.google.com/apps-script/reference/mail/mail-app:
   * `sendEmail(message)`, `sendEmail(recipient, subject, body)`,
   * `sendEmail(recipient, subject, body, options)` and `sendEmail(to, replyTo, subject, body)`
   * (four strings: the second is the reply-to address).
   */
  sendEmail(message: MailOptions): void;
  sendEmail(recipient: string, subject: string, body: string, options?: MailOptions): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  sendEmail(a: string | MailOptions, b?: string, c?: string, d: MailOptions | string = {}): void {
    this.runtime.charge('MailApp', 'sendEmail', COST.sendEmail);
    let m: MailOptions;
    if (typeof a !== 'string') m = { ...a };
    else if (typeof d === 'string') m = { to: a, replyTo: b, subject: c, body: d };
    else m = { ...d, to: a, subject: b, body: c };
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (to.length === 0) throw new GoogleException(MAIL_LIMITS.noRecipient);
    for (const address of all)
      if (!EMAIL.test(address)) throw new GoogleException(MAIL_LIMITS.invalidEmail(address));
    this.roll();
    if (this.used + all.length > this.quota) throw new GoogleException(MAIL_LIMITS.quotaExceeded);
    this.windowStart ??= this.runtime.clock.now();
    this.used += all.length;
    this.outbox.push({
      to,
      cc,
      bcc,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody ?? null,
      name: m.name ?? null,
      replyTo: m.replyTo ?? null,
      attachments: m.attachments?.length ?? 0,
      sentAt: this.runtime.clock.now(),
    });
  }

  /** The quota resets 24 h after the first request of the window. */
  private roll(): void {
    if (this.windowStart !== null && this.runtime.clock.now() >= this.windowStart + MAIL_LIMITS.windowMs) {
      this.windowStart = null;
      this.used = 0;
    }
  }

  snapshot(): MailSnapshot {
    return JSON.parse(
      JSON.stringify({ outbox: this.outbox, windowStart: this.windowStart, used: this.used }),
    );
  }

  restore(s: MailSnapshot): void {
    this.outbox = JSON.parse(JSON.stringify(s.outbox)) as SentMail[];
    this.windowStart = s.windowStart;
    this.used = s.used;
  }
}

/** Comma-separated addresses, as MailApp takes them. */
function addresses(list: string | undefined): string[] {
  return String(list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
