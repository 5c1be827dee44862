/** French texts of the « Contacts » page. */
export const fr = {
  nav: 'Contacts',
  title: 'Contacts',
  lead: 'L’annuaire est partagé par toutes les entités de la plateforme ; un contact confidentiel n’est visible que des agents de son entité.',
  searchLabel: 'Rechercher un contact (nom, organisation, courriel, SIRET, code postal, ville)',
  searchButton: 'Rechercher',
  count: (n: number) => (n > 1 ? `${n} contacts` : n === 1 ? '1 contact' : 'Aucun contact'),
  columns: { name: 'Nom', address: 'Adresse postale', email: 'Courriel', phone: 'Téléphone', siret: 'SIRET' },
  confidential: (entity: string) => `Confidentiel (${entity})`,
  duplicatesTitle: 'Doublons probables',
  duplicatesEmpty: 'Aucun doublon probable.',
  reasons: { email: 'même courriel', siret: 'même SIRET', name_postcode: 'nom proche, même code postal' } as Record<string, string>,
  keep: (name: string) => `Conserver « ${name} »`,
  merged: (n: number) => `Contacts fusionnés : ${n} courrier(s) rattaché(s) au contact conservé.`,
};
