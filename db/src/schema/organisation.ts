import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  pgView,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** Roles are data so the organisation can describe them; what each may do is decided in code (auth). */
export const roles = pgTable('roles', {
  key: text('key').primaryKey(),
  position: integer('position').notNull().default(0),
});

export const businessAreas = pgTable('business_areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
  /** Where complaints for the area go first: its one CSQ administrator. */
  csqAdministratorId: uuid('csq_administrator_id').references((): AnyPgColumn => staff.id),
  email: text('email'),
  phone: text('phone'),
  postalAddress: text('postal_address'),
  createdAt: createdAt(),
});

export const serviceAreas = pgTable(
  'service_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessAreaId: uuid('business_area_id').notNull().references(() => businessAreas.id),
    code: text('code').notNull().unique(),
    nameEn: text('name_en').notNull(),
    nameCy: text('name_cy').notNull(),
    /** Services in Wales escalate to the Public Services Ombudsman for Wales. */
    nation: text('nation').$type<'england' | 'wales'>().notNull().default('england'),
    headOfServiceId: uuid('head_of_service_id').references((): AnyPgColumn => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('service_areas_business_area_idx').on(t.businessAreaId)],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceAreaId: uuid('service_area_id').notNull().references(() => serviceAreas.id),
    code: text('code').notNull().unique(),
    nameEn: text('name_en').notNull(),
    nameCy: text('name_cy').notNull(),
    email: text('email'),
    phone: text('phone'),
    postalAddress: text('postal_address'),
    createdAt: createdAt(),
  },
  (t) => [index('teams_service_area_idx').on(t.serviceAreaId)],
);

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case; sign-in compares lower-case. */
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    jobTitle: text('job_title'),
    phone: text('phone'),
    roleKey: text('role_key').notNull().references(() => roles.key),
    /** The scope of the role: national roles have none. */
    businessAreaId: uuid('business_area_id').references(() => businessAreas.id),
    serviceAreaId: uuid('service_area_id').references(() => serviceAreas.id),
    teamId: uuid('team_id').references(() => teams.id),
    passwordHash: text('password_hash'),
    passwordChangedAt: at('password_changed_at'),
    totpKey: bytea('totp_key'),
    totpEnabledAt: at('totp_enabled_at'),
    /** The last TOTP time step accepted, so a code cannot be used twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    /** From the demo seed: signs in only in demo mode, and outside it no process starts while one exists. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_email_unique').on(sql`lower(${t.email})`),
    index('staff_role_idx').on(t.roleKey),
    index('staff_team_idx').on(t.teamId),
  ],
);

/**
 * What may be shown of a member of staff outside the back office: who they are and how to reach
 * them at work, never their sign-in secrets, role or whether they are a demo account. Made by
 * migration 0019; the portal's database role reads staff only through it.
 */
export const staffContacts = pgView('staff_contacts', {
  id: uuid('id').notNull(),
  fullName: text('full_name').notNull(),
  jobTitle: text('job_title'),
  email: text('email').notNull(),
  phone: text('phone'),
  businessAreaId: uuid('business_area_id'),
  serviceAreaId: uuid('service_area_id'),
  teamId: uuid('team_id'),
  active: boolean('active').notNull(),
}).existing();

/** People whose casework may be complained about; a practitioner may also be a staff account. */
export const practitioners = pgTable(
  'practitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    staffId: uuid('staff_id').references(() => staff.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('practitioners_team_idx').on(t.teamId)],
);
