// Personal data (身份证号, mobile numbers) leaves the platform only to the departments whose work
// needs it: public security, the procuratorate and the courts act on identities in criminal and
// judicial procedure. Every other recipient gets the same event with those numbers masked. The
// stored event and the evidence chain keep the original.
import type { DepartmentKind } from '@fazhi/events/catalog';

const NEEDS_PERSONAL_DATA: readonly DepartmentKind[] = ['public-security', 'procuratorate', 'court'];

// 18-character resident ID: 6-digit region, 8-digit birth date, 3-digit sequence, check digit or X.
const ID_NUMBER = /(?<!\d)(\d{6})(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g;
// Mainland mobile numbers, optionally with +86.
const MOBILE = /(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

export function needsPersonalData(department: { kinds: readonly string[] }): boolean {
  return department.kinds.some((k) => (NEEDS_PERSONAL_DATA as readonly string[]).includes(k));
}

export function maskText(text: string): string {
  return text
    .replace(ID_NUMBER, (whole, region: string) => `${region}${'*'.repeat(whole.length - 10)}${whole.slice(-4)}`)
    .replace(MOBILE, (_w, head: string, _mid: string, tail: string) => `${head}****${tail}`);
}

/** A copy of `value` with every string masked; structure, keys and non-strings unchanged. */
export function maskPersonalData<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalData(v)])) as T;
  }
  return value;
}
