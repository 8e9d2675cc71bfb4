import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pkcs12Signer } from '../../src/modules/certificates/signers.js';

const run = promisify(execFile);

export interface TestKeys {
  dir: string;
  /** A self-signed signing certificate and key as PKCS#12, with its passphrase. */
  p12: Buffer;
  passphrase: string;
  /** A TLS certificate for 127.0.0.1, and the PEM that trusts it. */
  tlsKey: string;
  tlsCert: string;
  remove(): Promise<void>;
}

/** Made with the openssl CLI for each run: no key material is kept in the repository. */
export async function makeTestKeys(commonName: string): Promise<TestKeys> {
  const dir = await mkdtemp(path.join(tmpdir(), 'signing-'));
  const at = (f: string) => path.join(dir, f);
  const passphrase = 'rahasia-tte-2024';
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('key.pem'),
    '-out',
    at('cert.pem'),
    '-days',
    '3650',
    '-subj',
    `/CN=${commonName}/O=Pemerintah Kota Jambi/C=ID`,
  ]);
  await run('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    at('key.pem'),
    '-in',
    at('cert.pem'),
    '-out',
    at('signer.p12'),
    '-passout',
    `pass:${passphrase}`,
  ]);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('tls-key.pem'),
    '-out',
    at('tls-cert.pem'),
    '-days',
    '30',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  return {
    dir,
    p12: await readFile(at('signer.p12')),
    passphrase,
    tlsKey: await readFile(at('tls-key.pem'), 'utf8'),
    tlsCert: await readFile(at('tls-cert.pem'), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface GatewayStandIn {
  url: string;
  /** What each request carried, less the passphrase. */
  requests: Array<{ nik: string; tampilan: string | null; bytes: number }>;
  close(): Promise<void>;
}

/**
 * A local stand-in of a BSrE-style signing gateway, following its contract: HTTPS `POST` of
 * multipart/form-data with `file`, `nik`, `passphrase` (and `tampilan`); 200 with the signed PDF,
 * or 401 with `{ error }` for an unknown signer or a wrong passphrase, 400 for a missing file.
 * It signs with the PKCS#12 it holds for the one signer it knows.
 */
export async function startGatewayStandIn(
  keys: TestKeys,
  signer: { nik: string; passphrase: string },
  port: number,
): Promise<GatewayStandIn> {
  const requests: GatewayStandIn['requests'] = [];
  const sign = pkcs12Signer(keys.p12, keys.passphrase);
  const server: Server = createServer({ key: keys.tlsKey, cert: keys.tlsCert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      try {
        if (req.method !== 'POST' || req.url !== '/api/sign/pdf') return reply(404, { error: 'not found' });
        const form = await new Request('https://127.0.0.1/', {
          method: 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? '' },
          body: Buffer.concat(chunks),
        }).formData();
        const file = form.get('file');
        const nik = String(form.get('nik') ?? '');
        const tampilan = form.get('tampilan') as string | null;
        if (!(file instanceof Blob)) return reply(400, { error: 'Dokumen tidak ditemukan' });
        const pdf = Buffer.from(await file.arrayBuffer());
        requests.push({ nik, tampilan, bytes: pdf.length });
        if (nik !== signer.nik) return reply(401, { error: 'NIK tidak terdaftar' });
        if (form.get('passphrase') !== signer.passphrase) return reply(401, { error: 'Passphrase anda salah' });
        const signed = await sign.sign(pdf, {
          name: 'BSrE stand-in',
          reason: 'TTE',
          location: 'Jakarta',
          signingTime: new Date(),
        });
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(signed);
      } catch (error) {
        reply(500, { error: (error as Error).message });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `https://127.0.0.1:${port}/api/sign/pdf`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What `pdfsig` says about a PDF's signatures. */
export async function pdfsig(pdf: Buffer, dir: string): Promise<string> {
  const file = path.join(dir, `check-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  await (await import('node:fs/promises')).writeFile(file, pdf);
  try {
    const { stdout } = await run('pdfsig', [file]).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? '',
    }));
    return stdout;
  } finally {
    await rm(file, { force: true });
  }
}
