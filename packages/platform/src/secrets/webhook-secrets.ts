// Department webhook signing secrets are stored sealed, never in plain text: neither a table
// backup, nor the stream, nor a function other than the webhook delivery can read them.
//
// Envelope encryption: each secret gets its own data key (AES-256), which encrypts the secret with
// AES-256-GCM; only the data key's encrypted form is stored beside it. The data key comes from a
// `DataKeys` port: KMS in AWS (GenerateDataKey / Decrypt on the webhook-secrets key, which only
// exchange-set-webhook may generate with and only exchange-deliver-webhook may decrypt with), and
// locally a key file made at the runtime's first start (secrets/local-data-keys.ts). Both bind the
// data key to an encryption context naming the purpose and the department, and the secret's own
// encryption authenticates the same context, so a sealed secret copied onto another department
// does not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretContext {
  departmentId: string;
}

export const WEBHOOK_SECRET_PURPOSE = 'webhook-signing-secret';

/** The KMS encryption context (and the local AAD): purpose and department. */
export function encryptionContext(c: SecretContext): Record<string, string> {
  return { 'fazhi:purpose': WEBHOOK_SECRET_PURPOSE, 'fazhi:department': c.departmentId };
}

/** What the table holds instead of the secret. */
export interface SealedSecret {
  v: 1;
  /** The data key, encrypted by the key service (KMS ciphertext blob or the local key file's GCM). */
  edk: string;
  iv: string;
  tag: string;
  ct: string;
}

export interface DataKeys {
  generate(context: Record<string, string>): Promise<{ plaintext: Uint8Array; encrypted: Uint8Array }>;
  decrypt(encrypted: Uint8Array, context: Record<string, string>): Promise<Uint8Array>;
}

export interface SecretSealer {
  seal(secret: string, c: SecretContext): Promise<SealedSecret>;
  open(sealed: SealedSecret, c: SecretContext): Promise<string>;
}

const aad = (context: Record<string, string>) =>
  Buffer.from(
    JSON.stringify(
      Object.keys(context)
        .sort()
        .map((k) => [k, context[k]]),
    ),
  );

/** AES-256-GCM with the context as additional authenticated data. */
export function gcmSeal(key: Uint8Array, plaintext: Uint8Array, context: Record<string, string>) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(context));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

export function gcmOpen(
  key: Uint8Array,
  box: { iv: Uint8Array; tag: Uint8Array; ct: Uint8Array },
  context: Record<string, string>,
): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.iv);
  decipher.setAAD(aad(context));
  decipher.setAuthTag(box.tag);
  return Buffer.concat([decipher.update(box.ct), decipher.final()]);
}

export function envelopeSealer(keys: DataKeys): SecretSealer {
  return {
    async seal(secret, c) {
      const context = encryptionContext(c);
      const dataKey = await keys.generate(context);
      try {
        const box = gcmSeal(dataKey.plaintext, Buffer.from(secret, 'utf8'), context);
        return {
          v: 1,
          edk: Buffer.from(dataKey.encrypted).toString('base64'),
          iv: box.iv.toString('base64'),
          tag: box.tag.toString('base64'),
          ct: box.ct.toString('base64'),
        };
      } finally {
        dataKey.plaintext.fill(0);
      }
    },
    async open(sealed, c) {
      const context = encryptionContext(c);
      const key = await keys.decrypt(Buffer.from(sealed.edk, 'base64'), context);
      try {
        const b64 = (s: string) => Buffer.from(s, 'base64');
        return gcmOpen(key, { iv: b64(sealed.iv), tag: b64(sealed.tag), ct: b64(sealed.ct) }, context).toString('utf8');
      } finally {
        key.fill(0);
      }
    },
  };
}

/** For processes that hold no key (benchmarks, bare test deps): sealing or opening fails loudly. */
export const noSecrets: SecretSealer = {
  seal: () => Promise.reject(new Error('no webhook secret key is configured in this process')),
  open: () => Promise.reject(new Error('no webhook secret key is configured in this process')),
};

export function isSealed(v: unknown): v is SealedSecret {
  return (
    typeof v === 'object' && v !== null && (v as SealedSecret).v === 1 && typeof (v as SealedSecret).edk === 'string'
  );
}
