// The authenticator-app form of a TOTP secret (Key URI format used by Google Authenticator and others).

const ISSUER = 'Fazhi';

/** `otpauth://totp/Fazhi:<username>?secret=…&issuer=Fazhi`, the label and values percent-encoded. */
export function otpauthUri(username: string, secret: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(username)}`;
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(ISSUER)}`;
}

/** The secret in groups of four, easier to read aloud and to type by hand. */
export function groupedSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
