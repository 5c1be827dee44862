/** French texts of the platform (layout, entity choice, generic states). */
export const fr = {
  serviceTitle: 'Octo — Courrier',
  serviceTagline: 'La chaîne du courrier des services de l’État',
  brandTop: ['République', 'Française'] as const,
  homeTitle: 'Accueil — Octo, choix de l’entité',
  demoTitle: 'Mode démonstration :',
  demoDescription:
    'pas de connexion, toutes les actions sont faites sous l’identité « Agent de démonstration ». L’authentification arrive dans une prochaine version.',
  ministry: 'Ministère de l’Intérieur',
  skipToContent: 'Contenu',
  skipToFooter: 'Pied de page',
  changeEntity: 'Changer d’entité',
  nav: {
    inbox: 'Courriers',
    upload: 'Déposer',
    search: 'Recherche',
    quarantine: 'Quarantaine',
  },
  searchLabel: 'Rechercher dans les courriers',
  footerDescription:
    'Octo est une plateforme libre et mutualisée pour la chaîne du courrier des administrations territoriales de l’État.',
  footerLicense: 'Code source sous licence EUPL-1.2.',
  picker: {
    title: 'Choisissez votre entité',
    lead: 'Octo est partagé par plusieurs entités du pilote. Chaque entité ne voit que son propre courrier.',
    lastUsed: 'Dernière entité utilisée',
    services: (n: number) => (n > 1 ? `${n} services` : n === 1 ? '1 service' : 'Aucun service'),
    empty: 'Aucune entité n’est configurée sur cette instance.',
  },
  unknownEntityTitle: 'Entité inconnue',
  unknownEntity: (code: string) => `L’entité « ${code} » n’existe pas sur cette instance.`,
  backHome: 'Revenir au choix de l’entité',
  loading: 'Chargement…',
  errorTitle: 'Erreur',
  retry: 'Réessayer',
  notFoundTitle: 'Page introuvable',
  notFoundText: 'La page demandée n’existe pas ou a été déplacée.',
} as const;
