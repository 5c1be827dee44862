import { z } from 'zod';

// The outgoing-mail part of the configuration, merged into ConfigSchema (src/platform/config.ts).
export const MailConfigSchema = z.object({
  smtpRelayHost: z.string().min(1).optional().describe('OCTO_SMTP_RELAY_HOST: relais SMTP sortant (accusés d’enregistrement et de réception, avis de transmission). Absent : les courriels restent « en attente » dans la file d’envoi, visibles, jamais perdus.'),
  smtpRelayPort: z.coerce.number().int().min(1).max(65535).describe('OCTO_SMTP_RELAY_PORT: port du relais SMTP. Défaut : 587'),
  smtpRelaySecurity: z.enum(['starttls', 'tls', 'none']).describe('OCTO_SMTP_RELAY_SECURITY: « starttls » (chiffrement exigé après connexion, port 587), « tls » (TLS d’emblée, port 465), « none » (relais local de confiance seulement). Défaut : starttls'),
  smtpRelayUser: z.string().min(1).optional().describe('OCTO_SMTP_RELAY_USER: identifiant d’authentification auprès du relais (absent : pas d’authentification).'),
  smtpRelayPassword: z.string().min(1).optional().describe('OCTO_SMTP_RELAY_PASSWORD: mot de passe du relais (à fournir par l’environnement, jamais dans un fichier versionné).'),
  mailFrom: z.string().min(3).optional().describe('OCTO_MAIL_FROM: expéditeur par défaut des courriels, par exemple « Préfecture <ne-pas-repondre@exemple.gouv.fr> » ; une entité peut avoir le sien (octo outbox sender).'),
  smtpMaxAttempts: z.coerce.number().int().min(1).max(50).describe('OCTO_SMTP_MAX_ATTEMPTS: tentatives d’envoi d’un courriel avant de le déclarer « échoué ». Défaut : 6'),
  smtpRetrySeconds: z.coerce.number().int().min(1).max(86400).describe('OCTO_SMTP_RETRY_SECONDS: attente avant la deuxième tentative, doublée à chaque échec. Défaut : 60'),
  mailTickSeconds: z.coerce.number().int().min(1).max(3600).describe('OCTO_MAIL_TICK_SECONDS: période de la tâche qui relance les courriels en attente et envoie les accusés de réception électroniques dus. Défaut : 60'),
  publicFormPerMinute: z.coerce.number().int().min(1).max(10000).describe('OCTO_PUBLIC_FORM_PER_MINUTE: envois du formulaire public (saisine par voie électronique) acceptés par adresse IP et par minute. Défaut : 5'),
});

export function mailConfigRaw(env: NodeJS.ProcessEnv) {
  return {
    smtpRelayHost: env.OCTO_SMTP_RELAY_HOST || undefined,
    smtpRelayPort: env.OCTO_SMTP_RELAY_PORT ?? 587,
    smtpRelaySecurity: env.OCTO_SMTP_RELAY_SECURITY ?? 'starttls',
    smtpRelayUser: env.OCTO_SMTP_RELAY_USER || undefined,
    smtpRelayPassword: env.OCTO_SMTP_RELAY_PASSWORD || undefined,
    mailFrom: env.OCTO_MAIL_FROM || undefined,
    smtpMaxAttempts: env.OCTO_SMTP_MAX_ATTEMPTS ?? 6,
    smtpRetrySeconds: env.OCTO_SMTP_RETRY_SECONDS ?? 60,
    mailTickSeconds: env.OCTO_MAIL_TICK_SECONDS ?? 60,
    publicFormPerMinute: env.OCTO_PUBLIC_FORM_PER_MINUTE ?? 5,
  };
}

export type MailConfig = Readonly<z.infer<typeof MailConfigSchema>>;
