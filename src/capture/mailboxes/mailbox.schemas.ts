import { z } from 'zod';

const folderName = z.string().trim().min(1, 'nom de dossier vide').max(200);

export const MailboxSecuritySchema = z
  .enum(['tls', 'starttls', 'none'])
  .describe('tls : TLS dès la connexion (port 993) ; starttls : passage obligatoire en TLS (port 143) ; none : en clair (réseau local uniquement)');

export const MailboxCreateSchema = z.object({
  name: z.string().trim().min(1, 'nom vide').max(120).optional().describe('Libellé, par exemple « courrier@ » ; défaut : utilisateur@hôte'),
  host: z.string().trim().min(1, 'hôte vide').max(255).regex(/^[A-Za-z0-9.:\-[\]]+$/, 'nom d’hôte invalide'),
  port: z.number().int().min(1, 'port invalide').max(65535, 'port invalide'),
  security: MailboxSecuritySchema.default('tls'),
  username: z.string().min(1, 'identifiant vide').max(320),
  password: z.string().min(1, 'mot de passe vide').max(1024).describe('Chiffré au repos (AES-256-GCM), jamais renvoyé'),
  folder: folderName.default('INBOX'),
  moveTo: folderName.nullable().optional().describe('Dossier où déplacer un message enregistré ; absent : le message reste, marqué lu et « $Octo »'),
  active: z.boolean().default(true),
});
export type MailboxCreateInput = z.input<typeof MailboxCreateSchema>;

export const MailboxUpdateSchema = MailboxCreateSchema.partial().extend({
  name: z.string().trim().min(1, 'nom vide').max(120).optional(),
  security: MailboxSecuritySchema.optional(),
  folder: folderName.optional(),
  active: z.boolean().optional(),
});
export type MailboxUpdateInput = z.input<typeof MailboxUpdateSchema>;

export const MailboxViewSchema = z.object({
  id: z.string(),
  entityCode: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  security: MailboxSecuritySchema,
  username: z.string(),
  folder: z.string(),
  moveTo: z.string().nullable(),
  active: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastSyncCreated: z.number().int().describe('Courriers créés lors de la dernière relève réussie'),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable().describe('Erreur de la dernière relève, en français ; null si elle a réussi'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MailboxView = z.infer<typeof MailboxViewSchema>;

export const SyncMessageResultSchema = z.object({
  uid: z.number().int(),
  subject: z.string().nullable(),
  outcome: z.enum(['registered', 'quarantined', 'already-taken']),
  chrono: z.string().nullable(),
  quarantine: z.object({ id: z.string(), code: z.string(), message: z.string() }).nullable(),
});

export const MailboxSyncResultSchema = z.object({
  mailboxId: z.string(),
  name: z.string(),
  ok: z.boolean(),
  messages: z.array(SyncMessageResultSchema).describe('Un résultat par message relevé lors de cette relève'),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type MailboxSyncResult = z.infer<typeof MailboxSyncResultSchema>;

export const GatewayAddressSchema = z.object({
  address: z.string(),
  entityCode: z.string(),
  createdAt: z.string(),
});
export type GatewayAddressView = z.infer<typeof GatewayAddressSchema>;
