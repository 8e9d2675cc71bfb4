import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  html: string;
  /** The same for every attempt at one mail, so a receiving system can tell a repeat. */
  messageId: string;
}

/**
 * How a failed attempt ended: `rejected` when the SMTP server answered with a permanent refusal
 * (5xx), `retry` when it never took the message (not reachable, or a temporary 4xx answer),
 * `unknown` when the connection broke while the server might have accepted it.
 */
export type SendFailure = { outcome: 'rejected' | 'retry' | 'unknown'; error: string };

export interface MailTransport {
  readonly kind: 'smtp' | 'local';
  /** Resolves when the server accepted the message; rejects with a SendFailure otherwise. */
  send(mail: OutgoingMail): Promise<void>;
}

/** No SMTP server: the outbox itself is where mails are read (GET /v1/mails). */
export const localTransport: MailTransport = { kind: 'local', send: async () => undefined };

// Failures before any message was handed over: the server cannot have accepted it.
const NOT_CONNECTED =
  /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|Greeting never received|Connection timeout/i;

export function classifySendError(err: unknown): SendFailure {
  const e = err as { responseCode?: number; code?: string; command?: string; message?: string };
  const message = String(e?.message ?? err).slice(0, 500);
  if (typeof e?.responseCode === 'number') {
    // A refused login is the operator's to fix, not the recipient's: keep trying.
    if (e.responseCode >= 500 && e.code !== 'EAUTH') return { outcome: 'rejected', error: message };
    return { outcome: 'retry', error: message };
  }
  if (e?.code === 'EAUTH' || e?.code === 'ETLS' || e?.code === 'EDNS') return { outcome: 'retry', error: message };
  if (NOT_CONNECTED.test(message) || NOT_CONNECTED.test(String(e?.code ?? '')))
    return { outcome: 'retry', error: message };
  return { outcome: 'unknown', error: message };
}

/** SMTP through nodemailer: one connection per message, so nothing is left open between jobs. */
export function smtpTransport(url: string, timeoutMs: number): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await transporter.sendMail({
          from: mail.from,
          to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
        });
      } catch (err) {
        throw classifySendError(err);
      }
    },
  };
}
