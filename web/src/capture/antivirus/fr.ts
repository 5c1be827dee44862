/** French texts of the antivirus status page. */
export const fr = {
  title: 'Antivirus',
  breadcrumbAdmin: 'Administration',
  lead: 'Chaque fichier reçu (dépôt, API, ligne de commande, courriel et chacune de ses pièces jointes) passe par l’antivirus ClamAV avant d’être enregistré, quand il est configuré.',
  notConfiguredTitle: 'Aucun antivirus configuré',
  activeTitle: 'Antivirus actif',
  unreachableTitle: 'Antivirus injoignable',
  endpoint: 'Adresse de clamd',
  engine: 'Moteur',
  signatures: 'Base de signatures',
  noOfficialSignatures: 'aucune base officielle (freshclam)',
  signatureValue: (version: string, date: string | null) => (date ? `version ${version} du ${date}` : `version ${version}`),
  checkedAt: 'Dernière vérification',
  held: 'Fichiers en attente d’analyse',
  heldValue: (n: number) => (n === 0 ? 'aucun' : n === 1 ? '1 fichier retenu en quarantaine' : `${n} fichiers retenus en quarantaine`),
  recheck: 'Vérifier de nouveau',
  howTo: 'Installation et configuration : voir docs/antivirus.md (variables OCTO_CLAMAV_SOCKET ou OCTO_CLAMAV_HOST et OCTO_CLAMAV_PORT).',
} as const;
