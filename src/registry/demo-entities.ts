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
