import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

export const ContactInputSchema = z.object({
  kind: z.enum(['person', 'organisation']).describe('Personne ou organisation'),
  lastName: text(100).nullish().describe('Nom (personne)'),
  firstName: text(100).nullish().describe('Prénom (personne)'),
  organisation: text(200).nullish().describe('Organisation (obligatoire pour une organisation)'),
  siret: text(20).nullish().describe('SIRET, 14 chiffres (clé de Luhn vérifiée)'),
  addressLines: z.array(text(200)).max(10).optional().describe('Lignes 2 à 5 de l’adresse (norme NF Z10-011 : 38 caractères au plus)'),
  postcode: text(10).nullish(),
  city: text(100).nullish(),
  country: text(60).nullish().describe('Pays, hors France'),
  email: text(254).nullish(),
  phone: text(30).nullish(),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactCreateBody = ContactInputSchema.extend({
  confidentialEntityCode: z.string().min(1).max(40).nullish().describe('Entité pour laquelle le contact est confidentiel (seuls ses agents le voient)'),
});

export const ContactViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['person', 'organisation']),
  displayName: z.string(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  organisation: z.string().nullable(),
  siret: z.string().nullable(),
  addressLines: z.array(z.string()),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  postalAddress: z.array(z.string()).describe('L’adresse telle qu’imprimée sur une enveloppe'),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  confidentialEntityCode: z.string().nullable(),
  warnings: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof ContactViewSchema>;

export const ContactListQuery = z.object({
  q: z.string().max(200).optional().describe('Mots cherchés dans le nom, l’organisation, le courriel, le SIRET, le code postal, la ville'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DuplicateReason = z.enum(['email', 'siret', 'name_postcode']);
export const DuplicatePairSchema = z.object({
  contacts: z.tuple([ContactViewSchema, ContactViewSchema]),
  reasons: z.array(DuplicateReason),
  score: z.number().describe('Ressemblance des noms, de 0 à 1'),
});

export const MergeBody = z.object({
  sourceId: z.string().min(1).describe('Le contact fondu (il disparaît des listes)'),
  targetId: z.string().min(1).describe('Le contact conservé : il reçoit les courriers liés et complète ses champs vides'),
});
