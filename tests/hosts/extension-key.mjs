// A development `key` for an unpacked extension, and the id Chromium derives from it, so the
// test knows the extension's id (and its https://<id>.chromiumapp.org/ redirect URI) up front.
import { createHash, generateKeyPairSync } from 'node:crypto';

/// A fresh RSA public key, base64 DER (SubjectPublicKeyInfo): the manifest's `key` field.
export function devKey() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/// Chromium's extension id: the first 128 bits of SHA-256(key DER), hex digits 0-f as a-p.
export function extensionId(key) {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
