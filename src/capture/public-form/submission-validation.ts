import { compactIdentifier, isValidRna, normalizeRna, siretProblem } from './identifiers.ts';
import type { SubmissionInput } from './public-form.schemas.ts';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface ValidSubmission {
  requesterKind: SubmissionInput['requesterKind'];
  lastName: string;
  firstName: string;
  organisationName: string | null;
  siret: string | null;
  rna: string | null;
  email: string;
  addressLines: string[];
  postcode: string;
  city: string;
  country: string | null;
  phone: string | null;
  requestTypeCode: string;
  subject: string;
  message: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;
const FRANCE = /^(france|fr)?$/i;
export const MESSAGE_MAX = 20_000;

/**
 * The identity the law asks of whoever writes to an administration electronically (CRPA L112-9):
 * name, first name, postal and e-mail addresses; a company adds its SIRET, an association its RNA
 * number. Returns every problem at once, each with a French sentence naming the field.
 */
export function validateSubmission(input: SubmissionInput): { value?: ValidSubmission; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  const text = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();

  const lastName = text(input.lastName);
  const firstName = text(input.firstName);
  if (!lastName) add('lastName', 'required', 'Indiquez votre nom.');
  else if (lastName.length > 100) add('lastName', 'too_long', 'Le nom compte 100 caractères au plus.');
  if (!firstName) add('firstName', 'required', 'Indiquez votre prénom.');
  else if (firstName.length > 100) add('firstName', 'too_long', 'Le prénom compte 100 caractères au plus.');

  let organisationName: string | null = null;
  let siret: string | null = null;
  let rna: string | null = null;
  if (input.requesterKind !== 'person') {
    organisationName = text(input.organisationName) || null;
    const what = input.requesterKind === 'company' ? 'de l’entreprise (raison sociale)' : 'de l’association';
    if (!organisationName) add('organisationName', 'required', `Indiquez le nom ${what}.`);
  }
  if (input.requesterKind === 'company') {
    const raw = text(input.siret);
    const problem = raw ? siretProblem(raw) : 'required';
    if (problem === 'required') add('siret', 'required', 'Indiquez le numéro SIRET de l’entreprise (14 chiffres).');
    else if (problem === 'format') add('siret', 'siret_format', `Le numéro SIRET « ${raw} » doit compter exactement 14 chiffres.`);
    else if (problem === 'checksum') add('siret', 'siret_checksum', `Le numéro SIRET « ${raw} » n’existe pas : sa clé de contrôle est fausse. Vérifiez chaque chiffre (il figure sur l’extrait Kbis ou l’avis de situation INSEE).`);
    else siret = compactIdentifier(raw);
  }
  if (input.requesterKind === 'association') {
    const raw = text(input.rna);
    if (!raw) add('rna', 'required', 'Indiquez le numéro RNA de l’association (W suivi de 9 chiffres).');
    else if (!isValidRna(raw)) add('rna', 'rna_format', `Le numéro RNA « ${raw} » est invalide : il s’écrit W suivi de 9 chiffres, par exemple W691234567.`);
    else rna = normalizeRna(raw);
  }

  const email = text(input.email).toLowerCase();
  if (!email) add('email', 'required', 'Indiquez votre adresse électronique : les accusés d’enregistrement et de réception y seront envoyés.');
  else if (email.length > 200 || !EMAIL.test(email)) add('email', 'email_format', `L’adresse électronique « ${email} » est invalide : elle s’écrit nom@domaine.fr.`);

  const addressLines = input.addressLines.map(text).filter(Boolean);
  const country = text(input.country) || null;
  const inFrance = FRANCE.test(country ?? '');
  const postcode = text(input.postcode);
  const city = text(input.city);
  if (addressLines.length === 0) add('addressLines', 'required', 'Indiquez votre adresse postale (numéro et voie).');
  else if (addressLines.length > 3 || addressLines.some((l) => l.length > 38)) add('addressLines', 'too_long', 'L’adresse tient en 3 lignes de 38 caractères au plus (norme postale NF Z10-011).');
  if (!postcode) add('postcode', 'required', 'Indiquez votre code postal.');
  else if (inFrance && !/^\d{5}$/.test(postcode)) add('postcode', 'postcode_format', `Le code postal « ${postcode} » doit compter 5 chiffres.`);
  if (!city) add('city', 'required', 'Indiquez votre commune.');

  const phone = text(input.phone) || null;
  if (phone && !/^\+?[\d\s.()-]{6,20}$/.test(phone)) add('phone', 'phone_format', `Le numéro de téléphone « ${phone} » est invalide.`);

  const requestTypeCode = text(input.requestTypeCode);
  if (!requestTypeCode) add('requestTypeCode', 'required', 'Choisissez le type de votre demande.');
  const subject = text(input.subject);
  if (!subject) add('subject', 'required', 'Indiquez l’objet de votre demande.');
  else if (subject.length > 200) add('subject', 'too_long', 'L’objet compte 200 caractères au plus.');
  const message = (input.message ?? '').replace(/\r\n?/g, '\n').trim();
  if (!message) add('message', 'required', 'Écrivez votre message.');
  else if (message.length > MESSAGE_MAX) add('message', 'too_long', `Le message compte ${MESSAGE_MAX} caractères au plus ; joignez un document pour un texte plus long.`);

  if (problems.length) return { problems };
  return {
    problems,
    value: {
      requesterKind: input.requesterKind, lastName, firstName, organisationName, siret, rna, email, addressLines,
      postcode, city, country: inFrance ? null : country, phone, requestTypeCode, subject, message,
    },
  };
}
