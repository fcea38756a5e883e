// The two `DataKeys` adapters and the one factory that picks between them.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { kms } from '../aws/clients';
import { type DataKeys, envelopeSealer, gcmOpen, gcmSeal, type SecretSealer } from './webhook-secrets';

/** AWS: a fresh data key per secret from KMS, bound to the encryption context. */
export function kmsDataKeys(keyId: string): DataKeys {
  return {
    async generate(context) {
      const { sdk, client } = await kms();
      const out = await client.send(
        new sdk.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }),
      );
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: out.Plaintext, encrypted: out.CiphertextBlob };
    },
    async decrypt(encrypted, context) {
      const { sdk, client } = await kms();
      const out = await client.send(
        new sdk.DecryptCommand({ KeyId: keyId, CiphertextBlob: encrypted, EncryptionContext: context }),
      );
      if (!out.Plaintext) throw new Error('KMS returned no plaintext');
      return out.Plaintext;
    },
  };
}

/** A 256-bit key in a file, made on first use (mode 0600), read once. */
export function keyFromFile(keyFile: string): () => Buffer {
  let master: Buffer | undefined;
  return () => {
    if (master) return master;
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true });
      try {
        writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        // Another process made it first: use that one.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    chmodSync(keyFile, 0o600);
    master = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (master.length !== 32) throw new Error(`${keyFile} does not hold a 256-bit key`);
    return master;
  };
}

/**
 * Locally: a 256-bit master key in a file under the runtime's data dir, made at first start
 * (mode 0600). Data keys are random and stored encrypted under it with AES-256-GCM, the context as
 * authenticated data, as KMS binds them. Losing the file loses the stored secrets: rotate them.
 */
export function fileDataKeys(keyFile: string): DataKeys {
  const key = keyFromFile(keyFile);
  return {
    async generate(context) {
      const plaintext = randomBytes(32);
      const box = gcmSeal(key(), plaintext, context);
      return { plaintext, encrypted: Buffer.concat([box.iv, box.tag, box.ct]) };
    },
    async decrypt(encrypted, context) {
      const b = Buffer.from(encrypted);
      return gcmOpen(key(), { iv: b.subarray(0, 12), tag: b.subarray(12, 28), ct: b.subarray(28) }, context);
    },
  };
}

export type SecretKeySource = { kind: 'kms'; keyId: string } | { kind: 'file'; keyFile: string };

/** The one place that picks where webhook secrets' data keys come from. */
export function webhookSecretSealer(source: SecretKeySource): SecretSealer {
  return envelopeSealer(source.kind === 'kms' ? kmsDataKeys(source.keyId) : fileDataKeys(source.keyFile));
}
