import { constants, createHash, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import { Signer, SignPdfError } from '@signpdf/utils';
import forge from 'node-forge';

interface Opened {
  key: KeyObject;
  certificate: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
}

// A PKCS#12 file opened once per thread, by its digest and passphrase: opening one (key derivation,
// decryption, parsing) costs far more than a signature, and every certificate of a batch uses it.
const opened = new Map<string, Opened>();

/** Opens a PKCS#12 file: its private key and the certificate that matches it, and the chain. */
export function openPkcs12(file: Buffer, passphrase: string): Opened {
  const id = createHash('sha256').update(file).update('\u0000').update(passphrase).digest('hex');
  const cached = opened.get(id);
  if (cached) return cached;
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(file.toString('binary')), false, passphrase);
  const oids = forge.pki.oids as Record<string, string>;
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBag = bags(oids.pkcs8ShroudedKeyBag!)[0] ?? bags(oids.keyBag!)[0];
  const privateKey = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new SignPdfError('The PKCS#12 file holds no private key', SignPdfError.TYPE_INPUT);
  const chain = bags(oids.certBag!)
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c));
  const certificate = chain.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(privateKey.n) === 0 && pub.e?.compareTo(privateKey.e) === 0;
  });
  if (!certificate)
    throw new SignPdfError('No certificate in the PKCS#12 file matches its key', SignPdfError.TYPE_INPUT);
  const key = createPrivateKey(forge.pki.privateKeyToPem(privateKey));
  const result = { key, certificate, chain };
  if (opened.size > 32) opened.clear();
  opened.set(id, result);
  return result;
}

// DigestInfo prefix of SHA-256 (RFC 8017 §9.2): a PKCS#1 v1.5 signature of a digest made natively.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A CMS (PKCS#7) detached signature for PDF signing, as @signpdf's P12Signer makes it (SHA-256,
 * content type, signing time and message digest as signed attributes), but with the PKCS#12 file
 * opened once and the RSA operation done by Node's crypto instead of in JavaScript.
 */
export class OpenedPkcs12Signer extends Signer {
  constructor(private readonly p12: Opened) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const c of this.p12.chain) p7.addCertificate(c);
    const key = this.p12.key;
    p7.addSigner({
      // forge asks the key to sign the signed attributes' digest; Node does the RSA work.
      key: {
        sign: (md: forge.md.MessageDigest) =>
          privateEncrypt(
            { key, padding: constants.RSA_PKCS1_PADDING },
            Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
          ).toString('binary'),
      } as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.p12.certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
