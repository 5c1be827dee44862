import type { AlertProps } from '@codegouvfr/react-dsfr/Alert';
import type { Channel, DocumentStatus, FieldName, QuarantineStatus, Status } from '../api/types.ts';

/** French texts of the registry (inbox, item page, search, quarantine). */
export const channelLabels: Record<Channel, string> = {
  scan: 'Numérisation',
  upload: 'Dépôt',
  email: 'Courriel',
  api: 'API',
  transfer: 'Transmission',
  form: 'Formulaire',
};

export const statusLabels: Record<Status, string> = {
  registered: 'Enregistré',
  processing: 'En traitement',
  indexed: 'Indexé',
  needs_review: 'À vérifier',
  quarantined: 'En quarantaine',
};

export const statusSeverity: Record<Status, AlertProps.Severity | 'new' | undefined> = {
  registered: 'info',
  processing: 'new',
  indexed: 'success',
  needs_review: 'warning',
  quarantined: 'error',
};

export const documentStatusLabels: Record<DocumentStatus, string> = {
  pending: 'En attente',
  processing: 'En traitement',
  done: 'Traité',
  failed: 'Échec',
  quarantined: 'En quarantaine',
};

export const fieldLabels: Record<FieldName, string> = {
  letter_date: 'Date du courrier',
  other_date: 'Autres dates',
  subject: 'Objet',
  reference: 'Références',
  email: 'Courriels',
  phone: 'Téléphones',
  postal_code_city: 'Code postal et commune',
  sender: 'Expéditeur',
};

export const fieldOrder: FieldName[] = [
  'sender',
  'letter_date',
  'subject',
  'reference',
  'other_date',
  'email',
  'phone',
  'postal_code_city',
];

export const quarantineStatusLabels: Record<QuarantineStatus, string> = {
  open: 'À traiter',
  dismissed: 'Écartée',
  released: 'Libérée',
};

export const directionLabels = { incoming: 'Entrant', outgoing: 'Sortant', internal: 'Interne' } as const;

export const textSourceLabels = {
  'text-layer': 'couche texte',
  ocr: 'OCR',
  mixed: 'couche texte et OCR',
  email: 'corps du courriel',
} as const;

export const documentRoleLabels = {
  main: 'Document principal',
  attachment: 'Pièce jointe',
  'email-body': 'Corps du courriel',
} as const;

export const fr = {
  filters: {
    legend: 'Filtrer les courriers',
    channel: 'Canal',
    status: 'Statut',
    from: 'Reçu du',
    to: 'au',
    all: 'Tous',
    apply: 'Filtrer',
    reset: 'Réinitialiser',
    invalidRange: 'La date de début doit précéder la date de fin.',
  },
  inbox: {
    title: 'Courriers reçus',
    caption: (entity: string) => `Courriers de ${entity}`,
    headers: ['N° chrono', 'Reçu le', 'Expéditeur', 'Objet', 'Canal', 'Statut', 'Pages'],
    empty: 'Aucun courrier ne correspond à ces critères.',
    total: (n: number) => (n > 1 ? `${n} courriers` : n === 1 ? '1 courrier' : 'Aucun courrier'),
    refreshing: 'Des courriers sont en traitement : la liste se met à jour automatiquement.',
    upload: 'Déposer des courriers',
    noSubject: 'Sans objet',
    unknownSender: 'Expéditeur inconnu',
  },
  item: {
    title: (chrono: string) => `Courrier ${chrono}`,
    historyTitle: 'Historique',
    historyEmpty: 'Aucun événement enregistré.',
    historyActions: {
      'registry.mail_item.registered': 'Enregistrement',
      'registry.mail_item.indexed': 'Lecture et indexation terminées',
      'registry.mail_item.status_changed': 'Changement de statut',
      'capture.quarantine.created': 'Document mis en quarantaine',
      'capture.quarantine.dismissed': 'Quarantaine écartée',
      'registry.mail_item.qualified': 'Qualification',
      'registry.mail_item.assigned': 'Attribution',
      'registry.mail_item.reassigned': 'Réattribution',
      'registry.mail_item.copied': 'Mise en copie',
      'registry.mail_item.commented': 'Commentaire',
      'registry.mail_item.linked': 'Courrier lié',
      'registry.mail_item.handling_status_changed': 'Changement du statut de traitement',
      'registry.mail_item.missing_items_requested': 'Pièces manquantes demandées',
      'registry.mail_item.missing_items_received': 'Pièces manquantes reçues',
      'registry.mail_item.transferred': 'Transmis à l’entité compétente',
      'registry.mail_item.received_by_transfer': 'Reçu par transmission',
      'registry.mail_item.acknowledgement_generated': 'Accusé de réception produit',
      'platform.mail.queued': 'Courriel mis en file d’envoi',
      'platform.mail.sent': 'Courriel envoyé',
      'platform.mail.failed': 'Échec de l’envoi d’un courriel',
      'platform.mail.retried': 'Courriel relancé',
      'indexing.routing.decided': 'Aiguillage automatique',
      'indexing.routing.proposed': 'Aiguillage proposé (service déjà choisi par un agent)',
      'indexing.routing.abstained': 'Aiguillage en attente d’un agent',
      'registry.mail_item.transferred_out': 'Transmis hors plateforme (paquet de transmission)',
      'registry.mail_item.transfer_notice_generated': 'Avis de transmission produit',
      'registry.mail_item.sender_contact_linked': 'Contact de l’expéditeur lié',
      'registry.mail_item.reminder_created': 'Rappel avant échéance',
      'registry.mail_item.reminder_dismissed': 'Rappel traité',
    } as Record<string, string>,
    breadcrumbInbox: 'Courriers',
    receivedAt: 'Reçu le',
    channel: 'Canal',
    direction: 'Sens',
    letterDate: 'Date du courrier',
    pages: 'Pages',
    notFound: 'Ce courrier n’existe pas dans cette entité.',
    processing: 'Traitement en cours (OCR et indexation) : cette page se met à jour automatiquement.',
    warningsTitle: 'Points à vérifier',
    emailTitle: 'Courriel',
    emailFrom: 'De',
    emailTo: 'À',
    emailSubject: 'Objet',
    emailDate: 'Date',
    fieldsTitle: 'Informations extraites',
    fieldsEmpty: 'Aucune information n’a pu être extraite de ce courrier.',
    confidence: 'confiance',
    page: (n: number) => `page ${n}`,
    documentsTitle: 'Documents',
    documentsMenu: 'Documents du courrier',
    noDocuments: 'Ce courrier n’a aucun document.',
    tabs: { preview: 'Aperçu', fulltext: 'Texte intégral' },
    tabsLabel: 'Affichage du document',
    downloadOriginal: 'Télécharger l’original',
    downloadSearchable: 'Télécharger la version recherchable (PDF)',
    versionLegend: 'Version affichée',
    versionOriginal: 'Original',
    versionSearchable: 'Version recherchable (OCR)',
    pageOf: (page: number, count: number) => `Page ${page} sur ${count}`,
    previousPage: 'Page précédente',
    nextPage: 'Page suivante',
    pageNavigation: 'Navigation entre les pages',
    canvasLabel: (page: number, filename: string) => `Page ${page} de ${filename}`,
    renderError: 'Impossible d’afficher ce PDF dans le navigateur. Téléchargez-le pour le consulter.',
    tiffNoPreview:
      'Le navigateur ne sait pas afficher le format TIFF. Téléchargez l’original, ou attendez la version recherchable.',
    emlNoPreview: 'Le message d’origine (.eml) se consulte en le téléchargeant ; son texte est dans l’onglet « Texte intégral ».',
    textEmpty: 'Aucun texte pour ce document (traitement en cours ou document sans texte).',
    textPage: (index: number) => `Page ${index}`,
    textSource: (label: string, confidence: string | null) =>
      confidence ? `Source : ${label} (confiance ${confidence})` : `Source : ${label}`,
    documentStatus: 'État',
    ocrConfidence: 'Confiance OCR',
    quarantined: 'Document en quarantaine',
  },
  search: {
    title: 'Rechercher dans les courriers',
    label: 'Rechercher (expéditeur, objet, texte intégral, n° chrono)',
    prompt: 'Saisissez des mots à rechercher dans le courrier de l’entité.',
    total: (n: number) => (n > 1 ? `${n} résultats` : n === 1 ? '1 résultat' : 'Aucun résultat'),
    for: (q: string) => `pour « ${q} »`,
    empty: 'Aucun courrier ne correspond à cette recherche. Vérifiez l’orthographe ou élargissez les filtres.',
    resultsLabel: 'Résultats de la recherche',
  },
  quarantine: {
    title: 'Quarantaine',
    lead: 'Fichiers reçus qui n’ont pas pu être enregistrés ou traités. Vérifiez-les, puis écartez-les avec une note.',
    tabOpen: 'À traiter',
    tabResolved: 'Traitées',
    tabsLabel: 'Entrées de quarantaine',
    headersOpen: ['Date', 'Fichier', 'Canal', 'Motif', 'Code', 'Courrier', 'Actions'],
    headersResolved: ['Date', 'Fichier', 'Canal', 'Motif', 'Décision', 'Traitée le', 'Note', 'Courrier'],
    captionOpen: 'Entrées à traiter',
    captionResolved: 'Entrées traitées',
    empty: 'Aucune entrée.',
    download: 'Télécharger',
    downloadTitle: (filename: string) => `Télécharger l’original de ${filename}`,
    dismiss: 'Écarter',
    dismissTitle: (filename: string) => `Écarter « ${filename} »`,
    noteLabel: 'Note (motif de la décision)',
    noteHint: 'Obligatoire. Par exemple : « fichier vide renvoyé par erreur, l’expéditeur a été recontacté ».',
    noteRequired: 'Saisissez une note pour écarter ce fichier.',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    dismissed: (filename: string) => `« ${filename} » a été écarté.`,
  },
} as const;
