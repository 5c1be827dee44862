import { z } from 'zod';

export const ApiTokenScopeSchema = z.enum(['deposit', 'read']).describe('deposit : déposer des courriers ; read : lire les courriers de l’entité');

export const ApiTokenSchema = z.object({
  id: z.string(),
  entityCode: z.string(),
  name: z.string().describe('Nom de l’application connectée'),
  prefix: z.string().describe('Début du jeton, pour le reconnaître (pas un secret)'),
  scopes: z.array(ApiTokenScopeSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});

export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe('Le jeton, affiché cette seule fois : seule son empreinte est conservée'),
});

export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1, 'nommez l’application').max(120),
  scopes: z.array(ApiTokenScopeSchema).min(1, 'choisissez au moins une portée'),
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date au format AAAA-MM-JJ').nullable().optional().describe('Dernier jour de validité (AAAA-MM-JJ) ; absent : sans expiration'),
});

export const ApiTokenParams = z.object({ code: z.string().min(1).max(40), id: z.string().min(1).max(64) });
