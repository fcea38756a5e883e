import * as z from 'zod';

// What a department is, as far as event rights are concerned. A department may be several kinds
// (e.g. a 政府办 that also runs the 12345 hotline), so rights are granted by kind, not by name.
export const DEPARTMENT_KINDS = [
  'enforcement',
  'public-security',
  'procuratorate',
  'court',
  'propaganda',
  'cyberspace',
  'emergency',
  'finance',
  'credit',
  'justice',
  'petition',
  'government-office',
] as const;

export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const departmentKindSchema = z.enum(DEPARTMENT_KINDS);
