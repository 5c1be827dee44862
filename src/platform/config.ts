import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AuthConfigSchema, authConfigRaw, checkAuthConfig } from './auth/auth-config.ts';

// Every OCTO_* variable is declared here once, with its documentation; nothing else
// reads process.env. Defaults run the embedded mode with zero configuration.
const ConfigSchema = z.object({
  ...AuthConfigSchema.shape,
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
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).describe('OCTO_LOG_LEVEL: niveau de journalisation. Défaut : info'),
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
    scanStamp: env.OCTO_SCAN_STAMP ?? 'false',
    hotFolderRoot: env.OCTO_HOT_FOLDER_ROOT ? path.resolve(env.OCTO_HOT_FOLDER_ROOT) : undefined,
    hotFolderSettleSeconds: env.OCTO_HOT_FOLDER_SETTLE_SECONDS ?? 5,
    hotFolderScanSeconds: env.OCTO_HOT_FOLDER_SCAN_SECONDS ?? 10,
    ...authConfigRaw(env),
    ...overrides,
  };
  const parsed = ConfigSchema.safeParse(raw);
  const problems = parsed.success
    ? checkAuthConfig(parsed.data)
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
