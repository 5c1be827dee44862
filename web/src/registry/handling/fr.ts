import type { AlertProps } from '@codegouvfr/react-dsfr/Alert';
import type { HandlingStatus, LinkKind, Regime } from './api.ts';

/** French texts of the handling of mail items (Traitement panel, Échéances page). */
export const handlingStatusLabels: Record<HandlingStatus, string> = {
  registered: 'Enregistré',
  assigned: 'Attribué',
  in_progress: 'En cours',
  answered: 'Répondu',
  closed: 'Classé',
  transferred_out: 'Transmis hors plateforme',
};

export const handlingStatusSeverity: Record<HandlingStatus, AlertProps.Severity | 'new' | undefined> = {
  registered: undefined,
  assigned: 'info',
  in_progress: 'new',
  answered: 'success',
  closed: undefined,
  transferred_out: undefined,
};

export const handlingStatusOrder: HandlingStatus[] = ['registered', 'assigned', 'in_progress', 'answered', 'closed'];

export const regimeLabels: Record<Regime, string> = {
  sva: 'silence vaut acceptation',
  svr: 'silence vaut rejet',
  none: 'pas de décision implicite',
};

export const linkKindLabels: Record<LinkKind, string> = {
  reply: 'Réponse',
  related: 'Courrier connexe',
};

/** How a link reads from the item shown: "to" was made from this item, "from" from the other one. */
export const linkLabels: Record<LinkKind, Record<'to' | 'from', string>> = {
  reply: { to: 'Réponse :', from: 'En réponse à :' },
  related: { to: 'Courrier connexe :', from: 'Courrier connexe :' },
};

function days(n: number): string {
  return n > 1 ? `${n} jours` : 'un jour';
}

export const fr = {
  nav: 'Échéances',
  panel: {
    title: 'Traitement',
    requestType: 'Type de demande',
    notQualified: 'Non qualifié : choisissez le type de demande pour calculer l’échéance légale.',
    regime: (regime: string, delay: string | null) => (delay ? `${regime} — ${delay}` : regime),
    service: 'Service',
    noService: 'Non attribué',
    assignee: 'Agent',
    noAssignee: 'Aucun agent désigné',
    status: 'Statut de traitement',
    reason: 'Motif',
    copies: 'En copie',
    noCopies: 'Aucun service en copie.',
    comments: 'Commentaires',
    noComments: 'Aucun commentaire.',
    commentBy: (author: string, date: string) => `${author}, le ${date}`,
    links: 'Courriers liés',
    noLinks: 'Aucun courrier lié.',
    actions: 'Actions de traitement',
  },
  deadline: {
    title: 'Échéance légale',
    acceptance: (date: string) => `Décision implicite d’acceptation le ${date}`,
    rejection: (date: string) => `Décision de rejet implicite le ${date}`,
    other: (date: string) => `Échéance le ${date}`,
    relative: (daysLeft: number) =>
      daysLeft > 0 ? (daysLeft === 1 ? 'demain' : `dans ${daysLeft} jours`) : daysLeft === 0 ? 'aujourd’hui' : `dépassée de ${days(-daysLeft)}`,
    ack: (date: string) => `Accusé de réception à envoyer avant le ${date}`,
    none: 'Pas de décision implicite pour ce type de courrier.',
    settled: (status: string) => `Courrier ${status.toLowerCase()} : il ne figure plus dans les échéances à suivre.`,
  },
  forms: {
    submitting: 'Enregistrement…',
    serviceNone: 'Choisir un service',
    qualify: {
      title: 'Qualifier',
      type: 'Type de demande',
      typeNone: 'Choisir un type de demande',
      service: 'Service (facultatif)',
      serviceNone: 'Ne pas attribuer maintenant',
      submit: 'Qualifier',
      done: 'Le courrier est qualifié : l’échéance légale est calculée.',
    },
    assign: {
      title: 'Attribuer / réattribuer',
      service: 'Service',
      assignee: 'Agent (facultatif)',
      assigneeHint: 'Nom de l’agent chargé du dossier.',
      submit: 'Attribuer',
      done: (service: string) => `Le courrier est attribué à « ${service} ».`,
    },
    copy: {
      title: 'Mettre en copie',
      service: 'Service à mettre en copie',
      submit: 'Mettre en copie',
      done: (service: string) => `« ${service} » est en copie du courrier.`,
    },
    comment: {
      title: 'Commenter',
      body: 'Commentaire',
      submit: 'Ajouter le commentaire',
      done: 'Le commentaire est ajouté.',
    },
    link: {
      title: 'Lier à un courrier',
      chrono: 'N° chrono du courrier à lier',
      chronoHint: 'Par exemple : PREF69-2025-E-000123',
      kind: 'Nature du lien',
      replyHint: 'Le courrier lié répond à celui-ci.',
      relatedHint: 'Le courrier lié porte sur la même affaire.',
      submit: 'Lier',
      done: (chrono: string) => `Le courrier est lié à ${chrono}.`,
    },
    status: {
      title: 'Changer le statut',
      status: 'Nouveau statut',
      reason: 'Motif',
      reasonHint: 'Obligatoire pour un classement.',
      submit: 'Changer le statut',
      done: (label: string) => `Le statut de traitement est maintenant « ${label} ».`,
    },
  },
  deadlines: {
    title: 'Échéances',
    lead: 'Courriers ni répondus ni classés dont la décision implicite est passée ou arrive dans les 7 jours.',
    today: (date: string) => `Situation au ${date}.`,
    late: 'En retard',
    dueSoon: 'À échéance sous 7 jours',
    headers: ['N° chrono', 'Reçu le', 'Expéditeur', 'Objet', 'Décision implicite le', 'Délai'],
    lateEmpty: 'Aucun courrier en retard.',
    dueSoonEmpty: 'Aucun courrier n’arrive à échéance dans les 7 jours.',
    count: (n: number) => (n > 1 ? `${n} courriers` : n === 1 ? '1 courrier' : 'Aucun courrier'),
  },
} as const;
