// Which i18n key (review.rules.*) words each coding rule of shared/review/coding-rules.ts; a rule
// whose topic is not here is shown in the words of the report itself.
export const CODING_RULE_KEYS: Readonly<Record<string, string>> = {
  documents: 'documents',
  annotators: 'annotators',
  'span F1': 'spanF1',
  'word tokens': 'wordTokens',
  coding: 'coding',
  measures: 'measures',
  missing: 'missing',
  links: 'links',
  attributes: 'attributes',
};
