import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { OpenedPkcs12Signer, openPkcs12 } from './pkcs12.js';

/**
 * Electronic signature (TTE) of a certificate's PDF. Two implementations: a PKCS#12 file kept by
 * the organization (signed here, PAdES-style: ETSI.CAdES.detached), and a remote signing gateway
 * of the kind Indonesian agencies use (BSrE-style), which receives the PDF and answers it signed.
 */
export interface PdfSigner {
  readonly kind: 'pkcs12' | 'gateway';
  sign(pdf: Buffer, meta: SignatureMeta): Promise<Buffer>;
}

export interface SignatureMeta {
  /** Who signs, as shown in the signature panel (the organization). */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
}

/** Signs with a PKCS#12 file; the passphrase lives only in this closure. */
export function pkcs12Signer(p12: Buffer, passphrase: string): PdfSigner {
  return {
    kind: 'pkcs12',
    async sign(pdf, meta) {
      const withPlaceholder = plainAddPlaceholder({
        pdfBuffer: pdf,
        reason: meta.reason,
        contactInfo: '',
        name: meta.name,
        location: meta.location,
        signingTime: meta.signingTime,
        subFilter: SUBFILTER_ETSI_CADES_DETACHED,
        signatureLength: 8192,
        appName: 'asn-learning-backend',
      });
      return new SignPdf().sign(withPlaceholder, new OpenedPkcs12Signer(openPkcs12(p12, passphrase)), meta.signingTime);
    },
  };
}

/** Checks a PKCS#12 file and its passphrase by signing a tiny PDF; throws when either is wrong. */
export async function checkPkcs12(p12: Buffer, passphrase: string, samplePdf: Buffer): Promise<void> {
  await pkcs12Signer(p12, passphrase).sign(samplePdf, {
    name: 'check',
    reason: 'check',
    location: 'check',
    signingTime: new Date(0),
  });
}

export interface GatewaySettings {
  /** e.g. https://tte.example.go.id/api/sign/pdf */
  url: string;
  timeoutMs: number;
  /** PEM of the CA that issued the gateway's TLS certificate, when it is a private one. */
  ca?: string;
}

export class SigningGatewayError extends Error {
  constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'SigningGatewayError';
  }
}

function multipart(fields: Record<string, string>, file: { name: string; field: string; data: Buffer }) {
  const boundary = `----sertifikat${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

function post(settings: GatewaySettings, body: Buffer, type: string): Promise<{ status: number; body: Buffer }> {
  const url = new URL(settings.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': type, 'content-length': body.length, accept: 'application/pdf' },
        timeout: settings.timeoutMs,
        ...(settings.ca ? { ca: settings.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${settings.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The remote gateway's contract (as BSrE-style services document it): `POST {url}` as
 * multipart/form-data with `file` (the PDF), `nik` (the signer's id at the gateway), `passphrase`
 * and `tampilan=invisible`; a 200 answer carries the signed PDF as `application/pdf`, anything
 * else is an error whose body may explain it. The passphrase is sent only in the form body.
 */
export function gatewaySigner(settings: GatewaySettings, signerId: string, passphrase: string): PdfSigner {
  return {
    kind: 'gateway',
    async sign(pdf) {
      const { body, type } = multipart(
        { nik: signerId, passphrase, tampilan: 'invisible' },
        { field: 'file', name: 'sertifikat.pdf', data: pdf },
      );
      let answer: { status: number; body: Buffer };
      try {
        answer = await post(settings, body, type);
      } catch (error) {
        throw new SigningGatewayError(`The signing gateway did not answer: ${(error as Error).message}`);
      }
      if (answer.status !== 200) {
        // The gateway's own words, shortened; never the request, which holds the passphrase.
        const said = answer.body.toString('utf8').slice(0, 300).replace(/\s+/g, ' ');
        throw new SigningGatewayError(`The signing gateway refused (${answer.status}): ${said}`, answer.status);
      }
      if (answer.body.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new SigningGatewayError('The signing gateway answered something that is not a PDF');
      return answer.body;
    },
  };
}
