/**
 * Capitalised words that are not names (or not the start of one): sentence openers, function words, months, days,
 * and words that headlines capitalise. A candidate span loses these from its start; a span of only these is dropped.
 */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those there here it its it's he she they we you i me my our your their his her him them
  and or but nor so yet for if when while as at by in on of off to from with without into onto over under after before
  since until about against among between through during despite although though because unless whether
  what which who whom whose where why how all any both each every few many more most much no none not only other some
  such than too very can could may might must shall should will would do does did done is are was were be been being
  has have had having also just still even already now then today tonight yesterday tomorrow
  said says told asked added according meanwhile however moreover furthermore instead indeed perhaps maybe
  yes no okay ok please thanks thank one two three four five six seven eight nine ten first second third last next
  new old many several another same own
  police officials official sources source witnesses residents authorities analysts critics experts lawyers
  protesters activists supporters opponents reporters journalists observers investigators prosecutors officers
  farmers workers students doctors teachers parents voters citizens locals organisers organizers relatives
  lawyers judges ministers diplomats soldiers troops forecasters economists scientists researchers traders investors
  shoppers drivers passengers patients victims survivors detainees prisoners guards
  
  mr mrs ms dr prof sir madam
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  breaking update exclusive live watch read opinion analysis editorial comment photo video photos updated published
  chapter section table figure page source note total
  god`.split(/\s+/),
);

/** Reporting verbs: a capitalised run just before or after one of these is very likely a person or organisation. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  "said says told added asked stated claimed insisted explained noted warned wrote argued replied announced denied confirmed urged tweeted posted".split(
    " ",
  ),
);

/** Connectors that may join parts of a person's name (not "of", "and", "for"). */
export const PERSON_PARTICLES: ReadonlySet<string> = new Set([
  "de",
  "del",
  "della",
  "di",
  "da",
  "van",
  "von",
  "der",
  "den",
  "du",
  "la",
  "le",
  "bin",
  "al",
  "ibn",
]);

/** Words that may join capitalised words inside one name: "Ministry of the Interior", "Bank of England". */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(["of", "the", "for", "and", "&", ...PERSON_PARTICLES]);
