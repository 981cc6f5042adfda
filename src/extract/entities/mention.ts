/** The entity types the recogniser emits (the model's "other" is never produced here). */
export type MentionType = "person" | "organization" | "place";

/** "his wife, Volha X": the spouse relation the text states between two person mentions. */
export interface MentionRelation {
  kind: "spouse";
  /** Index, in the same article's mention list, of the person this mention is related to. */
  of: number;
}

/**
 * One named (or, when linked, nominal) mention in one article. Offsets are 0-based UTF-16 offsets into
 * `article.text`, end exclusive, so `article.text.slice(start, end) === text`.
 */
export interface Mention {
  articleId: string;
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** Title or role the text gives the person here, kept out of the name: "former interior minister". */
  role?: string;
  /**
   * In-document coreference: index, in the same article's mention list, of the mention this one refers to
   * (always an earlier, fuller name; chains are already collapsed, so the target has no `refersTo` itself).
   */
  refersTo?: number;
  /** True for a role-only mention ("the minister") kept because coreference linked it to a name. */
  nominal?: boolean;
  relation?: MentionRelation;
}
