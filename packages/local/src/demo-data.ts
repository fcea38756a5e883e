// The demo city: its departments and people. Department ids are short slugs because they appear in
// event sources (`dept.psb`) that integrators read.
import type { DepartmentKind } from '@fazhi/events/catalog';

export interface DemoDepartment {
  id: string;
  name: string;
  nameEn: string;
  kinds: DepartmentKind[];
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { id: 'justice', name: '市司法局', nameEn: 'Municipal Justice Bureau', kinds: ['justice', 'enforcement'] },
  { id: 'ndrc', name: '市发展改革委', nameEn: 'Development and Reform Commission', kinds: ['credit', 'enforcement'] },
  { id: 'psb', name: '市公安局', nameEn: 'Public Security Bureau', kinds: ['public-security'] },
  { id: 'procuratorate', name: '市人民检察院', nameEn: "Municipal People's Procuratorate", kinds: ['procuratorate'] },
  { id: 'samr', name: '市市场监管局', nameEn: 'Market Regulation Administration', kinds: ['enforcement'] },
  { id: 'propaganda', name: '市委宣传部', nameEn: 'Publicity Department', kinds: ['propaganda'] },
  { id: 'emergency', name: '市应急管理局', nameEn: 'Emergency Management Bureau', kinds: ['emergency', 'enforcement'] },
  { id: 'finance', name: '市财政局', nameEn: 'Finance Bureau', kinds: ['finance'] },
  { id: 'court', name: '市中级人民法院', nameEn: "Intermediate People's Court", kinds: ['court'] },
  { id: 'petition', name: '市信访局', nameEn: 'Letters and Visits Bureau', kinds: ['petition'] },
  { id: 'cac', name: '市委网信办', nameEn: 'Cyberspace Affairs Office', kinds: ['cyberspace'] },
  {
    id: 'gov-office',
    name: '市政府办公室',
    nameEn: 'General Office of the Municipal Government',
    kinds: ['government-office'],
  },
];

export const DEMO_PASSWORD = 'Fazhi@2026';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: string[];
  departmentId: string;
}

const ROLE_NAMES: [suffix: string, role: string, title: string][] = [
  ['duty', 'duty-officer', '值班员'],
  ['leader', 'duty-leader', '带班领导'],
  ['head', 'dept-head', '负责人'],
];

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '平台管理员', roles: ['admin'], departmentId: 'gov-office' },
  { username: 'auditor', displayName: '审计员', roles: ['auditor'], departmentId: 'procuratorate' },
  ...DEMO_DEPARTMENTS.flatMap((dept) =>
    ROLE_NAMES.map(([suffix, role, title]) => ({
      username: `${dept.id}.${suffix}`,
      displayName: `${dept.name}${title}`,
      roles: [role],
      departmentId: dept.id,
    })),
  ),
];
