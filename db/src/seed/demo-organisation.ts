import type { RoleKey } from '@complaints/domain';

/** The demo organisation: three business areas, six service areas, twelve teams. */
export const DEMO_BUSINESS_AREAS = [
  {
    code: 'NORTH',
    nameEn: 'North',
    nameCy: 'Y Gogledd',
    email: 'csq.north@example.org',
    phone: '0300 123 4101',
    serviceAreas: [
      { code: 'NEC', nameEn: 'North East and Cumbria', nameCy: "Gogledd Ddwyrain a Chumbria", nation: 'england', teams: ['Newcastle', 'Carlisle'] },
      { code: 'YAH', nameEn: 'Yorkshire and the Humber', nameCy: "Swydd Efrog a'r Humber", nation: 'england', teams: ['Leeds', 'Hull'] },
    ],
  },
  {
    code: 'SOUTH',
    nameEn: 'South',
    nameCy: 'Y De',
    email: 'csq.south@example.org',
    phone: '0300 123 4202',
    serviceAreas: [
      { code: 'LDN', nameEn: 'London', nameCy: 'Llundain', nation: 'england', teams: ['North London', 'South London'] },
      { code: 'SEA', nameEn: 'South East', nameCy: 'De Ddwyrain', nation: 'england', teams: ['Brighton', 'Reading'] },
    ],
  },
  {
    code: 'MIDW',
    nameEn: 'Midlands and Wales',
    nameCy: 'Canolbarth Lloegr a Chymru',
    email: 'csq.midlands-wales@example.org',
    phone: '0300 123 4303',
    serviceAreas: [
      { code: 'MID', nameEn: 'Midlands', nameCy: 'Canolbarth Lloegr', nation: 'england', teams: ['Birmingham', 'Nottingham'] },
      { code: 'WAL', nameEn: 'Wales', nameCy: 'Cymru', nation: 'wales', teams: ['Cardiff', 'Swansea'] },
    ],
  },
] as const;

export const TEAM_NAMES_CY: Record<string, string> = {
  Newcastle: 'Newcastle',
  Carlisle: 'Caerliwelydd',
  Leeds: 'Leeds',
  Hull: 'Hull',
  'North London': 'Gogledd Llundain',
  'South London': 'De Llundain',
  Brighton: 'Brighton',
  Reading: 'Reading',
  Birmingham: 'Birmingham',
  Nottingham: 'Nottingham',
  Cardiff: 'Caerdydd',
  Swansea: 'Abertawe',
};

export type DemoStaff = {
  fullName: string;
  role: RoleKey;
  jobTitle: string;
  /** Business area code, service area code or team name, depending on the role. */
  businessArea?: string;
  serviceArea?: string;
  team?: string;
};

/** About 25 staff across every role. Every demo account has the same password, printed at start. */
export const DEMO_STAFF: DemoStaff[] = [
  { fullName: 'Aisha Khan', role: 'csq_administrator', jobTitle: 'CSQ administrator', businessArea: 'NORTH' },
  { fullName: 'Tom Hughes', role: 'csq_administrator', jobTitle: 'CSQ administrator', businessArea: 'SOUTH' },
  { fullName: 'Carys Jones', role: 'csq_administrator', jobTitle: 'Gweinyddwr CSQ / CSQ administrator', businessArea: 'MIDW' },
  { fullName: 'Helen Okafor', role: 'head_of_service', jobTitle: 'Head of Service', serviceArea: 'NEC' },
  { fullName: 'Imran Siddiqui', role: 'head_of_service', jobTitle: 'Head of Service', serviceArea: 'YAH' },
  { fullName: 'Grace Adeyemi', role: 'head_of_service', jobTitle: 'Head of Service', serviceArea: 'LDN' },
  { fullName: 'Peter Clarke', role: 'head_of_service', jobTitle: 'Head of Service', serviceArea: 'SEA' },
  { fullName: 'Mandeep Gill', role: 'head_of_service', jobTitle: 'Head of Service', serviceArea: 'MID' },
  { fullName: 'Rhian Evans', role: 'head_of_service', jobTitle: 'Pennaeth Gwasanaeth / Head of Service', serviceArea: 'WAL' },
  { fullName: 'David Brown', role: 'responding_manager', jobTitle: 'Service manager', team: 'Newcastle' },
  { fullName: 'Sarah Wilson', role: 'responding_manager', jobTitle: 'Service manager', team: 'Carlisle' },
  { fullName: 'Yusuf Ali', role: 'responding_manager', jobTitle: 'Service manager', team: 'Leeds' },
  { fullName: 'Emma Taylor', role: 'responding_manager', jobTitle: 'Service manager', team: 'Hull' },
  { fullName: 'Kwame Mensah', role: 'responding_manager', jobTitle: 'Service manager', team: 'North London' },
  { fullName: 'Sophie Martin', role: 'responding_manager', jobTitle: 'Service manager', team: 'South London' },
  { fullName: 'Liam Murphy', role: 'responding_manager', jobTitle: 'Service manager', team: 'Brighton' },
  { fullName: 'Priya Patel', role: 'responding_manager', jobTitle: 'Service manager', team: 'Birmingham' },
  { fullName: 'Owain Williams', role: 'responding_manager', jobTitle: 'Rheolwr gwasanaeth / Service manager', team: 'Cardiff' },
  { fullName: 'Ffion Thomas', role: 'responding_manager', jobTitle: 'Rheolwr gwasanaeth / Service manager', team: 'Swansea' },
  { fullName: 'Rachel Green', role: 'csq_manager', jobTitle: 'CSQ manager', businessArea: 'NORTH' },
  { fullName: 'Jamal Robinson', role: 'csq_manager', jobTitle: 'CSQ manager', businessArea: 'SOUTH' },
  { fullName: 'Elin Roberts', role: 'csq_manager', jobTitle: 'Rheolwr CSQ / CSQ manager', businessArea: 'MIDW' },
  { fullName: 'Margaret Lewis', role: 'national_office', jobTitle: 'National complaints lead' },
  { fullName: 'Chen Wei', role: 'national_office', jobTitle: 'Quality and learning analyst' },
  { fullName: 'Sam Fletcher', role: 'system_administrator', jobTitle: 'System administrator' },
];

/** Practitioners whose casework complaints are about: two per team. */
export const DEMO_PRACTITIONERS: Record<string, string[]> = {
  Newcastle: ['Joanne Carr', 'Mark Dixon'],
  Carlisle: ['Lucy Bell', 'Andrew Graham'],
  Leeds: ['Nadia Hussain', 'Gareth Shaw'],
  Hull: ['Kate Walsh', 'Ben Turner'],
  'North London': ['Adaeze Obi', 'Daniel Cohen'],
  'South London': ['Maria Silva', 'Joseph Kamara'],
  Brighton: ['Hannah Price', 'Oliver Reed'],
  Reading: ['Zara Ahmed', 'Chris Allen'],
  Birmingham: ['Harjit Kaur', 'Paul Walker'],
  Nottingham: ['Leanne Ward', 'Simon Hall'],
  Cardiff: ['Siân Morgan', 'Rhys Davies'],
  Swansea: ['Megan Rees', 'Dylan Price'],
};

export function demoEmail(fullName: string): string {
  return `${fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@example.org`;
}

