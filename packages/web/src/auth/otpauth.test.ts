import { describe, expect, it } from 'vitest';
import { groupedSecret, otpauthUri } from './otpauth';

describe('otpauth URI', () => {
  it('names the issuer and the account as authenticator apps expect', () => {
    expect(otpauthUri('li.wei', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/Fazhi:li.wei?secret=JBSWY3DPEHPK3PXP&issuer=Fazhi',
    );
  });

  it('percent-encodes an account name that is an e-mail address or has spaces', () => {
    expect(otpauthUri('li wei@example.gov.cn', 'ABC')).toBe(
      'otpauth://totp/Fazhi:li%20wei%40example.gov.cn?secret=ABC&issuer=Fazhi',
    );
  });

  it('shows the secret in groups of four', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPJB')).toBe('JBSW Y3DP EHPK 3PXP JB');
  });
});
