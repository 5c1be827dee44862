// The regional pilot's five entities and their services (demo data, shipped with every install).
export interface EntitySeed {
  code: string;
  name: string;
  shortName: string;
  services: Array<{ code: string; name: string; parent?: string }>;
}

export const PILOT_ENTITIES: EntitySeed[] = [
  {
    code: 'PREF69',
    name: 'Préfecture du Rhône',
    shortName: 'Préfecture 69',
    services: [
      { code: 'COURRIER', name: 'Courrier central' },
      { code: 'CAB', name: 'Cabinet du préfet' },
      { code: 'DMI', name: 'Direction des migrations et de l’intégration' },
      { code: 'DMI-SEJOUR', name: 'Bureau des titres de séjour', parent: 'DMI' },
      { code: 'DMI-NAT', name: 'Bureau des naturalisations', parent: 'DMI' },
      { code: 'DCIT', name: 'Direction de la citoyenneté' },
      { code: 'DCIT-ASSO', name: 'Bureau des associations', parent: 'DCIT' },
      { code: 'DCIT-ELEC', name: 'Bureau des élections', parent: 'DCIT' },
      { code: 'DCIT-ARMES', name: 'Bureau des armes', parent: 'DCIT' },
      { code: 'DCL', name: 'Direction des collectivités et de la légalité' },
      { code: 'SGCD', name: 'Secrétariat général commun départemental' },
      { code: 'SGCD-RH', name: 'Ressources humaines', parent: 'SGCD' },
      { code: 'SGCD-FIN', name: 'Finances', parent: 'SGCD' },
      { code: 'SGCD-MP', name: 'Marchés publics', parent: 'SGCD' },
      { code: 'SGCD-IMMO', name: 'Immobilier', parent: 'SGCD' },
      { code: 'SGCD-LOG', name: 'Logistique', parent: 'SGCD' },
    ],
  },
  {
    code: 'ARS-ARA',
    name: 'Agence régionale de santé Auvergne-Rhône-Alpes',
    shortName: 'ARS ARA',
    services: [
      { code: 'COURRIER', name: 'Courrier' },
      { code: 'SPE', name: 'Santé publique et environnement' },
      { code: 'SPE-EAU', name: 'Eau potable', parent: 'SPE' },
      { code: 'SPE-HAB', name: 'Habitat insalubre', parent: 'SPE' },
      { code: 'OS', name: 'Offre de soins' },
      { code: 'AUTO', name: 'Autonomie (EHPAD, handicap)' },
      { code: 'VSS', name: 'Veille et sécurité sanitaire' },
      { code: 'IC', name: 'Inspection-contrôle' },
    ],
  },
  {
    code: 'DREAL-ARA',
    name: 'Direction régionale de l’environnement, de l’aménagement et du logement Auvergne-Rhône-Alpes',
    shortName: 'DREAL ARA',
    services: [
      { code: 'COURRIER', name: 'Courrier' },
      { code: 'ICPE', name: 'Installations classées (ICPE)' },
      { code: 'EHN', name: 'Eau, hydroélectricité, nature' },
      { code: 'EC', name: 'Énergie, climat' },
      { code: 'VEH', name: 'Véhicules (réceptions)' },
      { code: 'LC', name: 'Logement, construction' },
    ],
  },
  {
    code: 'DRFIP-ARA',
    name: 'Direction régionale des finances publiques Auvergne-Rhône-Alpes et du Rhône',
    shortName: 'DRFiP ARA',
    services: [
      { code: 'COURRIER', name: 'Courrier' },
      { code: 'GP', name: 'Gestion publique (comptabilité, dépense de l’État)' },
      { code: 'DOM', name: 'Domaine (immobilier de l’État)' },
      { code: 'FP', name: 'Fiscalité des professionnels' },
      { code: 'CAD', name: 'Cadastre' },
      { code: 'REC', name: 'Recouvrement' },
    ],
  },
  {
    code: 'AC-LYON',
    name: 'Rectorat de l’académie de Lyon',
    shortName: 'Rectorat de Lyon',
    services: [
      { code: 'COURRIER', name: 'Courrier' },
      { code: 'DEC', name: 'Examens et concours' },
      { code: 'DPE', name: 'Personnels enseignants' },
      { code: 'DSVS', name: 'Scolarité et vie scolaire' },
      { code: 'BOURSES', name: 'Bourses' },
      { code: 'DAJ', name: 'Affaires juridiques' },
    ],
  },
];

/** A service's contact data, as every acknowledgement of receipt must give it (CRPA R112-5). */
export interface ServiceContactSeed {
  addressLines: string[];
  postcode: string;
  city: string;
  email: string;
  phone: string;
}

/**
 * Demo contact data of the pilot's services: each entity's real postal address (CEDEX codes of
 * the administrations' own mail centres), functional e-mails and phones in the French format.
 * The e-mails and the direct lines are illustrative; an entity replaces them with its own.
 */
const site = (addressLines: string[], postcode: string, city: string) => ({ addressLines, postcode, city });
const PREF69_SITE = site(['106 rue Pierre Corneille'], '69419', 'Lyon Cedex 03');
const ARS_SITE = site(['241 rue Garibaldi', 'CS 93383'], '69418', 'Lyon Cedex 03');
const DREAL_SITE = site(['5 place Jules Ferry'], '69453', 'Lyon Cedex 06');
const DRFIP_SITE = site(['3 rue de la Charité'], '69268', 'Lyon Cedex 02');
const RECTORAT_SITE = site(['92 rue de Marseille', 'BP 7227'], '69354', 'Lyon Cedex 07');

export const PILOT_SERVICE_CONTACTS: Record<string, Record<string, ServiceContactSeed>> = {
  PREF69: {
    COURRIER: { ...PREF69_SITE, email: 'pref-courrier@rhone.gouv.fr', phone: '04 72 61 60 60' },
    CAB: { ...PREF69_SITE, email: 'pref-cabinet@rhone.gouv.fr', phone: '04 72 61 61 10' },
    DMI: { ...PREF69_SITE, email: 'pref-dmi@rhone.gouv.fr', phone: '04 72 61 62 00' },
    'DMI-SEJOUR': { ...PREF69_SITE, email: 'pref-titres-sejour@rhone.gouv.fr', phone: '04 72 61 62 10' },
    'DMI-NAT': { ...PREF69_SITE, email: 'pref-naturalisations@rhone.gouv.fr', phone: '04 72 61 62 30' },
    DCIT: { ...PREF69_SITE, email: 'pref-citoyennete@rhone.gouv.fr', phone: '04 72 61 63 00' },
    'DCIT-ASSO': { ...PREF69_SITE, email: 'pref-associations@rhone.gouv.fr', phone: '04 72 61 63 10' },
    'DCIT-ELEC': { ...PREF69_SITE, email: 'pref-elections@rhone.gouv.fr', phone: '04 72 61 63 20' },
    'DCIT-ARMES': { ...PREF69_SITE, email: 'pref-armes@rhone.gouv.fr', phone: '04 72 61 63 30' },
    DCL: { ...PREF69_SITE, email: 'pref-legalite@rhone.gouv.fr', phone: '04 72 61 64 00' },
    SGCD: { ...PREF69_SITE, email: 'sgcd-secretariat@rhone.gouv.fr', phone: '04 72 61 65 00' },
    'SGCD-RH': { ...PREF69_SITE, email: 'sgcd-rh@rhone.gouv.fr', phone: '04 72 61 65 10' },
    'SGCD-FIN': { ...PREF69_SITE, email: 'sgcd-finances@rhone.gouv.fr', phone: '04 72 61 65 20' },
    'SGCD-MP': { ...PREF69_SITE, email: 'sgcd-marches@rhone.gouv.fr', phone: '04 72 61 65 30' },
    'SGCD-IMMO': { ...PREF69_SITE, email: 'sgcd-immobilier@rhone.gouv.fr', phone: '04 72 61 65 40' },
    'SGCD-LOG': { ...PREF69_SITE, email: 'sgcd-logistique@rhone.gouv.fr', phone: '04 72 61 65 50' },
  },
  'ARS-ARA': {
    COURRIER: { ...ARS_SITE, email: 'ars-ara-courrier@ars.sante.fr', phone: '04 72 34 74 00' },
    SPE: { ...ARS_SITE, email: 'ars-ara-dsp-spe@ars.sante.fr', phone: '04 72 34 74 10' },
    'SPE-EAU': { ...ARS_SITE, email: 'ars-ara-dsp-eau@ars.sante.fr', phone: '04 72 34 74 11' },
    'SPE-HAB': { ...ARS_SITE, email: 'ars-ara-dsp-habitat@ars.sante.fr', phone: '04 72 34 74 12' },
    OS: { ...ARS_SITE, email: 'ars-ara-offre-soins@ars.sante.fr', phone: '04 72 34 74 20' },
    AUTO: { ...ARS_SITE, email: 'ars-ara-autonomie@ars.sante.fr', phone: '04 72 34 74 30' },
    VSS: { ...ARS_SITE, email: 'ars-ara-alerte@ars.sante.fr', phone: '04 72 34 74 40' },
    IC: { ...ARS_SITE, email: 'ars-ara-inspection@ars.sante.fr', phone: '04 72 34 74 50' },
  },
  'DREAL-ARA': {
    COURRIER: { ...DREAL_SITE, email: 'courrier.dreal-ara@developpement-durable.gouv.fr', phone: '04 26 28 60 00' },
    ICPE: { ...DREAL_SITE, email: 'icpe.dreal-ara@developpement-durable.gouv.fr', phone: '04 26 28 60 10' },
    EHN: { ...DREAL_SITE, email: 'ehn.dreal-ara@developpement-durable.gouv.fr', phone: '04 26 28 60 20' },
    EC: { ...DREAL_SITE, email: 'energie-climat.dreal-ara@developpement-durable.gouv.fr', phone: '04 26 28 60 30' },
    VEH: { ...DREAL_SITE, email: 'vehicules.dreal-ara@developpement-durable.gouv.fr', phone: '04 26 28 60 40' },
    LC: { ...DREAL_SITE, email: 'logement.dreal-ara@developpement-durable.gouv.fr', phone: '04 26 28 60 50' },
  },
  'DRFIP-ARA': {
    COURRIER: { ...DRFIP_SITE, email: 'drfip69.courrier@dgfip.finances.gouv.fr', phone: '04 72 40 83 00' },
    GP: { ...DRFIP_SITE, email: 'drfip69.gestion-publique@dgfip.finances.gouv.fr', phone: '04 72 40 83 10' },
    DOM: { ...DRFIP_SITE, email: 'drfip69.domaine@dgfip.finances.gouv.fr', phone: '04 72 40 83 20' },
    FP: { ...DRFIP_SITE, email: 'drfip69.fiscalite-pro@dgfip.finances.gouv.fr', phone: '04 72 40 83 30' },
    CAD: { ...DRFIP_SITE, email: 'drfip69.cadastre@dgfip.finances.gouv.fr', phone: '04 72 40 83 40' },
    REC: { ...DRFIP_SITE, email: 'drfip69.recouvrement@dgfip.finances.gouv.fr', phone: '04 72 40 83 50' },
  },
  'AC-LYON': {
    COURRIER: { ...RECTORAT_SITE, email: 'ce.courrier@ac-lyon.fr', phone: '04 72 80 60 60' },
    DEC: { ...RECTORAT_SITE, email: 'ce.dec@ac-lyon.fr', phone: '04 72 80 60 70' },
    DPE: { ...RECTORAT_SITE, email: 'ce.dpe@ac-lyon.fr', phone: '04 72 80 61 00' },
    DSVS: { ...RECTORAT_SITE, email: 'ce.dsvs@ac-lyon.fr', phone: '04 72 80 61 20' },
    BOURSES: { ...RECTORAT_SITE, email: 'ce.bourses@ac-lyon.fr', phone: '04 72 80 61 40' },
    DAJ: { ...RECTORAT_SITE, email: 'ce.daj@ac-lyon.fr', phone: '04 72 80 61 60' },
  },
};
