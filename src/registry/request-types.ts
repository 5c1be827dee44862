// Default request types shipped to every entity, each with its legal regime as data. Sources:
// shared/reference/legal-rules.md (A2, A3, A14, A15) and the articles cited. Entities may add
// their own types (per-procedure delays of L231-6, lists of service-public.fr).
export type AckPolicy = 'required' | 'none';

export interface RequestTypeSeed {
  code: string;
  name: string;
  regime: 'sva' | 'svr' | 'none';
  delay: string | null;
  ack: AckPolicy;
  legalBasis: string;
  /** Only for these entities (e.g. residence permits at the prefecture). */
  entities?: string[];
}

export const DEFAULT_REQUEST_TYPES: RequestTypeSeed[] = [
  {
    code: 'DEMANDE',
    name: 'Demande (cas général)',
    regime: 'sva',
    delay: '2m',
    ack: 'required',
    legalBasis: 'CRPA L231-1 : le silence gardé pendant deux mois vaut acceptation.',
  },
  {
    code: 'ACCES-DOCUMENTS',
    name: 'Communication de documents administratifs',
    regime: 'svr',
    delay: '1m',
    ack: 'required',
    legalBasis: 'CRPA R311-13 : le silence gardé pendant plus d’un mois vaut refus.',
  },
  {
    code: 'RECOURS',
    name: 'Recours administratif (gracieux ou hiérarchique) ou réclamation',
    regime: 'svr',
    delay: '2m',
    ack: 'required',
    legalBasis: 'CRPA L231-4 2° : le silence gardé pendant deux mois vaut rejet.',
  },
  {
    code: 'FINANCIERE',
    name: 'Demande à caractère financier (subvention, indemnisation, remise)',
    regime: 'svr',
    delay: '2m',
    ack: 'required',
    legalBasis: 'CRPA L231-4 3° : le silence gardé pendant deux mois vaut rejet.',
  },
  {
    code: 'NON-INDIVIDUELLE',
    name: 'Demande ne tendant pas à une décision individuelle (avis, proposition)',
    regime: 'svr',
    delay: '2m',
    ack: 'required',
    legalBasis: 'CRPA L231-4 1° : le silence gardé pendant deux mois vaut rejet.',
  },
  {
    code: 'TITRE-SEJOUR',
    name: 'Demande de titre de séjour',
    regime: 'svr',
    delay: '4m',
    ack: 'required',
    legalBasis: 'CESEDA R432-2 : le silence gardé pendant quatre mois vaut rejet.',
    entities: ['PREF69'],
  },
  {
    code: 'AGENT',
    name: 'Demande d’un agent de l’administration (relations de travail)',
    regime: 'svr',
    delay: '2m',
    ack: 'none',
    legalBasis: 'CRPA L231-4 5° (silence vaut rejet) ; L112-2 : pas d’accusé de réception entre l’administration et ses agents.',
  },
  {
    code: 'COURRIER',
    name: 'Courrier sans demande (information, invitation, copie pour information)',
    regime: 'none',
    delay: null,
    ack: 'none',
    legalBasis: 'Pas de demande au sens de L110-1 : ni décision implicite ni accusé de réception.',
  },
];
