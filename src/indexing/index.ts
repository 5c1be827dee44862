// Public surface of the indexing capability.
export { extractFields } from './extract-fields.ts';
export type { ExtractedField, ExtractionInput, FieldName } from './extract-fields.ts';
export { findDates, parseFrenchDate, isValidDate } from './dates.ts';
export type { DateMatch, DateRole, ParsedDate } from './dates.ts';
export { normalizeFrenchPhone, formatE164 } from './contacts.ts';
export { lookupPostcode } from './postal.ts';
export type { PostcodeLookup } from './postal.ts';
export type { ReferenceKind } from './references.ts';
export { isPersonName } from './sender.ts';
// Storage of extracted fields (field.service.ts, written alongside by the capture/registry side).
export { indexMailItemFields, listFieldViews } from './field.service.ts';
export type { DocumentText, FieldView } from './field.service.ts';
// Routing: rules, the trainable classifier, the decision recorded per item.
export { routeIndexedMailItem, learnFromCorrection } from './routing/routing.service.ts';
