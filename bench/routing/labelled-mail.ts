// A labelled set of realistic incoming letters for the pilot's five entities, generated from a
// seed so every run sees the same mail: for each service, subjects and sentences agents meet in
// that service, written by varied senders, wrapped in the usual letter furniture (addresses,
// references, formulas), some with OCR-like damage, some mixing two services' matters. A part of
// each service's phrasings is held out: it appears only in the test part, never in training.

export interface LabelledLetter {
  id: string;
  entityCode: string;
  serviceCode: string;
  requestTypeCode: string;
  senderAddress: string;
  text: string;
  split: 'train' | 'test';
  /** What makes it hard, for the report: 'ocr', 'mixed', 'unseen-phrasing'. */
  traits: string[];
}

interface ServiceMatter {
  code: string;
  type: string;
  subjects: string[];
  sentences: string[];
}

const MATTERS: Record<string, ServiceMatter[]> = {
  PREF69: [
    { code: 'DMI-SEJOUR', type: 'TITRE-SEJOUR', subjects: ['Demande de titre de séjour', 'Renouvellement de ma carte de séjour pluriannuelle', 'Demande de carte de résident', 'Changement de statut étudiant vers salarié', 'Demande de récépissé de titre de séjour'], sentences: ['Je sollicite le renouvellement de mon titre de séjour qui expire le mois prochain.', 'Vous trouverez ci-joint mon passeport, mon justificatif de domicile et trois photographies d’identité.', 'Mon récépissé arrive à échéance et je n’ai toujours pas de rendez-vous en préfecture.', 'Je suis de nationalité algérienne et réside en France depuis dix ans.', 'Mon employeur m’a proposé un contrat à durée indéterminée, je demande donc une autorisation de travail.', 'Je souhaite obtenir une carte de séjour vie privée et familiale en qualité de conjoint de Français.', 'Ma demande a été déposée sur la plateforme ANEF il y a plusieurs semaines sans réponse.', 'Je vous adresse la copie de mon visa long séjour valant titre de séjour.'] },
    { code: 'DMI-NAT', type: 'DEMANDE', subjects: ['Demande d’acquisition de la nationalité française', 'Dossier de naturalisation par décret', 'Déclaration de nationalité par mariage', 'Suivi de mon dossier de naturalisation', 'Entretien d’assimilation'], sentences: ['J’ai déposé une demande de naturalisation et je souhaite connaître l’état d’avancement de mon dossier.', 'Vous trouverez joint mon certificat de niveau de langue française B1 et mon extrait d’acte de naissance.', 'Je n’ai pas reçu de convocation à l’entretien d’assimilation prévu par la procédure.', 'Marié à une ressortissante française depuis quatre ans, je souscris une déclaration de nationalité.', 'Mes avis d’imposition des trois dernières années sont joints au dossier de naturalisation.', 'Je souhaite savoir si le décret de naturalisation a été publié au Journal officiel.', 'Ma fille mineure doit-elle figurer sur le décret de naturalisation ?', 'Je vous transmets la traduction assermentée de mon casier judiciaire.'] },
    { code: 'DCIT-ARMES', type: 'DEMANDE', subjects: ['Demande d’autorisation de détention d’arme', 'Renouvellement d’autorisation de port d’arme', 'Déclaration d’arme de catégorie C', 'Carte européenne d’arme à feu', 'Dessaisissement d’une arme'], sentences: ['Tireur sportif licencié à la fédération, je sollicite une autorisation de détention d’une arme de catégorie B.', 'Je joins mon certificat médical et la copie de ma licence de tir.', 'Chasseur titulaire du permis de chasser, je déclare l’acquisition d’une carabine.', 'Je souhaite me dessaisir des armes de mon père décédé auprès d’un armurier.', 'Mon autorisation de détention arrive à expiration, je demande son renouvellement.', 'Le système d’information sur les armes SIA m’indique une erreur sur mon compte.', 'Je demande la délivrance d’une carte européenne d’arme à feu pour un voyage de chasse.', 'Un coffre-fort est installé à mon domicile pour le stockage des munitions.'] },
    { code: 'DCIT-ASSO', type: 'DEMANDE', subjects: ['Déclaration de création d’association', 'Modification des statuts de notre association', 'Dissolution de l’association', 'Reconnaissance d’utilité publique', 'Déclaration de changement de dirigeants'], sentences: ['Nous vous adressons la déclaration de création de notre association loi 1901 et ses statuts.', 'L’assemblée générale extraordinaire a modifié l’objet social et le siège de l’association.', 'Le bureau de l’association a été renouvelé, veuillez trouver la liste des nouveaux dirigeants.', 'Notre association culturelle souhaite obtenir la reconnaissance d’utilité publique.', 'Nous déclarons la dissolution de l’association votée en assemblée générale.', 'Le récépissé de déclaration de l’association ne nous est pas parvenu.', 'Le procès-verbal de l’assemblée générale est joint à la présente déclaration.', 'Nous souhaitons publier l’annonce de création au Journal officiel des associations.'] },
    { code: 'DCL', type: 'NON-INDIVIDUELLE', subjects: ['Transmission d’une délibération du conseil municipal', 'Contrôle de légalité d’un arrêté municipal', 'Budget primitif de la commune', 'Marché public de la communauté de communes', 'Recours contre une délibération'], sentences: ['Veuillez trouver ci-joint la délibération du conseil municipal au titre du contrôle de légalité.', 'Le maire vous transmet l’arrêté portant modification du plan local d’urbanisme.', 'Le budget primitif de la commune a été adopté par le conseil municipal.', 'La communauté de communes transmet les pièces du marché de travaux de voirie.', 'Un habitant conteste la légalité de la délibération relative à la vente d’un terrain communal.', 'Le syndicat intercommunal transmet le compte administratif de l’exercice.', 'Nous vous demandons de déférer cet acte au tribunal administratif.', 'La délibération fixant les indemnités des élus municipaux est jointe.'] },
    { code: 'SGCD-RH', type: 'AGENT', subjects: ['Demande de mutation', 'Demande de congé de formation', 'Candidature spontanée', 'Demande de temps partiel', 'Arrêt de travail'], sentences: ['Agent de la préfecture, je sollicite un temps partiel à quatre-vingts pour cent.', 'Je vous adresse mon arrêt de travail prescrit par mon médecin traitant.', 'Je souhaite candidater au poste d’adjoint administratif publié sur la place de l’emploi public.', 'Je demande ma mutation vers un service de la direction départementale.', 'Ma demande de congé de formation professionnelle est jointe à ce courrier.', 'Veuillez trouver mon curriculum vitae et ma lettre de motivation.', 'Je sollicite le bénéfice du compte épargne-temps pour l’année en cours.', 'Mon avancement d’échelon n’apparaît pas sur mon bulletin de paie.'] },
  ],
  'ARS-ARA': [
    { code: 'SPE-EAU', type: 'DEMANDE', subjects: ['Qualité de l’eau du robinet', 'Analyse de l’eau potable', 'Autorisation de captage d’eau', 'Périmètre de protection du captage', 'Non-conformité bactériologique'], sentences: ['L’eau du robinet de notre commune a une odeur de chlore et une couleur trouble.', 'Le syndicat des eaux sollicite l’autorisation de distribuer l’eau prélevée dans le nouveau captage.', 'Les résultats d’analyse de l’eau potable montrent une non-conformité bactériologique.', 'Nous demandons l’avis de l’hydrogéologue agréé sur le périmètre de protection du forage.', 'Des habitants signalent des troubles digestifs après consommation de l’eau du réseau.', 'La teneur en nitrates dépasse la limite de qualité dans l’eau distribuée.', 'Le contrôle sanitaire des eaux de piscine a relevé une anomalie.', 'Nous souhaitons connaître les restrictions de consommation de l’eau en vigueur.'] },
    { code: 'SPE-HAB', type: 'DEMANDE', subjects: ['Signalement de logement insalubre', 'Présence de moisissures dans mon logement', 'Intoxication au monoxyde de carbone', 'Saturnisme infantile', 'Arrêté d’insalubrité'], sentences: ['Mon logement présente d’importantes moisissures et de l’humidité dans toutes les pièces.', 'Le propriétaire refuse de réaliser les travaux malgré l’insalubrité constatée.', 'Mon enfant présente une plombémie élevée, nous craignons la présence de peinture au plomb.', 'Le chauffe-eau défectueux a provoqué une intoxication au monoxyde de carbone.', 'Le service communal d’hygiène a visité l’appartement et constaté des infiltrations.', 'Nous sollicitons une enquête sur les conditions d’habitat indigne de cet immeuble.', 'La mainlevée de l’arrêté d’insalubrité est demandée après réalisation des travaux.', 'Des punaises de lit et des rongeurs infestent le logement.'] },
    { code: 'AUTO', type: 'RECOURS', subjects: ['Réclamation concernant un EHPAD', 'Maltraitance en établissement pour personnes âgées', 'Autorisation d’un service d’aide à domicile', 'Places en foyer pour personnes handicapées', 'Tarification de l’EHPAD'], sentences: ['Ma mère résidente de l’EHPAD ne reçoit pas les soins d’hygiène nécessaires.', 'Nous signalons des faits de maltraitance sur des résidents de la maison de retraite.', 'Le manque de personnel soignant la nuit met en danger les personnes âgées dépendantes.', 'Notre fils handicapé attend une place en foyer d’accueil médicalisé depuis deux ans.', 'L’établissement médico-social sollicite une extension de capacité de son accueil de jour.', 'Le forfait dépendance facturé par l’EHPAD nous paraît injustifié.', 'La direction de l’établissement ne répond pas à nos plaintes répétées.', 'Nous demandons une inspection de l’établissement d’hébergement pour personnes âgées.'] },
    { code: 'OS', type: 'DEMANDE', subjects: ['Autorisation d’activité de soins', 'Installation d’un médecin généraliste', 'Fermeture du service des urgences', 'Pharmacie : demande de transfert d’officine', 'Centre de santé'], sentences: ['La clinique sollicite le renouvellement de son autorisation d’activité de soins de chirurgie.', 'Notre commune ne compte plus aucun médecin généraliste depuis le départ à la retraite du docteur.', 'Le pharmacien demande le transfert de son officine dans le nouveau quartier.', 'La fermeture nocturne du service des urgences inquiète les habitants.', 'Nous souhaitons ouvrir un centre de santé pluriprofessionnel.', 'L’hôpital transmet son projet d’équipement en imagerie par résonance magnétique.', 'Les délais de rendez-vous chez les spécialistes sont devenus excessifs.', 'Le groupement hospitalier de territoire présente son projet médical partagé.'] },
  ],
  'DREAL-ARA': [
    { code: 'ICPE', type: 'DEMANDE', subjects: ['Installation classée pour la protection de l’environnement', 'Demande d’autorisation environnementale', 'Nuisances d’une usine voisine', 'Déclaration d’une installation classée', 'Cessation d’activité d’un site industriel'], sentences: ['L’exploitant sollicite l’autorisation environnementale pour l’extension de sa carrière.', 'Les riverains se plaignent des odeurs et du bruit de l’usine de traitement des déchets.', 'Nous déclarons la mise en service d’une installation classée soumise à enregistrement.', 'L’inspection des installations classées est invitée à contrôler les rejets atmosphériques.', 'La société notifie la cessation d’activité de son site et la remise en état.', 'L’étude de dangers du site Seveso a été mise à jour.', 'Un incendie s’est produit dans l’entrepôt classé de la zone industrielle.', 'L’arrêté préfectoral de prescriptions complémentaires fixe des valeurs limites de rejet.'] },
    { code: 'EHN', type: 'DEMANDE', subjects: ['Destruction d’espèces protégées', 'Concession hydroélectrique', 'Site Natura 2000', 'Continuité écologique d’un cours d’eau', 'Autorisation au titre de la loi sur l’eau'], sentences: ['Le projet nécessite une dérogation à l’interdiction de destruction d’espèces protégées.', 'Le barrage hydroélectrique fait obstacle à la continuité écologique de la rivière.', 'Nous signalons la destruction d’une zone humide et d’une haie abritant des oiseaux nichant.', 'L’évaluation des incidences Natura 2000 est jointe au dossier.', 'Le renouvellement de la concession hydroélectrique doit être mis en concurrence.', 'Les débits réservés en aval de la centrale ne sont pas respectés.', 'Un inventaire faune et flore a été réalisé sur l’emprise du projet.', 'La passe à poissons de la microcentrale est hors d’usage.'] },
    { code: 'VEH', type: 'DEMANDE', subjects: ['Réception à titre isolé d’un véhicule', 'Homologation d’un véhicule importé', 'Transformation notable d’un camping-car', 'Certificat de conformité', 'Réception d’un véhicule de collection'], sentences: ['Je sollicite la réception à titre isolé de mon véhicule importé des États-Unis.', 'Le véhicule a subi une transformation notable et doit être présenté à la réception.', 'Faute de certificat de conformité européen, je demande une homologation nationale.', 'Le procès-verbal du contrôle technique et la fiche de transformation sont joints.', 'Le constructeur de la remorque sollicite une réception par type.', 'Le rendez-vous au centre de réception des véhicules a été annulé.', 'L’aménagement du fourgon en camping-car modifie le poids total autorisé en charge.', 'Le véhicule de collection a plus de trente ans et n’a jamais été immatriculé en France.'] },
    { code: 'LC', type: 'FINANCIERE', subjects: ['Logement social : agrément', 'Aide à la pierre', 'Accessibilité des bâtiments', 'Réglementation thermique d’une construction', 'Prêt locatif social'], sentences: ['L’office public de l’habitat sollicite l’agrément de quarante logements locatifs sociaux.', 'Le bailleur social demande une subvention au titre des aides à la pierre.', 'L’attestation de prise en compte de la réglementation environnementale est jointe.', 'Le programme de construction de logements sociaux comporte des prêts locatifs aidés.', 'La dérogation aux règles d’accessibilité du bâtiment d’habitation est sollicitée.', 'Le contrôle du respect des règles de construction a relevé des non-conformités.', 'La commune ne respecte pas son quota de logements sociaux au titre de la loi SRU.', 'Nous sollicitons le conventionnement APL de la résidence.'] },
  ],
  'DRFIP-ARA': [
    { code: 'DOM', type: 'DEMANDE', subjects: ['Évaluation domaniale d’un bien', 'Cession d’un immeuble de l’État', 'Avis du Domaine sur une acquisition', 'Location d’un terrain de l’État', 'Succession vacante'], sentences: ['La commune sollicite l’avis du Domaine sur la valeur vénale de la parcelle qu’elle souhaite acquérir.', 'Nous sommes intéressés par l’acquisition de l’ancienne caserne mise en vente par l’État.', 'Le pôle d’évaluation domaniale est saisi pour l’estimation d’un local commercial.', 'La convention d’occupation du domaine public arrive à échéance.', 'Le notaire signale une succession vacante dont la gestion revient au service des domaines.', 'Le département souhaite prendre à bail un terrain appartenant à l’État.', 'La valeur locative proposée par France Domaine nous paraît surévaluée.', 'La cession de l’immeuble domanial doit être précédée d’une évaluation.'] },
    { code: 'FP', type: 'RECOURS', subjects: ['Cotisation foncière des entreprises', 'Remboursement de crédit de TVA', 'Réclamation contentieuse sur l’impôt sur les sociétés', 'Demande de remise de pénalités', 'Régime fiscal de la micro-entreprise'], sentences: ['La société conteste le montant de la cotisation foncière des entreprises mis à sa charge.', 'Nous sollicitons le remboursement du crédit de taxe sur la valeur ajoutée.', 'Cette réclamation porte sur le rehaussement de l’impôt sur les sociétés.', 'Le gérant demande la remise gracieuse des majorations pour retard de déclaration.', 'L’entreprise n’a pas pu télédéclarer sa liasse fiscale dans les délais.', 'Le cabinet comptable transmet la déclaration de résultats de la SARL.', 'La vérification de comptabilité a donné lieu à une proposition de rectification.', 'Le dégrèvement de la cotisation sur la valeur ajoutée des entreprises est demandé.'] },
    { code: 'CAD', type: 'DEMANDE', subjects: ['Erreur sur le plan cadastral', 'Modification de la contenance d’une parcelle', 'Extrait de plan cadastral', 'Division parcellaire', 'Mise à jour du cadastre'], sentences: ['Le plan cadastral ne représente pas l’extension de notre maison construite en 2019.', 'La contenance de la parcelle indiquée au cadastre ne correspond pas au bornage du géomètre.', 'Le géomètre-expert transmet le document modificatif du parcellaire cadastral.', 'Je demande un extrait du plan cadastral de la section AB.', 'La limite entre les deux parcelles est mal tracée sur la matrice cadastrale.', 'La division de la parcelle en trois lots doit être reportée au cadastre.', 'Le numéro de parcelle figurant sur mon avis de taxe foncière est erroné.', 'La commune demande la mise à jour du cadastre après le remembrement.'] },
    { code: 'REC', type: 'FINANCIERE', subjects: ['Demande de délais de paiement', 'Avis à tiers détenteur', 'Saisie sur compte bancaire', 'Échéancier de règlement', 'Mise en demeure de payer'], sentences: ['Je sollicite un échéancier pour régler ma dette fiscale en plusieurs mensualités.', 'Une saisie administrative à tiers détenteur a été pratiquée sur mon compte bancaire.', 'Je conteste la mise en demeure de payer reçue alors que l’impôt a été acquitté.', 'Ma situation financière ne me permet pas de payer la totalité de la somme due.', 'Le comptable public a engagé des poursuites malgré mon plan de règlement.', 'Je demande la mainlevée de l’opposition administrative sur mon salaire.', 'Les frais de poursuite appliqués me semblent injustifiés.', 'Je souhaite connaître le solde restant dû après mes derniers versements.'] },
  ],
  'AC-LYON': [
    { code: 'DEC', type: 'DEMANDE', subjects: ['Inscription au baccalauréat', 'Résultats du brevet des collèges', 'Aménagement d’épreuves d’examen', 'Copie d’examen', 'Inscription au concours de professeur des écoles'], sentences: ['Je souhaite consulter ma copie de l’épreuve de philosophie du baccalauréat.', 'Mon fils dyslexique a besoin d’un aménagement des épreuves avec un tiers temps.', 'Je n’ai pas reçu ma convocation aux épreuves du brevet des collèges.', 'Je demande la délivrance d’un duplicata de mon diplôme du baccalauréat.', 'Mon inscription au concours de recrutement de professeurs des écoles n’a pas été enregistrée.', 'Je conteste la note obtenue à l’épreuve orale du BTS.', 'Candidat libre, je souhaite m’inscrire à la session de juin.', 'Le relevé de notes du certificat d’aptitude professionnelle comporte une erreur.'] },
    { code: 'DPE', type: 'AGENT', subjects: ['Demande de mutation intra-académique', 'Disponibilité pour convenances personnelles', 'Demande de temps partiel', 'Reclassement d’un enseignant', 'Rendez-vous de carrière'], sentences: ['Professeur certifié de mathématiques, je sollicite une mise en disponibilité.', 'Je souhaite participer au mouvement intra-académique pour rejoindre mon conjoint.', 'Le rapport de mon rendez-vous de carrière ne reflète pas mon inspection.', 'Je demande un temps partiel pour élever mon enfant de moins de trois ans.', 'Professeure des écoles stagiaire, ma titularisation n’apparaît pas sur mon arrêté.', 'Mon reclassement indiciaire ne tient pas compte de mes services antérieurs.', 'Je sollicite un congé de formation professionnelle pour préparer l’agrégation.', 'Le rectorat n’a pas versé l’indemnité de suivi et d’orientation des élèves.'] },
    { code: 'DSVS', type: 'RECOURS', subjects: ['Harcèlement scolaire', 'Exclusion définitive d’un élève', 'Affectation en lycée', 'Conseil de discipline', 'Instruction en famille'], sentences: ['Notre fille est victime de harcèlement au collège depuis la rentrée.', 'Nous contestons la décision d’exclusion définitive prononcée par le conseil de discipline.', 'L’affectation de notre fils dans un lycée éloigné ne correspond pas à ses vœux.', 'Nous demandons l’autorisation d’instruction en famille pour notre enfant.', 'Le redoublement imposé par le conseil de classe nous paraît injustifié.', 'La commission d’appel doit réexaminer l’orientation de notre fille.', 'Un élève a été agressé à la sortie de l’établissement scolaire.', 'L’inscription en classe de seconde a été refusée par le proviseur.'] },
    { code: 'BOURSES', type: 'FINANCIERE', subjects: ['Demande de bourse de lycée', 'Bourse de collège', 'Fonds social lycéen', 'Révision du montant de la bourse', 'Bourse au mérite'], sentences: ['Je sollicite une bourse nationale de lycée pour mon fils scolarisé en seconde.', 'Le montant de la bourse de collège a été calculé sur des revenus erronés.', 'Nous demandons une aide du fonds social pour payer la cantine et les fournitures.', 'Notre dossier de bourse a été rejeté alors que nos ressources ont baissé.', 'Mon fils a obtenu une mention très bien au brevet et peut prétendre à la bourse au mérite.', 'Le versement de la bourse du troisième trimestre n’a pas eu lieu.', 'Vous trouverez notre avis d’imposition pour l’examen du droit à bourse.', 'La prime d’équipement pour la section professionnelle n’a pas été versée.'] },
  ],
};

const FIRST_NAMES = ['Karim', 'Sophie', 'Jean-Pierre', 'Nadia', 'Mamadou', 'Isabelle', 'Thi Lan', 'Grégoire', 'Fatima', 'Luc', 'Émilie', 'Yusuf', 'Chantal', 'Olivier', 'Aïcha', 'Bernard'];
const LAST_NAMES = ['Benali', 'Martin', 'Durand', 'Nguyen', 'Diallo', 'Lefèvre', 'Moreau', 'Haddad', 'Petit', 'Rousseau', 'Traoré', 'Garnier', 'Fontaine', 'Chevalier', 'Mercier'];
const ORGANISATIONS = ['Mairie de Villeurbanne', 'Cabinet Dupuis avocats', 'SARL Transports Rhodaniens', 'Association Les Amis du Vieux Lyon', 'Étude de Maître Girard, notaire', 'Communauté de communes des Monts du Lyonnais', 'SCI Bellecour', 'Union départementale des associations familiales'];
const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'cours Gambetta', 'chemin des Vignes', 'place Bellecour', 'rue Victor Hugo', 'boulevard des Belges'];
const CITIES = ['69003 Lyon', '69100 Villeurbanne', '69500 Bron', '42000 Saint-Étienne', '38000 Grenoble', '01000 Bourg-en-Bresse', '69400 Villefranche-sur-Saône'];
const DOMAINS = ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'wanadoo.fr', 'mairie-villeurbanne.fr', 'avocats-dupuis.fr'];
const OPENINGS = ['Madame, Monsieur,', 'Monsieur le Préfet,', 'Madame la Directrice,', 'Monsieur le Directeur,', 'Madame, Monsieur le Recteur,', 'Bonjour,'];
const CLOSINGS = ['Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.', 'Veuillez agréer l’expression de ma haute considération.', 'Dans l’attente de votre réponse, je vous prie de croire à mes sentiments respectueux.', 'Cordialement.', 'Je reste à votre disposition pour tout renseignement complémentaire.'];
const FILLERS = ['Je vous remercie par avance de l’attention que vous porterez à ma demande.', 'Je me permets de vous relancer car je n’ai reçu aucune réponse à mon précédent courrier.', 'Je suis joignable au numéro indiqué ci-dessus.', 'Les pièces justificatives sont jointes à la présente.', 'Cette situation dure depuis plusieurs mois et devient urgente.', 'Je vous serais reconnaissant de bien vouloir examiner ma situation.'];
const RECOURSE = ['Je forme un recours gracieux contre la décision de refus qui m’a été notifiée.', 'Je conteste cette décision et vous demande de la réexaminer.'];
const INFORMATION = ['Pour information, je vous transmets copie du courrier adressé au maire.', 'Ce courrier vous est adressé pour information, aucune réponse n’est attendue.'];

/** A small deterministic generator (mulberry32), so the set is the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)];
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
      return out;
    },
  };
}

const OCR_CONFUSIONS: Array<[RegExp, string]> = [[/e/g, 'c'], [/i/g, 'l'], [/o/g, '0'], [/m/g, 'rn'], [/[éèê]/g, 'e'], [/l/g, '1'], [/a/g, 'à'], [/u/g, 'v']];

/** Damages a text like a poor scan: confused letters, lost accents, broken words. */
export function ocrDamage(text: string, rate: number, rng: ReturnType<typeof random>): string {
  let out = '';
  for (const ch of text) {
    const roll = rng.next();
    if (roll < rate) {
      const [pattern, replacement] = rng.pick(OCR_CONFUSIONS);
      pattern.lastIndex = 0;
      out += pattern.test(ch) ? replacement : ch;
    } else if (roll < rate * 1.3 && ch === ' ') out += '';
    else if (roll < rate * 1.5 && /\p{L}/u.test(ch)) out += `${ch} `;
    else out += ch;
  }
  return out;
}

export interface LabelledSetOptions {
  seed?: number;
  lettersPerService?: number;
  testShare?: number;
}

/** The whole labelled set; a fixed share of each service (and all of its held-out phrasings) is for testing. */
export function labelledLetters(options: LabelledSetOptions = {}): LabelledLetter[] {
  const rng = random(options.seed ?? 20261203);
  const perService = options.lettersPerService ?? 60;
  const testShare = options.testShare ?? 0.3;
  const letters: LabelledLetter[] = [];
  for (const [entityCode, matters] of Object.entries(MATTERS)) {
    for (const matter of matters) {
      // The last subject and the last two sentences are never seen in training.
      const trainSubjects = matter.subjects.slice(0, -1);
      const trainSentences = matter.sentences.slice(0, -2);
      for (let n = 0; n < perService; n++) {
        const split: 'train' | 'test' = n < Math.round(perService * (1 - testShare)) ? 'train' : 'test';
        const traits: string[] = [];
        const subjects = split === 'train' ? trainSubjects : matter.subjects;
        const sentencesPool = split === 'train' ? trainSentences : matter.sentences;
        const subject = rng.pick(subjects);
        const sentences = rng.sample(sentencesPool, 1 + rng.int(3));
        if (split === 'test' && (subject === matter.subjects.at(-1) || sentences.some((s) => matter.sentences.slice(-2).includes(s)))) {
          traits.push('unseen-phrasing');
        }
        let type = matter.type;
        const extra: string[] = [];
        const kind = rng.next();
        if (kind < 0.15) {
          extra.push(rng.pick(RECOURSE));
          type = 'RECOURS';
        } else if (kind < 0.22) {
          extra.push(rng.pick(INFORMATION));
          type = 'COURRIER';
        }
        if (rng.next() < 0.1) {
          // A letter that also touches another service's matter: the label stays the main one.
          const other = rng.pick(matters.filter((m) => m.code !== matter.code));
          extra.push(rng.pick(other.sentences));
          traits.push('mixed');
        }
        const isOrganisation = rng.next() < 0.3;
        const first = rng.pick(FIRST_NAMES);
        const last = rng.pick(LAST_NAMES);
        const senderName = isOrganisation ? rng.pick(ORGANISATIONS) : `${rng.pick(['M.', 'Mme'])} ${first} ${last}`;
        const senderAddress = `${foldName(first)}.${foldName(last)}${rng.int(90)}@${rng.pick(DOMAINS)}`;
        const body = [
          senderName,
          `${1 + rng.int(120)} ${rng.pick(STREETS)}`,
          rng.pick(CITIES),
          rng.next() < 0.5 ? `Tél. 06 ${10 + rng.int(89)} ${10 + rng.int(89)} ${10 + rng.int(89)} ${10 + rng.int(89)}` : senderAddress,
          '',
          `Lyon, le ${1 + rng.int(28)} ${rng.pick(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'septembre', 'octobre'])} 2026`,
          `Objet : ${subject}`,
          rng.next() < 0.4 ? `N/Réf. : ${String.fromCharCode(65 + rng.int(26))}${rng.int(99999)}/${rng.int(99)}` : '',
          '',
          rng.pick(OPENINGS),
          '',
          ...rng.sample([...sentences, ...extra, ...rng.sample(FILLERS, rng.int(3))], 99),
          '',
          rng.pick(CLOSINGS),
          '',
          isOrganisation ? `Pour ${senderName}, ${first} ${last}` : `${first} ${last}`,
        ].join('\n');
        let text = body;
        if (rng.next() < 0.3) {
          text = ocrDamage(body, 0.02 + rng.next() * 0.04, rng);
          traits.push('ocr');
        }
        letters.push({
          id: `${entityCode}-${matter.code}-${String(n).padStart(3, '0')}`,
          entityCode,
          serviceCode: matter.code,
          requestTypeCode: type,
          senderAddress,
          text,
          split,
          traits,
        });
      }
    }
  }
  return letters;
}

function foldName(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
}

/** Keyword rules an entity's mailroom would write on day one (the bench's peer baseline). */
export const BASELINE_KEYWORD_RULES: Record<string, Array<{ serviceCode: string; keywords: string[] }>> = {
  PREF69: [
    { serviceCode: 'DMI-SEJOUR', keywords: ['titre de séjour', 'carte de séjour', 'récépissé'] },
    { serviceCode: 'DMI-NAT', keywords: ['naturalisation', 'nationalité'] },
    { serviceCode: 'DCIT-ARMES', keywords: ['arme', 'armes'] },
    { serviceCode: 'DCIT-ASSO', keywords: ['association'] },
    { serviceCode: 'DCL', keywords: ['délibération', 'contrôle de légalité'] },
    { serviceCode: 'SGCD-RH', keywords: ['mutation', 'temps partiel', 'arrêt de travail'] },
  ],
  'ARS-ARA': [
    { serviceCode: 'SPE-EAU', keywords: ['eau potable', 'captage', 'eau du robinet'] },
    { serviceCode: 'SPE-HAB', keywords: ['insalubre', 'insalubrité', 'moisissures'] },
    { serviceCode: 'AUTO', keywords: ['EHPAD', 'handicapé', 'maltraitance'] },
    { serviceCode: 'OS', keywords: ['médecin', 'urgences', 'officine'] },
  ],
  'DREAL-ARA': [
    { serviceCode: 'ICPE', keywords: ['installation classée', 'ICPE', 'usine'] },
    { serviceCode: 'EHN', keywords: ['espèces protégées', 'Natura 2000', 'hydroélectrique'] },
    { serviceCode: 'VEH', keywords: ['véhicule', 'réception à titre isolé'] },
    { serviceCode: 'LC', keywords: ['logement social', 'logements sociaux'] },
  ],
  'DRFIP-ARA': [
    { serviceCode: 'DOM', keywords: ['Domaine', 'domaniale', 'évaluation'] },
    { serviceCode: 'FP', keywords: ['TVA', 'cotisation foncière', 'impôt sur les sociétés'] },
    { serviceCode: 'CAD', keywords: ['cadastre', 'cadastral', 'parcelle'] },
    { serviceCode: 'REC', keywords: ['échéancier', 'saisie', 'délais de paiement'] },
  ],
  'AC-LYON': [
    { serviceCode: 'DEC', keywords: ['baccalauréat', 'brevet', 'examen', 'concours'] },
    { serviceCode: 'DPE', keywords: ['mutation', 'disponibilité', 'temps partiel'] },
    { serviceCode: 'DSVS', keywords: ['harcèlement', 'exclusion', 'affectation'] },
    { serviceCode: 'BOURSES', keywords: ['bourse'] },
  ],
};
