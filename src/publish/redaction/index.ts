/** Redaction: suggestions to review, a reporter's own spans, whole entities, and the forms the leak check must not find. */
export { findAddresses, type TextSpan } from "./addresses.js";
export { spanInContext, type SpanInContext } from "./context.js";
export { planEntityRedaction, redactEntity, scriptOf, type EntityRedactionOptions, type EntityRedactionPlan, type EntityRedactionResult, type SpanScript } from "./entity.js";
export { entitySpellings, MIN_FORM_LENGTH, type EntitySpellings } from "./entity-forms.js";
export { forbiddenForms, formVariants, type ForbiddenForm } from "./forms.js";
export { findPlates } from "./plates.js";
export { reviewSuggestions, type ReviewAnswer, type ReviewItem, type ReviewOptions, type ReviewSummary } from "./review.js";
export { addSuggestions, suggestRedactions, SUGGESTION_AUTHOR, SUGGESTION_REASONS, type SuggestionOptions, type SuggestionReason, type SuggestionReport } from "./suggestions.js";
