import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AuthConfigSchema, authConfigRaw, checkAuthConfig } from './auth/auth-config.ts';
import { MailConfigSchema, mailConfigRaw } from './mail/mail-config.ts';

// Every OCTO_* variable is declared here once, with its documentation; nothing else
// reads process.env. Defaults run the embedded mode with zero configuration.
const ConfigSchema = z.object({
  ...AuthConfigSchema.shape,
  ...MailConfigSchema.shape,
  dataDir: z.string().min(1).describe('OCTO_DATA_DIR: dossier des données (base SQLite, fichiers). Défaut : ./data'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgres:// ou postgresql://')
    .optional()
    .describe('DATABASE_URL: PostgreSQL (mode réparti). Absent : SQLite embarqué dans OCTO_DATA_DIR.'),
  host: z.string().describe('OCTO_HOST: adresse d’écoute du serveur web. Défaut : 127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).describe('OCTO_PORT: port du serveur web. Défaut : 3000'),
  ocrWorkers: z.coerce.number().int().min(1).max(64).describe('OCTO_OCR_WORKERS: nombre de moteurs OCR en parallèle. Défaut : nombre de cœurs'),
  ocrEngine: z.enum(['tesseract.js', 'native', 'auto']).describe('OCTO_OCR_ENGINE: moteur OCR. « tesseract.js » (WebAssembly livré par npm, fonctionne partout), « native » (tesseract de Debian, environ deux fois plus rapide et plus sobre en mémoire ; paquets tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng), « auto » (natif si « tesseract --list-langs » donne fra et eng, sinon tesseract.js). Défaut : tesseract.js'),
  jobConcurrency: z.coerce.number().int().min(1).max(64).describe('OCTO_JOB_CONCURRENCY: traitements menés de front par processus. Défaut : 2'),
  jobLeaseSeconds: z.coerce.number().int().min(2).max(86400).describe('OCTO_JOB_LEASE_SECONDS: (SQLite) bail d’un traitement, renouvelé tant que son processus vit ; à son expiration un traitement interrompu (panne) est repris. Défaut : 60'),
  jobTimeoutSeconds: z.coerce.number().int().min(5).max(86400).describe('OCTO_JOB_TIMEOUT_SECONDS: (PostgreSQL) durée après laquelle un traitement sans réponse est considéré comme interrompu et relancé. Défaut : 1800'),
  maxUploadMb: z.coerce.number().positive().describe('OCTO_MAX_UPLOAD_MB: taille maximale d’un fichier déposé, en Mo. Défaut : 100'),
  maxPixelsPerPage: z.coerce.number().int().positive().describe('OCTO_MAX_PIXELS_PER_PAGE: nombre maximal de pixels d’une page image (protection contre les « bombes »). Défaut : 40 000 000'),
  maxPages: z.coerce.number().int().positive().describe('OCTO_MAX_PAGES: nombre maximal de pages d’un document. Défaut : 500'),
  reminderThresholds: z.string().regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, 'OCTO_REMINDER_THRESHOLDS : des nombres de jours ouvrés séparés par des virgules, par exemple 10,3').describe('OCTO_REMINDER_THRESHOLDS: rappels avant échéance, en jours ouvrés avant la date de décision implicite ou la fin du délai de pièces manquantes, par défaut pour toute entité (chaque entité peut fixer les siens). Défaut : 10,3'),
  reminderIntervalMinutes: z.coerce.number().int().min(1).max(1440).describe('OCTO_REMINDER_INTERVAL_MINUTES: intervalle entre deux calculs des rappels par les processus de traitement. Défaut : 60'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).describe('OCTO_LOG_LEVEL: niveau de journalisation. Défaut : info'),
  clamavSocket: z.string().min(1).optional().describe('OCTO_CLAMAV_SOCKET: socket Unix de clamd (ClamAV), par exemple /run/clamav/clamd.ctl : chaque fichier reçu est analysé avant d’être enregistré. Absent (et OCTO_CLAMAV_HOST absent) : aucune analyse antivirus'),
  clamavHost: z.string().min(1).optional().describe('OCTO_CLAMAV_HOST: adresse de clamd en TCP (à la place du socket Unix)'),
  clamavPort: z.coerce.number().int().min(1).max(65535).describe('OCTO_CLAMAV_PORT: port TCP de clamd. Défaut : 3310'),
  clamavTimeoutSeconds: z.coerce.number().int().min(1).max(3600).describe('OCTO_CLAMAV_TIMEOUT_SECONDS: délai maximal d’une analyse ; au-delà, le fichier est retenu en quarantaine et analysé de nouveau plus tard. Défaut : 60'),
  clamavMaxMb: z.coerce.number().positive().describe('OCTO_CLAMAV_MAX_MB: taille maximale envoyée à clamd, en Mo (StreamMaxLength de clamd doit être au moins égal) ; un fichier plus gros est retenu en quarantaine. Défaut : 100'),
  routingMinConfidence: z.coerce.number().min(0).max(1).describe('OCTO_ROUTING_MIN_CONFIDENCE: confiance minimale (0 à 1) pour que le classifieur attribue seul un courrier ; en dessous, il s’abstient et le courrier attend dans la bannette « à qualifier ». Défaut : 0.8'),
  secretKey: z.string().regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'OCTO_SECRET_KEY doit faire 32 octets, en hexadécimal (64 caractères) ou en base64 (44 caractères)').optional().describe('OCTO_SECRET_KEY: clé AES-256 (32 octets en hexadécimal ou base64) qui chiffre les secrets enregistrés (mots de passe des boîtes aux lettres). Absente : générée au premier besoin dans OCTO_DATA_DIR/secret.key (droits 0600) ; à fixer quand plusieurs machines partagent la base. La changer rend les mots de passe enregistrés illisibles.'),
  mailboxPollSeconds: z.coerce.number().int().min(0).max(86400).describe('OCTO_MAILBOX_POLL_SECONDS: intervalle de relève des boîtes aux lettres IMAP actives par les processus de traitement, en secondes ; 0 : pas de relève automatique. Défaut : 60'),
  smtpPort: z.coerce.number().int().min(0).max(65535).optional().describe('OCTO_SMTP_PORT: port de la passerelle SMTP de réception (octo serve --smtp-port). Absent : pas de passerelle.'),
  smtpHost: z.string().describe('OCTO_SMTP_HOST: adresse d’écoute de la passerelle SMTP. Défaut : OCTO_HOST'),
  smtpMaxMb: z.coerce.number().positive().describe('OCTO_SMTP_MAX_MB: taille maximale d’un message reçu par la passerelle, en Mo (au-delà : refus SMTP 552). Défaut : 25'),
  smtpTlsKey: z.string().optional().describe('OCTO_SMTP_TLS_KEY: fichier de clé privée PEM de la passerelle SMTP ; avec OCTO_SMTP_TLS_CERT, STARTTLS est proposé. Absent : pas de STARTTLS (réservé à l’écoute locale ou derrière un relais).'),
  smtpTlsCert: z.string().optional().describe('OCTO_SMTP_TLS_CERT: fichier de certificat PEM (chaîne complète) de la passerelle SMTP.'),
  smtpServerName: z.string().describe('OCTO_SMTP_SERVER_NAME: nom annoncé par la passerelle SMTP. Défaut : nom de la machine'),
  webhookAllowPrivate: z.boolean().describe('OCTO_WEBHOOK_ALLOW_PRIVATE: « true » autorise les notifications (webhooks) vers la boucle locale et les réseaux privés (127.0.0.0/8, 10.0.0.0/8, 192.168.0.0/16, ::1…) ; à réserver aux essais, car un abonné pourrait sinon atteindre les services internes. Défaut : false'),
  webhookMaxAttempts: z.coerce.number().int().min(1).max(30).describe('OCTO_WEBHOOK_MAX_ATTEMPTS: nombre d’essais d’envoi d’une notification avant de l’abandonner (état « échec » dans le journal). Défaut : 8'),
  webhookRetrySeconds: z.coerce.number().int().min(1).max(86400).describe('OCTO_WEBHOOK_RETRY_SECONDS: attente avant le deuxième essai d’une notification ; elle double à chaque essai suivant. Défaut : 30'),
  webhookTimeoutSeconds: z.coerce.number().int().min(1).max(120).describe('OCTO_WEBHOOK_TIMEOUT_SECONDS: délai de réponse accordé à un abonné, au-delà duquel l’essai compte comme échoué. Défaut : 10'),
  scanStamp: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).describe('OCTO_SCAN_STAMP: « true » pour apposer par défaut le numéro chrono (code-barres Code 128 et texte) dans la marge de la première page de la version PDF dérivée de chaque courrier issu d’un lot numérisé ou d’un dossier surveillé ; l’original n’est jamais modifié. Défaut : false'),
  hotFolderRoot: z.string().min(1).optional().describe('OCTO_HOT_FOLDER_ROOT: dossier surveillé des numériseurs réseau : un sous-dossier par code d’entité (par exemple <racine>/PREF69/), éventuellement un sous-dossier par code de service, et « lots/ » pour les lots à découper sur les feuilles de séparation. Absent : pas de dossier surveillé.'),
  hotFolderSettleSeconds: z.coerce.number().min(0.2).max(3600).describe('OCTO_HOT_FOLDER_SETTLE_SECONDS: un fichier du dossier surveillé n’est pris que lorsque sa taille et sa date n’ont pas changé pendant ce délai. Défaut : 5'),
  hotFolderScanSeconds: z.coerce.number().min(0.2).max(3600).describe('OCTO_HOT_FOLDER_SCAN_SECONDS: intervalle du parcours périodique du dossier surveillé (en plus des notifications du système). Défaut : 10'),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const raw = {
    dataDir: path.resolve(env.OCTO_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.OCTO_HOST ?? '127.0.0.1',
    port: env.OCTO_PORT ?? 3000,
    ocrWorkers: env.OCTO_OCR_WORKERS ?? Math.max(1, os.availableParallelism()),
    ocrEngine: env.OCTO_OCR_ENGINE ?? 'tesseract.js',
    jobConcurrency: env.OCTO_JOB_CONCURRENCY ?? 2,
    jobLeaseSeconds: env.OCTO_JOB_LEASE_SECONDS ?? 60,
    jobTimeoutSeconds: env.OCTO_JOB_TIMEOUT_SECONDS ?? 1800,
    maxUploadMb: env.OCTO_MAX_UPLOAD_MB ?? 100,
    maxPixelsPerPage: env.OCTO_MAX_PIXELS_PER_PAGE ?? 40_000_000,
    maxPages: env.OCTO_MAX_PAGES ?? 500,
    logLevel: env.OCTO_LOG_LEVEL ?? 'info',
    clamavSocket: env.OCTO_CLAMAV_SOCKET || undefined,
    clamavHost: env.OCTO_CLAMAV_HOST || undefined,
    clamavPort: env.OCTO_CLAMAV_PORT ?? 3310,
    clamavTimeoutSeconds: env.OCTO_CLAMAV_TIMEOUT_SECONDS ?? 60,
    clamavMaxMb: env.OCTO_CLAMAV_MAX_MB ?? 100,
    routingMinConfidence: env.OCTO_ROUTING_MIN_CONFIDENCE ?? 0.8,
    secretKey: env.OCTO_SECRET_KEY || undefined,
    mailboxPollSeconds: env.OCTO_MAILBOX_POLL_SECONDS ?? 60,
    smtpPort: env.OCTO_SMTP_PORT || undefined,
    smtpHost: env.OCTO_SMTP_HOST ?? env.OCTO_HOST ?? '127.0.0.1',
    smtpMaxMb: env.OCTO_SMTP_MAX_MB ?? 25,
    smtpTlsKey: env.OCTO_SMTP_TLS_KEY || undefined,
    smtpTlsCert: env.OCTO_SMTP_TLS_CERT || undefined,
    smtpServerName: env.OCTO_SMTP_SERVER_NAME ?? os.hostname(),
    webhookAllowPrivate: ['1', 'true', 'yes', 'oui'].includes((env.OCTO_WEBHOOK_ALLOW_PRIVATE ?? '').trim().toLowerCase()),
    webhookMaxAttempts: env.OCTO_WEBHOOK_MAX_ATTEMPTS ?? 8,
    webhookRetrySeconds: env.OCTO_WEBHOOK_RETRY_SECONDS ?? 30,
    webhookTimeoutSeconds: env.OCTO_WEBHOOK_TIMEOUT_SECONDS ?? 10,
    reminderThresholds: env.OCTO_REMINDER_THRESHOLDS ?? '10,3',
    reminderIntervalMinutes: env.OCTO_REMINDER_INTERVAL_MINUTES ?? 60,
    scanStamp: env.OCTO_SCAN_STAMP ?? 'false',
    hotFolderRoot: env.OCTO_HOT_FOLDER_ROOT ? path.resolve(env.OCTO_HOT_FOLDER_ROOT) : undefined,
    hotFolderSettleSeconds: env.OCTO_HOT_FOLDER_SETTLE_SECONDS ?? 5,
    hotFolderScanSeconds: env.OCTO_HOT_FOLDER_SCAN_SECONDS ?? 10,
    ...authConfigRaw(env),
    ...mailConfigRaw(env),
    ...overrides,
  };
  const parsed = ConfigSchema.safeParse(raw);
  const problems = parsed.success
    ? [
        ...checkAuthConfig(parsed.data),
        ...(parsed.data.clamavSocket && parsed.data.clamavHost ? ['OCTO_CLAMAV_SOCKET et OCTO_CLAMAV_HOST : indiquez l’un ou l’autre, pas les deux'] : []),
      ]
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Configuration invalide :\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return Object.freeze(parsed.data!);
}

/** The documentation of every variable, for `octo config` and docs/configuration.md. */
export function describeConfig(): Array<{ key: string; description: string }> {
  return Object.entries(ConfigSchema.shape).map(([key, schema]) => ({ key, description: schema.description ?? '' }));
}
