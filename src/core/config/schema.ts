// The JSON Schema of the configuration file (.review-obs.yaml / .yml / .json), shared by the editor and the CLI.
import { CODES } from '../checks/index';
import { INSTRUMENT_KEYS } from '../domain/instruments';

const period = {
  type: 'object', additionalProperties: false,
  description: 'The indicative period: weeks or months after the step it counts from.', // l10n-ignore: schema text, in English as VS Code shows its own
  properties: { weeks: { type: 'integer', minimum: 0 }, months: { type: 'integer', minimum: 0 } },
};

/** Draft 07, which VS Code's JSON and YAML language features validate and complete. */
export function configSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'urn:review-observations:config',
    title: 'Review Observations configuration', // l10n-ignore: schema text, in English as VS Code shows its own
    description: 'Shared by a team or a secretariat: found from a draft\'s folder upwards, read by the editor and the command line alike. VS Code settings and command-line flags override it.', // l10n-ignore: schema text, in English as VS Code shows its own
    type: 'object',
    additionalProperties: false,
    properties: {
      severity: {
        description: 'Severity per finding code: error, warning, info, or off.', // l10n-ignore: schema text, in English as VS Code shows its own
        type: 'object',
        propertyNames: { enum: Object.keys(CODES).sort() },
        additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
      },
      deadlines: {
        description: 'Indicative deadlines of the review\'s steps (defaults: focal point 2 weeks, experts 4 weeks, self-assessment 6 months, feedback 6 months).', // l10n-ignore: schema text, in English as VS Code shows its own
        type: 'object', additionalProperties: false,
        properties: { 'focal-point': period, experts: period, 'self-assessment': period, feedback: period },
      },
      summaryLimit: {
        description: 'Length limit of a summary: characters for Chinese, words for the other languages.', // l10n-ignore: schema text, in English as VS Code shows its own
        type: 'object', additionalProperties: false,
        properties: { words: { type: 'integer', minimum: 1 }, characters: { type: 'integer', minimum: 1 } },
      },
      ignore: {
        description: 'Files not to check, as glob patterns relative to this file\'s folder (e.g. "archive/**", "*.old.md").', // l10n-ignore: schema text, in English as VS Code shows its own
        type: 'array', items: { type: 'string', minLength: 1 },
      },
      clusters: {
        description: 'The articles under review of each thematic cluster, per instrument, as the secretariat gives them for a review cycle. They replace the built-in provisional data for drafts whose front matter has no "articles"; a draft\'s own "articles" still wins.', // l10n-ignore: schema text, in English as VS Code shows its own
        type: 'object',
        propertyNames: { enum: ['1', '2', '3', '4'] },
        additionalProperties: {
          type: 'object',
          propertyNames: { enum: [...INSTRUMENT_KEYS] },
          additionalProperties: { type: 'array', items: { type: 'integer', minimum: 1 }, uniqueItems: true },
        },
      },
      masthead: {
        description: 'Defaults for the UN masthead of the Word export, used where a draft\'s front matter does not give them.', // l10n-ignore: schema text, in English as VS Code shows its own
        type: 'object', additionalProperties: false,
        properties: {
          organ: { type: 'string', minLength: 1, description: 'The organ, written under "United Nations".' }, // l10n-ignore: schema text, in English as VS Code shows its own
          distribution: { enum: ['general', 'limited', 'restricted'] },
          jobNumberPrefix: { type: 'string', minLength: 1, description: 'Written before the job number of a draft\'s "job-number" when it has none (e.g. "V.").' }, // l10n-ignore: schema text, in English as VS Code shows its own
        },
      },
    },
  };
}
