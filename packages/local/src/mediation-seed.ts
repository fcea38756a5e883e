// The demo city's "1+4+N" mediation (DOMAIN.md §3): the hub under 市司法局, the four default
// channels, thirteen organisations across two streets, a town and two of its villages, their
// mediators (each a user of the workspace), the dispatch rules, and a duty roster for each
// township 司法所 whose people on duty get the alerts of their organisations' clocks. Seeded once:
// a structure the city has edited since is left alone.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_CHANNELS, type MediationStructure, type Organisation } from '@fazhi/domain/mediation/structure';
import type { DispatchRule } from '@fazhi/domain/mediation/suggest';
import { getRoster, putRoster } from '@fazhi/functions/alerts/shared/rosters';
import { getRules, getStructure, putRules, putStructure } from '@fazhi/functions/mediation/shared/config-store';
import { commit, TransactionConflict } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { departmentItem, departmentKey, invalidateDepartmentCache } from '@fazhi/platform/repos/departments';
import { putPerson } from '@fazhi/platform/repos/people';
import { DEMO_PASSWORD, DEMO_ROSTER_DAYS, DEMO_ROSTER_MIN_AHEAD_MS, demoShifts } from './demo-data';
import { hashPassword, userKey } from './local-idp';

/** Township justice offices (司法所): departments whose rosters answer for their committees' clocks. */
export const MEDIATION_DEPARTMENTS = [
  { id: 'sfs-fanluoshan', name: '范罗山街道司法所', nameEn: 'Fanluoshan Street Justice Office' },
  { id: 'sfs-tianmenshan', name: '天门山街道司法所', nameEn: 'Tianmenshan Street Justice Office' },
  { id: 'sfs-jingshan', name: '荆山镇司法所', nameEn: 'Jingshan Town Justice Office' },
];

const REGIONS = [
  { code: '340202', name: '镜湖区' },
  { code: '340202001', name: '范罗山街道' },
  { code: '340202002', name: '天门山街道' },
  { code: '340202100', name: '荆山镇' },
  { code: '340202100201', name: '荆山镇向阳村' },
  { code: '340202100202', name: '荆山镇红旗村' },
];

type M = [id: string, name: string, fullTime: boolean, username?: string];
const GENERAL = ['marriage_family', 'neighbourhood', 'housing_homestead', 'contract', 'damages', 'other'];

function org(
  id: string,
  name: string,
  kind: Organisation['kind'],
  channelId: string,
  regionCode: string,
  disputeTypes: string[],
  mediators: M[],
  departmentId?: string,
): Organisation {
  return {
    id,
    name,
    kind,
    channelId,
    regionCode,
    disputeTypes,
    // The first mediator who signs in heads the committee (调委会主任): fanluoshan.zhou, tianmenshan.li, …
    mediators: mediators.map(([mid, mname, fullTime, username], i) => ({
      id: mid,
      name: mname,
      phone: `1390001${String(2000 + mediators.length * 10 + i).slice(-4)}`,
      qualifications: fullTime ? ['人民调解员资格'] : [],
      fullTime,
      ...(username ? { username } : {}),
      ...(username && mediators.findIndex((m) => m[3]) === i ? { head: true } : {}),
    })),
    ...(departmentId ? { departmentId } : {}),
    active: true,
  };
}

export const DEMO_MEDIATION_STRUCTURE: MediationStructure = {
  hub: {
    name: '镜湖区矛盾纠纷多元化解中心',
    regionCode: '340202',
    departmentId: 'justice',
    riskReportDepartmentId: 'psb',
  },
  regions: REGIONS,
  channels: DEFAULT_CHANNELS,
  organisations: [
    org(
      'fanluoshan',
      '范罗山街道人民调解委员会',
      'township',
      'people',
      '340202001',
      GENERAL,
      [
        ['fls-zhou', '周立新', true, 'fanluoshan.zhou'],
        ['fls-wu', '吴春梅', true, 'fanluoshan.wu'],
      ],
      'sfs-fanluoshan',
    ),
    org(
      'fanluoshan-labour',
      '范罗山街道劳动争议调解委员会',
      'professional',
      'people',
      '340202001',
      ['labour'],
      [
        ['flsl-wang', '王建国', true, 'fanluoshan-labour.wang'],
        ['flsl-zhao', '赵敏', false, 'fanluoshan-labour.zhao'],
      ],
      'sfs-fanluoshan',
    ),
    org(
      'fanluoshan-market',
      '范罗山农贸市场派驻调解室',
      'embedded',
      'people',
      '340202001',
      ['consumer', 'contract'],
      [['flsm-sun', '孙国强', false]],
      'sfs-fanluoshan',
    ),
    org(
      'tianmenshan',
      '天门山街道人民调解委员会',
      'township',
      'people',
      '340202002',
      GENERAL,
      [
        ['tms-li', '李红', true, 'tianmenshan.li'],
        ['tms-he', '何志明', false],
      ],
      'sfs-tianmenshan',
    ),
    org(
      'jingshan',
      '荆山镇人民调解委员会',
      'township',
      'people',
      '340202100',
      [...GENERAL, 'forest_land', 'land_acquisition'],
      [
        ['js-chen', '陈德福', true, 'jingshan.chen'],
        ['js-lin', '林秀英', true, 'jingshan.lin'],
        ['js-ma', '马永刚', false],
      ],
      'sfs-jingshan',
    ),
    org(
      'xiangyang-village',
      '荆山镇向阳村人民调解委员会',
      'village',
      'people',
      '340202100201',
      GENERAL,
      [
        ['xy-guo', '郭长贵', true],
        ['xy-hu', '胡桂兰', false],
      ],
      'sfs-jingshan',
    ),
    org(
      'hongqi-village',
      '荆山镇红旗村人民调解委员会',
      'village',
      'people',
      '340202100202',
      GENERAL,
      [['hq-xu', '徐大海', false]],
      'sfs-jingshan',
    ),
    org(
      'district-medical',
      '镜湖区医疗纠纷人民调解委员会',
      'professional',
      'people',
      '340202',
      ['medical'],
      [
        ['med-yang', '杨医平', true, 'medical.yang'],
        ['med-huang', '黄仁心', true],
      ],
    ),
    org(
      'district-traffic',
      '镜湖区道路交通事故纠纷人民调解委员会',
      'professional',
      'people',
      '340202',
      ['traffic', 'damages'],
      [['trf-liu', '刘安行', true, 'traffic.liu']],
    ),
    org(
      'district-property',
      '镜湖区物业纠纷人民调解委员会',
      'industry',
      'people',
      '340202',
      ['property_management'],
      [['prop-zhang', '张安居', true, 'property.zhang']],
    ),
    org(
      'consumer-admin',
      '区市场监管局消费纠纷行政调解室',
      'administrative',
      'administrative',
      '340202',
      ['consumer'],
      [['cons-qian', '钱守信', true]],
    ),
    org(
      'court-room',
      '镜湖区人民法院诉调对接调解室',
      'judicial',
      'judicial',
      '340202',
      ['contract', 'damages', 'labour', 'business'],
      [['crt-song', '宋明法', true, 'court-room.song']],
    ),
    org(
      'petition-room',
      '区信访局访调对接调解室',
      'petition',
      'petition',
      '340202',
      ['land_acquisition', 'property_management', 'other'],
      [['pet-deng', '邓为民', true]],
    ),
  ],
};

export const DEMO_DISPATCH_RULES: DispatchRule[] = [
  { id: 'labour-fanluoshan', disputeTypes: ['labour'], regionPrefix: '340202001', organisationId: 'fanluoshan-labour' },
  { id: 'medical', disputeTypes: ['medical'], organisationId: 'district-medical' },
  { id: 'traffic', disputeTypes: ['traffic'], organisationId: 'district-traffic' },
  { id: 'property', disputeTypes: ['property_management'], organisationId: 'district-property' },
  {
    id: 'land-jingshan',
    disputeTypes: ['forest_land', 'land_acquisition'],
    regionPrefix: '340202100',
    organisationId: 'jingshan',
  },
];

/** Users of the hub and of the organisations; every one with the demo password. */
export const MEDIATION_USERS = [
  { username: 'justice.hub', displayName: '沈调度', roles: ['mediation-hub'], departmentId: 'justice' },
  ...DEMO_MEDIATION_STRUCTURE.organisations.flatMap((o) =>
    o.mediators.flatMap((m) =>
      m.username
        ? [
            {
              username: m.username,
              displayName: m.name,
              roles: ['mediator'],
              departmentId: o.departmentId ?? 'justice',
            },
          ]
        : [],
    ),
  ),
];

async function seedRoster(d: PlatformDeps, departmentId: string, officer: string, leader: string): Promise<void> {
  const now = d.clock.now();
  const current = await getRoster(d, departmentId);
  const lastEnd = current?.shifts.at(-1)?.endsAt;
  if (lastEnd !== undefined && lastEnd - now >= DEMO_ROSTER_MIN_AHEAD_MS) return;
  const shifts = demoShifts(departmentId, now, now + DEMO_ROSTER_DAYS * 86_400_000).map((s) => ({
    ...s,
    officer,
    leader,
  }));
  await commit(d, [
    putRoster(d, { departmentId, head: 'justice.head', shifts, version: (current?.version ?? 0) + 1 }),
  ]).catch((e: unknown) => {
    if (!(e instanceof TransactionConflict)) throw e;
  });
}

export async function seedMediationDemo(d: PlatformDeps): Promise<void> {
  await Promise.all(
    MEDIATION_DEPARTMENTS.map(async (dept) => {
      const exists = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: departmentKey(dept.id) }));
      if (!exists.Item)
        await d.ddb.send(
          new PutCommand({
            TableName: d.tableName,
            Item: departmentItem({ ...dept, kinds: ['justice'], version: 1 }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
    }),
  );
  invalidateDepartmentCache();
  const hash = await hashPassword(DEMO_PASSWORD);
  await Promise.all(
    MEDIATION_USERS.map(async (u, i) => {
      const exists = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: userKey(u.username) }));
      const phone = `139 0001 ${String(1000 + i).slice(-4)}`;
      if (!exists.Item)
        await d.ddb.send(
          new PutCommand({
            TableName: d.tableName,
            Item: { ...userKey(u.username), type: 'user', ...u, phone, passwordHash: hash },
          }),
        );
      await putPerson(d, { username: u.username, departmentId: u.departmentId, displayName: u.displayName, phone });
    }),
  );
  // Each 司法所's first two mediators with a login stand duty for its committees.
  await Promise.all(
    MEDIATION_DEPARTMENTS.map((dept) => {
      const people = MEDIATION_USERS.filter((u) => u.departmentId === dept.id).map((u) => u.username);
      return seedRoster(d, dept.id, people[0]!, people[1] ?? people[0]!);
    }),
  );
  const [structure, rules] = await Promise.all([getStructure(d), getRules(d)]);
  const writes = [
    ...(structure ? [] : [putStructure(d, undefined, DEMO_MEDIATION_STRUCTURE, 'seed')]),
    ...(rules ? [] : [putRules(d, undefined, DEMO_DISPATCH_RULES, 'seed')]),
  ];
  if (writes.length > 0)
    await commit(d, writes).catch((e: unknown) => {
      if (!(e instanceof TransactionConflict)) throw e;
    });
}
