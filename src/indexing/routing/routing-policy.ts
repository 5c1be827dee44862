// When the classifier may decide alone.

/** Below this confidence the classifier abstains and the item waits in the mailroom's basket. */
export const DEFAULT_MIN_CONFIDENCE = 0.8;
/** A model with fewer examples than this proposes nothing: it has not seen enough mail. */
export const MIN_EXAMPLES = 10;
/** A text with fewer known features than this is too short or too noisy to judge. */
export const MIN_KNOWN_FEATURES = 3;
