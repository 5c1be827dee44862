/** French texts of the reminders (« Rappels » page and the header's bell). */
export const fr = {
  title: 'Rappels',
  bell: (n: number) => (n > 0 ? `Rappels (${n})` : 'Rappels'),
  lead: 'Les échéances légales qui approchent pour les courriers que vous traitez : date de décision implicite, fin du délai de production des pièces manquantes.',
  empty: 'Aucun rappel en attente.',
  kind: { implicit_decision: 'Décision implicite', missing_items: 'Pièces manquantes' },
  columns: { item: 'Courrier', kind: 'Échéance', due: 'Date', left: 'Jours ouvrés restants', service: 'Service', action: 'Action' },
  left: (n: number) => (n < 0 ? 'passée' : n === 0 ? 'aujourd’hui' : String(n)),
  dismiss: 'Marquer comme traité',
};
