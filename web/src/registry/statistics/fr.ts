/** French texts of the « Pilotage » page (steering figures of an entity). */
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

function days(n: number): string {
  return `${numberFormat.format(n)} ${n >= 2 ? 'jours' : 'jour'}`;
}

export const fr = {
  nav: 'Pilotage',
  title: 'Pilotage',
  lead: 'Courriers entrants reçus pendant la période, leurs délais de traitement et le respect des délais légaux ; le stock est celui du jour.',
  period: (from: string, to: string, today: string) => `Période du ${from} au ${to} — situation au ${today}.`,
  filters: {
    legend: 'Période',
    from: 'Du',
    to: 'Au (inclus)',
    apply: 'Afficher',
    reset: 'Douze derniers mois',
    invalidRange: 'La date de fin doit suivre la date de début.',
  },
  download: 'Télécharger le tableau (CSV)',
  downloadHint: 'Pour un tableur : séparateur point-virgule, virgule décimale.',
  keyFigures: {
    title: 'Chiffres clés',
    received: 'Courriers reçus',
    receivedDetail: 'pendant la période',
    withinDelay: 'Réponses dans le délai légal',
    withinDelayDetail: (within: number, answered: number) =>
      answered === 0 ? 'Aucune demande à échéance légale répondue' : `${within} sur ${answered} demande${answered > 1 ? 's' : ''} répondue${answered > 1 ? 's' : ''}`,
    openPastDate: (n: number) => (n === 0 ? '' : ` ; ${n} en cours à échéance dépassée`),
    median: 'Délai médian de traitement',
    medianDetail: (count: number, p90: number | null) =>
      count === 0 ? 'Aucun courrier traité dans la période' : `${count} courrier${count > 1 ? 's' : ''} traité${count > 1 ? 's' : ''} ; 9 sur 10 en ${days(p90 ?? 0)} au plus`,
    backlog: 'Stock à traiter',
    backlogDetail: (over90: number) => `ni répondus ni classés, dont ${over90} depuis plus de 90 jours`,
    none: '—',
  },
  days,
  percent: (rate: number | null) => (rate === null ? '—' : new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(rate)),
  tables: {
    count: 'Nombre',
    share: 'Part',
    byChannel: { title: 'Courriers reçus par canal', label: 'Canal' },
    byRequestType: { title: 'Courriers reçus par type de demande', label: 'Type de demande' },
    byService: { title: 'Courriers reçus par service', label: 'Service' },
    byHandlingStatus: { title: 'Courriers reçus par statut de traitement', label: 'Statut' },
    backlog: { title: 'Stock par ancienneté', label: 'Depuis la réception', lead: 'Courriers ni répondus ni classés, quelle que soit leur date de réception.' },
    unqualified: 'Non qualifié',
    unassigned: 'Non attribué',
    empty: 'Aucun courrier reçu pendant la période.',
    bucket: (minDays: number, maxDays: number | null) => (maxDays === null ? `Plus de ${minDays - 1} jours` : `${minDays} à ${maxDays} jours`),
  },
  definitions: {
    title: 'Définitions',
    items: [
      'Courriers reçus : courriers entrants dont la date de réception (heure de Paris) tombe dans la période.',
      'Délai de traitement : jours calendaires entre la réception et la réponse (à défaut, le classement), pour les courriers répondus ou classés pendant la période ; le 90e centile est le délai dans lequel 9 courriers sur 10 ont été traités.',
      'Réponses dans le délai légal : parmi les demandes reçues pendant la période qui ont une date de décision implicite et ont reçu une réponse, celles répondues au plus tard ce jour-là.',
      'Stock : courriers entrants ni répondus ni classés aujourd’hui, par nombre de jours depuis leur réception.',
    ],
  },
} as const;
