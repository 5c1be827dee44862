import type { BasketCode } from './api.ts';

/** French texts of the « Bannettes » page. */
export const fr = {
  nav: 'Bannettes',
  title: 'Bannettes',
  menuTitle: 'Mes bannettes',
  menuButton: 'Voir les bannettes',
  leadWholeEntity: 'Tout le courrier ouvert de l’entité, rangé par ce qu’il reste à faire.',
  leadServices: 'Le courrier ouvert attribué à vos services (et à leurs sous-services), ou mis en copie.',
  today: (date: string) => `Situation au ${date}.`,
  menuItem: (label: string, count: number) => `${label} (${count})`,
  total: (n: number) => (n > 1 ? `${n} courriers` : n === 1 ? '1 courrier' : 'Aucun courrier'),
  headers: ['N° chrono', 'Reçu le', 'Expéditeur', 'Objet', 'Service', 'Type de demande', 'Échéance'],
  noService: 'Non attribué',
  noType: 'Non qualifié',
  noDeadline: 'Sans échéance',
  deadline: (date: string, relative: string) => `${date} — ${relative}`,
  empty: {
    'a-qualifier': 'Aucun courrier à qualifier : tout le courrier ouvert est attribué à un service.',
    'a-traiter': 'Aucun courrier à traiter.',
    'en-copie': 'Aucun courrier en copie.',
    'en-retard': 'Aucun courrier en retard : toutes les échéances sont tenues.',
  } satisfies Record<BasketCode, string>,
  emptyFiltered: 'Aucun courrier de cette bannette ne correspond aux filtres.',
  noBasket: 'Vous n’avez aucune bannette dans cette entité.',
  unknownBasket: 'Cette bannette n’existe pas ou ne vous est pas ouverte.',
  filters: {
    legend: 'Filtrer la bannette',
    channel: 'Canal',
    type: 'Type de demande',
    service: 'Service',
    deadlineBy: 'Échéance au plus tard le',
    all: 'Tous',
    apply: 'Filtrer',
    reset: 'Effacer les filtres',
  },
} as const;
