import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Headers by lower-case name (the first of each). */
  headers: Record<string, string>;
  /** The body with quoted-printable soft breaks and escapes undone, good enough to find links in. */
  body: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** What the server answers to recipients: accept, or refuse for now (451) / for good (550). */
  mode: 'accept' | 'busy' | 'refuse';
  /** Refused attempts, counted. */
  refusals: number;
  /** Stops listening (the server is down); start() listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Quoted-printable (body, or a Q-encoded header word with `_` for space) as UTF-8 text. */
function decodeQuotedPrintable(s: string, header = false): string {
  const text = (header ? s.replace(/_/g, ' ') : s).replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) as text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text, true),
    );
}

function parse(raw: string, to: string[]): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] ??= decodeHeader(line.slice(i + 1).trim());
  }
  return { to, raw, headers, body: decodeQuotedPrintable(rest.join('\n\n')) };
}

/** A real SMTP server in the test's process, with login `mailer` / `mailer-secret`. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    port: 0,
    received: [],
    mode: 'accept',
    refusals: 0,
    stop: async () => undefined,
    start: async () => undefined,
  };
  let server: SMTPServer | undefined;
  const make = () =>
    new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 'mailer-secret') callback(null, { user: 'mailer' });
        else callback(new Error('Invalid username or password'));
      },
      onRcptTo(_address, _session, callback) {
        if (state.mode === 'accept') return callback();
        state.refusals += 1;
        const err = new Error(state.mode === 'busy' ? 'Try again later' : 'No such mailbox') as Error & {
          responseCode: number;
        };
        err.responseCode = state.mode === 'busy' ? 451 : 550;
        callback(err);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          state.received.push(
            parse(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
  state.start = async () => {
    server = make();
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(state.port, '127.0.0.1', () => resolve());
    });
    state.port = (server.server.address() as AddressInfo).port;
  };
  state.stop = async () => {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await state.start();
  return state;
}
