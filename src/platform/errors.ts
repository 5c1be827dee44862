// One error type for the whole platform. Codes are namespaced by capability and
// double as quarantine reasons, so a broken PDF reads alike in the API, the inbox
// and the logs. The French text for people is looked up by code (docs/errors.md).

export const ERROR_CATALOGUE = {
  // platform
  PLATFORM_VALIDATION_FAILED: { status: 400, fr: 'La requête est invalide.' },
  PLATFORM_NOT_FOUND: { status: 404, fr: 'Ressource introuvable.' },
  PLATFORM_PAYLOAD_TOO_LARGE: { status: 413, fr: 'Le fichier dépasse la taille maximale acceptée.' },
  PLATFORM_INTERNAL: { status: 500, fr: 'Erreur interne : l’équipe technique doit intervenir.' },
  PLATFORM_CONFIG_INVALID: { status: 500, fr: 'La configuration de la plateforme est invalide.' },

  // capture: what can be wrong with a file that reaches the platform
  CAPTURE_EMPTY_FILE: { status: 422, fr: 'Le fichier est vide (0 octet).' },
  CAPTURE_UNSUPPORTED_TYPE: {
    status: 422,
    fr: 'Type de fichier non pris en charge : seuls les PDF, TIFF, JPEG, PNG et courriels (.eml) sont acceptés.',
  },
  CAPTURE_TYPE_MISMATCH: {
    status: 422,
    fr: 'Le contenu du fichier ne correspond pas à son extension (par exemple un programme renommé en .pdf).',
  },
  CAPTURE_EXECUTABLE_FILE: {
    status: 422,
    fr: 'Le fichier est un programme exécutable : il n’est pas accepté comme courrier.',
  },
  CAPTURE_PDF_ENCRYPTED: {
    status: 422,
    fr: 'Le PDF est protégé par un mot de passe : demandez à l’expéditeur une version non protégée.',
  },
  CAPTURE_PDF_CORRUPT: { status: 422, fr: 'Le PDF est endommagé ou tronqué et ne peut pas être lu.' },
  CAPTURE_PDF_NO_PAGES: { status: 422, fr: 'Le PDF ne contient aucune page lisible.' },
  CAPTURE_IMAGE_CORRUPT: { status: 422, fr: 'L’image est endommagée ou tronquée et ne peut pas être lue.' },
  CAPTURE_IMAGE_TOO_LARGE: {
    status: 422,
    fr: 'L’image est démesurée (nombre de pixels trop élevé) : fichier refusé par sécurité.',
  },
  CAPTURE_TOO_MANY_PAGES: { status: 422, fr: 'Le document dépasse le nombre maximal de pages accepté.' },
  CAPTURE_EML_INVALID: {
    status: 422,
    fr: 'Le fichier n’est pas un courriel valide (en-têtes absents ou illisibles).',
  },
  CAPTURE_EML_ENCRYPTED: {
    status: 422,
    fr: 'Le courriel est chiffré (PGP ou S/MIME) : son contenu ne peut pas être lu.',
  },
  CAPTURE_EML_BAD_ENCODING: {
    status: 422,
    fr: 'Le courriel utilise un encodage de caractères illisible.',
  },
  CAPTURE_ATTACHMENT_UNREADABLE: {
    status: 422,
    fr: 'Une pièce jointe est illisible (fichier tronqué ou endommagé).',
  },
  CAPTURE_NO_TEXT_FOUND: {
    status: 200,
    fr: 'Aucun texte reconnu : ce n’est peut-être pas un document (photo, page blanche).',
  },
  CAPTURE_LOW_OCR_CONFIDENCE: {
    status: 200,
    fr: 'Qualité de numérisation faible : le texte reconnu est peu fiable, vérifiez le document.',
  },
  CAPTURE_PROCESSING_FAILED: {
    status: 500,
    fr: 'Le traitement du document a échoué après plusieurs tentatives.',
  },

  // registry
  REGISTRY_ENTITY_NOT_FOUND: { status: 404, fr: 'Entité inconnue.' },
  REGISTRY_ITEM_NOT_FOUND: { status: 404, fr: 'Courrier introuvable.' },
  REGISTRY_DOCUMENT_NOT_FOUND: { status: 404, fr: 'Document introuvable.' },
  REGISTRY_NO_SEARCHABLE_VERSION: {
    status: 404,
    fr: 'Ce document n’a pas de version recherchable : son texte est déjà lisible dans l’original, ou sa lecture n’est pas terminée.',
  },
  REGISTRY_QUARANTINE_NOT_FOUND: { status: 404, fr: 'Entrée de quarantaine introuvable.' },
  REGISTRY_QUARANTINE_ALREADY_RESOLVED: { status: 409, fr: 'Cette entrée de quarantaine a déjà été traitée.' },
  REGISTRY_SEARCH_INVALID: { status: 400, fr: 'La recherche est invalide.' },
  REGISTRY_ACK_NOT_OWED: {
    status: 422,
    fr: 'Aucun accusé de réception n’est dû pour ce courrier : il n’en est pas dû entre l’administration et ses agents (CRPA L112-2), ni pour un courrier qui n’est pas une demande, ni dans les cas de L112-3 et R112-4 (demande abusive, décision acquise en quinze jours au plus, simple vérification de conditions légales).',
  },
  REGISTRY_ACK_NOT_READY: { status: 422, fr: 'L’accusé de réception ne peut pas encore être établi.' },
  REGISTRY_ACK_MENTION_MISSING: {
    status: 422,
    fr: 'L’accusé de réception n’a pas été produit : il lui manquerait des mentions obligatoires (CRPA R112-5 ; sans elles, les délais de recours ne seraient pas opposables, L112-6).',
  },
  REGISTRY_ACK_TEMPLATE_INVALID: { status: 400, fr: 'Modèle d’accusé de réception invalide :' },

  // platform auth: sign-in, sessions, roles
  AUTH_REQUIRED: { status: 401, fr: 'Vous devez vous connecter pour accéder à cette page.' },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    fr: 'Adresse électronique ou mot de passe incorrect. Après 5 échecs consécutifs, le compte est verrouillé pendant 15 minutes.',
  },
  AUTH_RATE_LIMITED: { status: 429, fr: 'Trop de tentatives de connexion depuis ce poste : patientez une minute avant de réessayer.' },
  AUTH_CSRF_INVALID: {
    status: 403,
    fr: 'La requête n’a pas pu être authentifiée (jeton anti-falsification absent ou invalide) : rechargez la page et recommencez.',
  },
  AUTH_FORBIDDEN: { status: 403, fr: 'Vous n’avez pas les droits nécessaires pour cette action.' },
  AUTH_PASSWORD_POLICY: { status: 422, fr: 'Le mot de passe ne respecte pas la politique de sécurité.' },
  AUTH_PASSWORD_CURRENT_INVALID: { status: 400, fr: 'Le mot de passe actuel est incorrect.' },
  AUTH_USER_EXISTS: { status: 409, fr: 'Un compte existe déjà avec cette adresse électronique.' },
  AUTH_USER_NOT_FOUND: { status: 404, fr: 'Agent introuvable.' },
  AUTH_MEMBERSHIP_INVALID: { status: 400, fr: 'Rattachement invalide.' },
  AUTH_ABSENCE_INVALID: { status: 400, fr: 'Absence invalide.' },
  AUTH_ACCOUNT_DISABLED: { status: 403, fr: 'Ce compte est désactivé : adressez-vous à l’administrateur de votre entité.' },
  AUTH_OIDC_DISABLED: { status: 404, fr: 'La connexion par fournisseur d’identité (ProConnect) n’est pas configurée sur cette plateforme.' },
  AUTH_OIDC_FAILED: { status: 400, fr: 'La connexion par le fournisseur d’identité a échoué ou a expiré : recommencez.' },
  AUTH_OIDC_EMAIL_UNVERIFIED: {
    status: 403,
    fr: 'Le fournisseur d’identité n’a pas confirmé votre adresse électronique : la connexion est refusée.',
  },
  AUTH_OIDC_UNKNOWN_USER: {
    status: 403,
    fr: 'Aucun compte Octo n’est ouvert pour cette adresse électronique : demandez à l’administrateur de votre entité de créer votre compte, puis reconnectez-vous.',
  },
  REGISTRY_DEADLINE_INVALID_DATE: { status: 400, fr: 'Date invalide : utilisez le format AAAA-MM-JJ (par exemple 2026-04-06).' },
  REGISTRY_DEADLINE_INVALID_YEAR: { status: 400, fr: 'Année invalide : indiquez une année entre 1583 et 9999.' },
  REGISTRY_DEADLINE_INVALID_DELAY: { status: 400, fr: 'Délai invalide : utilisez 2m, 30d ou 8w.' },
  REGISTRY_DEADLINE_INVALID_REGIME: {
    status: 400,
    fr: 'Régime invalide : utilisez sva (silence vaut acceptation), svr (silence vaut rejet) ou none (pas de décision implicite).',
  },
  REGISTRY_DEADLINE_INVALID_INPUT: { status: 400, fr: 'Calcul de délai impossible :' },

  // capture: antivirus (ClamAV)
  CAPTURE_VIRUS_FOUND: {
    status: 422,
    fr: 'L’antivirus a détecté un virus ou un code malveillant : le fichier est conservé en quarantaine et n’est jamais transmis aux agents.',
  },
  CAPTURE_ANTIVIRUS_UNAVAILABLE: {
    status: 503,
    fr: 'Analyse antivirus impossible : le fichier est retenu en quarantaine, sans être transmis aux agents, et sera analysé de nouveau automatiquement.',
  },
  CAPTURE_QUARANTINED_PART_WITHHELD: {
    status: 403,
    fr: 'Cette pièce a été refusée à la réception et reste en quarantaine : seul le bureau du courrier peut l’examiner, depuis la page Quarantaine.',
  },
  CAPTURE_INFECTED_FILE_WITHHELD: {
    status: 403,
    fr: 'Ce fichier contient un virus : il ne peut pas être téléchargé ni affiché.',
  },
  CAPTURE_UNSCANNED_FILE_WITHHELD: {
    status: 409,
    fr: 'Ce fichier n’a pas encore été analysé par l’antivirus : il ne peut pas être téléchargé avant la fin de son analyse.',
  },
  REGISTRY_BASKET_NOT_FOUND: { status: 404, fr: 'Bannette inconnue : a-qualifier, a-traiter, en-copie ou en-retard.' },

  // indexing: routing rules and classifier
  INDEXING_ROUTING_RULE_NOT_FOUND: { status: 404, fr: 'Règle d’aiguillage introuvable.' },
  INDEXING_ROUTING_RULE_INVALID: { status: 400, fr: 'Règle d’aiguillage invalide :' },
  INDEXING_ROUTING_NO_TEXT: { status: 422, fr: 'Aucun texte à aiguiller : le document ne contient aucun texte lisible.' },
  CAPTURE_MAILBOX_NOT_FOUND: { status: 404, fr: 'Boîte aux lettres introuvable.' },
  CAPTURE_MAILBOX_INVALID: { status: 400, fr: 'Boîte aux lettres invalide.' },
  CAPTURE_MAILBOX_AUTH_FAILED: { status: 502, fr: 'Le serveur de messagerie a refusé l’identifiant ou le mot de passe de la boîte.' },
  CAPTURE_MAILBOX_UNREACHABLE: { status: 502, fr: 'Le serveur de messagerie est injoignable.' },
  CAPTURE_MAILBOX_FOLDER_MISSING: { status: 502, fr: 'Le dossier de la boîte aux lettres est introuvable sur le serveur.' },
  CAPTURE_MAILBOX_SYNC_FAILED: { status: 502, fr: 'La relève de la boîte aux lettres a échoué.' },
  CAPTURE_MAILBOX_SECRET_UNREADABLE: {
    status: 500,
    fr: 'Le mot de passe enregistré de la boîte ne peut pas être déchiffré : la clé OCTO_SECRET_KEY a changé ; saisissez de nouveau le mot de passe.',
  },
  CAPTURE_GATEWAY_ADDRESS_INVALID: { status: 400, fr: 'Adresse de réception invalide.' },
  CAPTURE_GATEWAY_ADDRESS_TAKEN: { status: 409, fr: 'Cette adresse de réception est déjà attribuée.' },
  CAPTURE_GATEWAY_ADDRESS_NOT_FOUND: { status: 404, fr: 'Adresse de réception introuvable.' },
  // connected applications: API tokens, idempotent deposit, webhooks
  AUTH_API_TOKEN_INVALID: { status: 401, fr: 'Jeton d’API invalide : vérifiez l’en-tête « Authorization: Bearer » (jeton inconnu ou mal copié).' },
  AUTH_API_TOKEN_EXPIRED: { status: 401, fr: 'Jeton d’API expiré : demandez un nouveau jeton à l’administrateur de l’entité.' },
  AUTH_API_TOKEN_REVOKED: { status: 401, fr: 'Jeton d’API révoqué : demandez un nouveau jeton à l’administrateur de l’entité.' },
  AUTH_API_TOKEN_NOT_FOUND: { status: 404, fr: 'Jeton d’API introuvable dans cette entité.' },
  AUTH_API_TOKEN_ALREADY_REVOKED: { status: 409, fr: 'Ce jeton d’API est déjà révoqué.' },
  PLATFORM_IDEMPOTENCY_KEY_INVALID: { status: 400, fr: 'Clé d’idempotence invalide : 1 à 200 caractères visibles (lettres, chiffres, - _ . :).' },
  PLATFORM_IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    fr: 'Cette clé d’idempotence a déjà servi pour une requête différente dans les dernières 24 heures : utilisez une nouvelle clé pour un nouveau dépôt.',
  },
  PLATFORM_IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    fr: 'Une requête avec la même clé d’idempotence est encore en cours de traitement : réessayez dans quelques instants.',
  },
  REGISTRY_WEBHOOK_URL_INVALID: { status: 400, fr: 'Adresse d’abonnement invalide : seules les adresses http:// ou https:// sont acceptées.' },
  REGISTRY_WEBHOOK_URL_FORBIDDEN: {
    status: 400,
    fr: 'Adresse d’abonnement refusée : elle désigne une adresse locale ou privée (boucle locale, réseau interne), interdite sur cette plateforme.',
  },
  REGISTRY_WEBHOOK_NOT_FOUND: { status: 404, fr: 'Abonnement introuvable dans cette entité.' },
  REGISTRY_WEBHOOK_DELIVERY_FAILED: { status: 502, fr: 'L’abonné n’a pas accepté la notification.' },
  // outgoing mail and the public form (saisine par voie électronique)
  PLATFORM_MAIL_NO_RECIPIENT: { status: 422, fr: 'Le courriel ne peut pas être envoyé : le destinataire n’a pas d’adresse électronique valide.' },
  PLATFORM_OUTBOX_NOT_FOUND: { status: 404, fr: 'Courriel introuvable dans la file d’envoi.' },
  PUBLIC_FORM_INVALID: { status: 400, fr: 'Le formulaire contient des erreurs :' },
  PUBLIC_FORM_RATE_LIMITED: { status: 429, fr: 'Trop d’envois depuis votre connexion : patientez une minute avant de renvoyer le formulaire. Votre saisie n’a pas été enregistrée.' },
  REGISTRY_CONTACT_NOT_FOUND: { status: 404, fr: 'Contact introuvable.' },
  REGISTRY_CONTACT_INVALID: { status: 400, fr: 'Contact invalide :' },
  REGISTRY_CONTACT_MERGE_REFUSED: { status: 409, fr: 'Fusion de contacts impossible :' },
  REGISTRY_EXPORT_REFUSED: { status: 409, fr: 'Transmission hors plateforme impossible :' },
  REGISTRY_EXPORT_NOT_FOUND: { status: 404, fr: 'Aucun paquet de transmission n’a été produit pour ce courrier.' },
  REGISTRY_REMINDER_NOT_FOUND: { status: 404, fr: 'Rappel introuvable.' },
  REGISTRY_TEMPLATE_NOT_SHARED: { status: 404, fr: 'Modèle partagé introuvable : il n’existe pas ou son entité ne le partage pas.' },
  CAPTURE_BATCH_NO_CONTENT: {
    status: 422,
    fr: 'Le lot numérisé ne contient que des pages blanches ou des feuilles de séparation : aucun courrier à enregistrer.',
  },
  CAPTURE_HOT_FOLDER_UNKNOWN_ENTITY: {
    status: 422,
    fr: 'Ce dossier du dossier surveillé ne porte le code d’aucune entité : le fichier n’a pas été enregistré.',
  },
  CAPTURE_HOT_FOLDER_UNKNOWN_SERVICE: {
    status: 422,
    fr: 'Ce sous-dossier du dossier surveillé ne porte le code d’aucun service de l’entité : le fichier n’a pas été enregistré.',
  },
} as const satisfies Record<string, { status: number; fr: string }>;

export type OctoErrorCode = keyof typeof ERROR_CATALOGUE;

export class OctoError extends Error {
  readonly code: OctoErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: OctoErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? code);
    this.name = 'OctoError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  /** The text shown to people: the catalogue's French sentence, plus a specific detail when given. */
  get frenchMessage(): string {
    return frenchMessageFor(this.code, this.details);
  }
}

export function frenchMessageFor(code: OctoErrorCode, details: Record<string, unknown> = {}): string {
  const base = ERROR_CATALOGUE[code].fr;
  return typeof details.detailFr === 'string' && details.detailFr ? `${base} ${details.detailFr}` : base;
}

export function isOctoError(error: unknown): error is OctoError {
  return error instanceof OctoError;
}
