/**
 * Words that make up a title or role before or after a name ("former Interior Minister", "chief negotiator",
 * "opposition leader"). A role is the run of these words next to a name; the head nouns alone also
 * serve role-only coreference ("the minister").
 */
export const ROLE_HEADS: ReadonlySet<string> = new Set(
  `president minister premier chancellor prime secretary spokesman spokeswoman spokesperson negotiator leader chairman
  chairwoman chair director head chief governor mayor senator congressman congresswoman representative mp lawmaker
  ambassador envoy diplomat general colonel major captain lieutenant commander admiral marshal sergeant officer judge
  justice prosecutor attorney lawyer editor reporter journalist correspondent columnist founder ceo cfo coo executive
  manager owner chief analyst economist professor researcher scientist doctor king queen prince princess emperor
  pope bishop archbishop patriarch cardinal rabbi imam priest sheikh deputy speaker commissioner inspector ombudsman
  candidate nominee activist dissident opposition coordinator adviser advisor aide official councillor councilor
  consul attache treasurer auditor president-elect vice-president vice rector dean campaigner blogger writer author
  poet artist singer actor actress athlete coach player striker goalkeeper defender midfielder captain pilot
  boss sheriff detective constable superintendent warden governor-general`.split(/\s+/),
);

/** Modifiers that belong to a role: "former", "acting", "deputy", "chief", "interior", "foreign", "opposition". */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(
  `former ex acting deputy vice chief senior junior assistant associate interim outgoing incoming then late
  interior foreign defence defense finance health education justice economy economic energy trade transport
  agriculture culture labour labor environment home digital security intelligence military armed army naval
  press communications media policy political legal general executive managing founding lead top main
  opposition ruling government state federal regional local city national international presidential
  parliamentary party union campaign human rights freedom supreme constitutional district high appeals
  deputy-prime first second`.split(/\s+/),
);

/** Honorifics before a name; they say "person" but are not part of the role. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "sir",
  "dame",
  "lady",
  "lord",
  "rev",
  "fr",
  "st",
  "gen",
  "col",
  "sgt",
  "lt",
  "capt",
  "sen",
  "rep",
  "gov",
  "pres",
  "maj",
]);

/**
 * Nationality adjectives, used to build a role ("the Belarusian leader") and never taken as names themselves.
 * Also demonyms for countries so that "Belarusian" is not read as a place.
 */
export const NATIONALITIES: ReadonlySet<string> = new Set(
  `american british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss austrian
  polish czech slovak slovenian slovene croatian serbian bosnian montenegrin macedonian bulgarian romanian moldovan
  hungarian greek turkish cypriot russian ukrainian belarusian belarussian lithuanian latvian estonian finnish swedish
  norwegian danish icelandic georgian armenian azerbaijani kazakh uzbek kyrgyz tajik turkmen chinese japanese korean
  indian pakistani afghan iranian iraqi syrian lebanese israeli palestinian jordanian saudi egyptian libyan tunisian
  algerian moroccan nigerian kenyan ethiopian south african canadian mexican brazilian argentine argentinian chilean
  colombian venezuelan cuban australian european western eastern soviet arab kurdish asian african`.split(/\s+/),
);
