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
  /** A person's name, as the board shows who is on duty. */
  displayName: string;
  /** A made-up mobile number (the 139 0000 range is not assigned), for the duty board's "call" line. */
  phone: string;
  roles: string[];
  departmentId: string;
}

const ROLE_NAMES: [suffix: string, role: string][] = [
  ['duty', 'duty-officer'],
  ['leader', 'duty-leader'],
  ['head', 'dept-head'],
];

// Made-up names, one per demo person, fixed by position so every start seeds the same city.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林';
const GIVEN = ['建华', '晓燕', '志强', '丽娟', '海涛', '静', '国平', '雪梅', '伟', '秀英', '振宇', '慧敏'];
const personName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
const phoneOf = (i: number) => `139 0000 ${String(1000 + i).slice(-4)}`;

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '平台管理员', phone: phoneOf(0), roles: ['admin'], departmentId: 'gov-office' },
  { username: 'auditor', displayName: '审计员', phone: phoneOf(1), roles: ['auditor'], departmentId: 'procuratorate' },
  ...DEMO_DEPARTMENTS.flatMap((dept, d) =>
    ROLE_NAMES.map(([suffix, role], r) => {
      const i = 2 + d * ROLE_NAMES.length + r;
      return {
        username: `${dept.id}.${suffix}`,
        displayName: personName(i),
        phone: phoneOf(i),
        roles: [role],
        departmentId: dept.id,
      };
    }),
  ),
];

// Demo duty rosters: day shift 08:00–20:00, night shift 20:00–08:00 (UTC+8), the department's
// `.duty` officer and `.leader` on every shift, its `.head` at the end of the chain.
const CITY_OFFSET_MS = 8 * 3_600_000;
const HALF_DAY_MS = 12 * 3_600_000;
export const DEMO_ROSTER_DAYS = 60;
/** A demo roster with less than this ahead of "now" is extended at start. */
export const DEMO_ROSTER_MIN_AHEAD_MS = 7 * 24 * 3_600_000;

export interface DemoShift {
  id: string;
  startsAt: number;
  endsAt: number;
  officer: string;
  leader: string;
}

/** The first shift hand-over (08:00 or 20:00 city time) strictly after `at`. */
function nextHandOver(at: number): number {
  const sinceEight = (at + CITY_OFFSET_MS - 8 * 3_600_000) % HALF_DAY_MS;
  return at - sinceEight + HALF_DAY_MS;
}

/** Consecutive shifts from `from` (the first one ends at the next hand-over) until at least `until`. */
export function demoShifts(departmentId: string, from: number, until: number): DemoShift[] {
  const shifts: DemoShift[] = [];
  let start = from;
  while (start < until) {
    const end = nextHandOver(start);
    const local = new Date(start + CITY_OFFSET_MS).toISOString();
    const hour = Number(local.slice(11, 13));
    const kind = hour >= 8 && hour < 20 ? 'day' : 'night';
    // A night shift belongs to the date it started on; one that started after midnight to the day before.
    const date = kind === 'night' && hour < 8 ? new Date(start + CITY_OFFSET_MS - HALF_DAY_MS).toISOString() : local;
    shifts.push({
      id: `demo-${kind}-${date.slice(0, 10)}`,
      startsAt: start,
      endsAt: end,
      officer: `${departmentId}.duty`,
      leader: `${departmentId}.leader`,
    });
    start = end;
  }
  return shifts;
}
