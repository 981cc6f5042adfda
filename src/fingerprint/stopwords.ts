import { hashString } from "./hash.js";

/**
 * Function words and reporting verbs. They carry no evidence of copying: every article of a story (and most
 * articles of any story) uses them, so content features leave them out.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between " +
    "both but by can could did do does doing down during each few for from further had has have having he her here " +
    "hers herself him himself his how i if in into is it its itself just me more most my no nor not now of off on " +
    "once only or other our ours out over own same she should so some such than that the their theirs them then " +
    "there these they this those through to too under until up very was we were what when where which while who " +
    "whom why will with would you your yours said says say told tell according added adds would will new one two " +
    "three also year years last first week day days time people mr mrs ms dr st its it's which where however while " +
    "may might must shall upon within without across among around near next per since via yet still even many much " +
    "another every several most"
  ).split(" "),
);

/** The same list as word hashes, for the sketch path that never builds word strings. */
export const STOPWORD_HASHES: ReadonlySet<number> = new Set([...STOPWORDS].map(hashString));
