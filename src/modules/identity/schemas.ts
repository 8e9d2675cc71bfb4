import { z } from 'zod';
import { isValidTimeZone } from '../../config.js';
import { pageSchema, paginationQuery } from '../../http/pagination.js';
import { normalizeNip } from './nip.js';
import { personSearchQuery } from './search.js';
import { COMMON_PASSWORD, isCommonPassword, isOwnIdentifier, OWN_IDENTIFIER } from './password-policy.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';
import { LANGS } from '../../i18n/index.js';

export const roles = ['platform_admin', 'org_admin', 'instructor', 'participant'] as const;
export const memberRoles = ['org_admin', 'instructor', 'participant'] as const;
export const statuses = ['active', 'pending', 'disabled'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
/** A new password, by the policy everywhere: length and not one of the most common. */
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .refine((p) => !isCommonPassword(p), COMMON_PASSWORD);
const ownIdentifier = { message: OWN_IDENTIFIER, path: ['password'] };
const timeZone = z.string().refine(isValidTimeZone, 'validation.timeZone');
/** A NIP of either kind; spaces, dots and dashes are stripped first, as in files. */
export const nipField = z
  .string()
  .max(40)
  .transform(normalizeNip)
  .pipe(z.string().regex(/^\d{18}$/, 'validation.nipDigits'))
  .describe('18 digits (PNS NIP or PPPK number); spaces, dots and dashes are ignored');
const nip = nipField;
const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const idParams = z.strictObject({ id: z.uuid() });

// ---- organizations ----

export const organizationSettings = z.strictObject({
  minutesPerJp: z.number().int().min(1).max(240),
  annualJpTarget: z.number().min(0).max(1000).describe('JP a PNS must earn in a year (PP 17/2020: 20)'),
  annualJpTargetPppk: z.number().min(0).max(1000).describe('JP a PPPK is to earn in a year'),
  allowNonAsnParticipants: z.boolean().describe('Whether people without a NIP may be enrolled by email'),
  mailFrom: z
    .strictObject({
      name: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .regex(/^[^\r\n<>"]+$/, 'No line breaks, angle brackets or quotes'),
      address: z.email().max(254),
    })
    .nullable()
    .optional()
    .describe(
      'The sender of this organization\u2019s mails, e.g. { "name": "BKPSDM Kota Jambi", "address": "diklat@jambikota.go.id" }; null: the server\u2019s MAIL_FROM. The SMTP server must be allowed to send for that domain (SPF/DKIM).',
    ),
  paceReminders: z
    .boolean()
    .optional()
    .describe(
      'Whether participants behind pace in an open online phase get a reminder mail, at most one a day (default true)',
    ),
});

export const DEFAULT_ORGANIZATION_SETTINGS: z.infer<typeof organizationSettings> = {
  minutesPerJp: 45,
  annualJpTarget: 20,
  annualJpTargetPppk: 24,
  allowNonAsnParticipants: false,
};

export const organizationCreate = z.strictObject({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'validation.organizationCode'),
  name: text(200),
  timeZone: timeZone.optional(),
  settings: organizationSettings.partial().optional(),
});

export const organizationUpdate = z.strictObject({
  name: text(200).optional(),
  timeZone: timeZone.optional(),
  settings: organizationSettings.partial().optional(),
});

export const organization = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  settings: organizationSettings,
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const organizationList = pageSchema(organization);
export const organizationListQuery = z.strictObject({ ...paginationQuery });

// ---- users ----

const profile = {
  name: text(200),
  birthPlace: text(100).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  rank: text(100).nullable().optional(),
  position: text(200).nullable().optional(),
  unit: text(200).nullable().optional(),
  category: text(50).nullable().optional(),
};

export const userCreate = z
  .strictObject({
    orgId: z.uuid().optional().describe('For platform admins: the organization the membership is in'),
    role: z.enum(roles),
    nip: nip.optional(),
    email: email.optional(),
    password: password.optional(),
    ...profile,
  })
  .refine((u) => u.nip !== undefined || u.email !== undefined, {
    message: 'validation.loginNeeded',
    path: ['nip'],
  })
  .refine((u) => !u.password || !isOwnIdentifier(u.password, [u.nip, u.email]), ownIdentifier);

export const userUpdate = z
  .strictObject({
    role: z.enum(roles).optional(),
    status: z.enum(['active', 'disabled']).optional(),
    nip: nip.nullable().optional(),
    email: email.nullable().optional(),
    password: password.optional(),
    ...profile,
    name: profile.name.optional(),
  })
  .refine((u) => !u.password || !isOwnIdentifier(u.password, [u.nip, u.email]), ownIdentifier);

export const user = z.object({
  id: z.uuid(),
  homeOrgId: z.uuid().nullable().describe('The person\u2019s own instansi, when it is an organization here'),
  role: z.enum(roles).describe('The strongest role in the organization asking (platform_admin for platform admins)'),
  roles: z.array(z.enum(memberRoles)).describe('Every role in the organization asking'),
  status: z.enum(statuses),
  nip: z.string().nullable(),
  nipKind: z.enum(['pns', 'pppk']).nullable(),
  email: z.string().nullable(),
  name: z.string(),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable(),
  rank: z.string().nullable(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
  category: z.string().nullable(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const userList = pageSchema(user);
export const userListQuery = z.strictObject({
  ...paginationQuery,
  ...personSearchQuery,
  role: z.enum(roles).optional(),
  status: z.enum(statuses).optional(),
  orgId: z.uuid().optional(),
});

// ---- auth ----

export const loginBody = z.strictObject({
  login: z.string().trim().min(1).max(254).describe('NIP (18 digits) or email'),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  organizationId: z
    .uuid()
    .optional()
    .describe('The organization to act in, for people with roles in several (default: the strongest role)'),
});

export const switchOrganizationBody = z.strictObject({ organizationId: z.uuid() });

export const activateBody = z
  .strictObject({
    login: z.string().trim().min(1).max(254).describe('NIP (18 digits) or email'),
    code: z.string().trim().min(1).max(40).describe('The one-time activation code, e.g. K7QM-2XHP-9RTD'),
    password,
  })
  .refine((a) => !isOwnIdentifier(a.password, [a.login]), ownIdentifier);

export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export const tokenPair = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().describe('Seconds until the access token expires'),
  refreshToken: z.string(),
  refreshExpiresAt: z.date(),
});

const orgRef = organization.pick({ id: true, code: true, name: true });

export const me = user.extend({
  organization: organization
    .pick({ id: true, code: true, name: true, timeZone: true })
    .nullable()
    .describe('The organization this login acts in'),
  homeOrganization: orgRef.nullable(),
  memberships: z.array(orgRef.extend({ roles: z.array(z.enum(memberRoles)) })),
  locale: z
    .enum(LANGS)
    .nullable()
    .describe('The language chosen for problem texts, import reasons and reports; null: as Accept-Language asks'),
});

export const meUpdate = z.strictObject({
  locale: z
    .enum(LANGS)
    .nullable()
    .describe('id (Indonesian) or en (English); null to follow the Accept-Language header again'),
});

export const trainingHistory = z.object({
  userId: z.uuid(),
  scope: z
    .enum(['all', 'own'])
    .describe(
      'all: every organizer (the home organization and platform admins); own: this organization\u2019s programs',
    ),
  items: z.array(
    z.object({
      enrollmentId: z.uuid(),
      organizer: orgRef,
      program: z.object({ code: z.string(), title: z.string() }),
      cohort: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      status: z.string(),
      jp: z.number(),
      result: z.object({ finalScore: z.number().nullable(), predikat: z.string().nullable() }).nullable(),
      certificateNumber: z.string().nullable(),
    }),
  ),
});

export type OrganizationCreate = z.infer<typeof organizationCreate>;
export type OrganizationUpdate = z.infer<typeof organizationUpdate>;
export type UserCreate = z.infer<typeof userCreate>;
export type UserUpdate = z.infer<typeof userUpdate>;
export type UserListQuery = z.infer<typeof userListQuery>;
