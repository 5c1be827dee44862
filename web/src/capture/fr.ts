/** French texts of the capture capability (deposit of files). */
export const fr = {
  title: 'Déposer des courriers',
  lead: 'Chaque fichier déposé devient un courrier avec son numéro chrono, puis il est numérisé (OCR) et indexé automatiquement.',
  filesLabel: 'Fichiers',
  filesHint: 'Plusieurs fichiers possibles. Formats acceptés : PDF, TIFF, JPEG, PNG, EML (courriel).',
  channelLabel: 'Canal de réception',
  channels: {
    upload: 'Dépôt de fichier',
    scan: 'Numérisation papier',
    email: 'Courriel',
  },
  selected: (n: number) => (n > 1 ? `${n} fichiers sélectionnés` : '1 fichier sélectionné'),
  noFile: 'Choisissez au moins un fichier.',
  submit: 'Envoyer',
  sending: 'Envoi en cours…',
  resultsTitle: 'Résultat du dépôt',
  registeredAs: 'Enregistré sous le n°',
  quarantined: 'Mis en quarantaine',
  seeQuarantine: 'Voir la quarantaine',
  seeInbox: 'Voir les courriers',
  summary: (ok: number, ko: number) => {
    const registered = ok === 0 ? 'Aucun courrier enregistré' : ok === 1 ? '1 courrier enregistré' : `${ok} courriers enregistrés`;
    const quarantined = ko === 0 ? 'aucun fichier en quarantaine' : ko === 1 ? '1 fichier en quarantaine' : `${ko} fichiers en quarantaine`;
    return `${registered}, ${quarantined}.`;
  },
  unknownResult: 'Le serveur n’a rien renvoyé pour ce fichier.',
  again: 'Déposer d’autres fichiers',
  splitLabel: 'Lot numérisé avec feuilles de séparation',
  splitHint: 'Chaque PDF ou TIFF est découpé en courriers à chaque feuille de séparation (retirée), les pages blanches sont écartées ; le service inscrit sur la feuille reçoit le courrier.',
  printSeparator: 'Imprimer une feuille de séparation',
} as const;
