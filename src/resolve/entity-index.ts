import type { MentionType } from "../extract/entities/mention.js";
import type { Entity, EntityMention } from "../model/index.js";
import { entityId } from "./entity-id.js";
import { groupBlock, groupStemsMatch, isLowerCase } from "./group-noun.js";
import { acronymOf, initialsOf, otherEntityKey, personNameKey } from "./name-key.js";
import { bareSurnameFits, personNamesFit } from "./names-match.js";
import { type PersonName, parsePersonName, softPluralSingular, softSurname } from "./person-name.js";

/** One name to place: the name it is resolved under (after coreference) and the mention that carries it. */
export interface IndexInput {
  type: MentionType;
  name: string;
  mention: EntityMention;
  role?: string;
  /** The spelling to list among the entity's aliases: the mention's own text, absent for "the minister". */
  spelling?: string;
}

interface Alias {
  person: PersonName | null;
  /** The group-noun stem the name was placed under, when it was read as a group ("британци"). */
  group: string | null;
  count: number;
}

interface Cluster {
  id: string;
  type: MentionType;
  aliases: Map<string, Alias>;
  /** Every spelling seen, in first-seen order, with how many mentions used it (resolved names count once). */
  spellings: Map<string, number>;
  mentions: EntityMention[];
  articleIds: Set<string>;
  roles: Set<string>;
}

// A name that fits several existing people (a bare surname shared by relatives) joins the biggest only when it
// dominates the next by this factor; otherwise it starts its own entity, because a wrong merge is worse than a miss.
const DOMINANCE = 3;

/**
 * Entities built incrementally: each name is looked up by a blocking key (type plus surname stem, or the full key for
 * organisations and places) and joins a cluster only when it matches every name already in it (complete linkage),
 * so adding an article costs a few map look-ups regardless of how many entities are stored.
 */
export class EntityIndex {
  private readonly clusters: Cluster[] = [];
  private readonly byBlock = new Map<string, Cluster[]>();
  private readonly byAlias = new Map<string, Cluster>();
  private readonly usedIds = new Set<string>();
  /** Cyrillic surnames in -ь seen so far (lower case), so that their plural ("Скрипали") is read as the family. */
  private readonly softSurnames = new Set<string>();

  get size(): number {
    return this.clusters.length;
  }

  /** Places one mention; returns the id of the entity it joined or founded. */
  add(input: IndexInput): string {
    const aliasKey = `${input.type}\u0000${input.name}`;
    let cluster = this.byAlias.get(aliasKey);
    const alias = cluster?.aliases.get(input.name);
    if (cluster && alias) alias.count++;
    else {
      // Keys are computed once per new spelling: known spellings (most mentions) cost one map look-up.
      const person = input.type === "person" ? this.parsePerson(input.name) : null;
      const group = person ? this.groupReading(person, input.name) : null;
      const key = group
        ? `person:group:${group}`
        : person
          ? personNameKey(person)
          : `${input.type}:${otherEntityKey(input.name, input.type)}`;
      const blocks = group
        ? [`person\u0000grp:${groupBlock(group)}`]
        : person
          ? personBlocks(person, input)
          : otherBlocks(input, key);
      cluster = this.place(input, person, blocks, key, group);
      cluster.aliases.set(input.name, { person, group, count: 1 });
      this.byAlias.set(aliasKey, cluster);
      // A name that joined by the loose path brings its own surname keys: later spellings must find the entity
      // under either.
      for (const block of blocks) this.register(block, cluster);
    }
    if (!cluster.spellings.has(input.name)) cluster.spellings.set(input.name, 0);
    if (input.spelling) cluster.spellings.set(input.spelling, (cluster.spellings.get(input.spelling) ?? 0) + 1);
    cluster.mentions.push(input.mention);
    cluster.articleIds.add(input.mention.articleId);
    if (input.role) cluster.roles.add(input.role);
    return cluster.id;
  }

  /**
   * The parsed name, read as a family ("Скрипали") when it is the plural of a surname in -ь already known: the
   * plural alone looks like a foreign surname in -и, so the index supplies the singular that proves it.
   */
  private parsePerson(name: string): PersonName {
    const person = parsePersonName(name);
    const soft = person.surname ? softSurname(name) : null;
    if (soft) this.softSurnames.add(soft);
    const singular = person.generation === null ? softPluralSingular(name) : null;
    return singular && this.softSurnames.has(singular) ? { ...person, generation: "family" } : person;
  }

  private register(block: string, cluster: Cluster): void {
    const list = this.byBlock.get(block);
    if (!list) this.byBlock.set(block, [cluster]);
    // The cluster registered last is the usual repeat (its own new spelling), so the check is cheap.
    else if (list.at(-1) !== cluster && !list.includes(cluster)) list.push(cluster);
  }

  /** Whether a person of this (bare) name's surname is already known, so that "Giuliani" is not read as a group. */
  private isKnownSurname(person: PersonName, name: string): boolean {
    if (!person.surname || isLowerCase(name)) return false;
    // Known means named with a known given name somewhere: a cluster of bare "Demokrat"s, or "Liberalni
    // Demokraci", is no evidence of a person.
    return (this.byBlock.get(`person\u0000s:${person.surname.stem}`) ?? []).some(
      (cluster) =>
        [...cluster.aliases.values()].some((alias) => alias.person?.given.some((part) => part.key.startsWith("="))) &&
        personFits(cluster, person),
    );
  }

  /** The group stem a person name is placed under, or null to place it as a person. */
  private groupReading(person: PersonName, name: string): string | null {
    const stem = person.group ?? person.weakGroup;
    if (!stem || this.isKnownSurname(person, name)) return null;
    if (person.group) return stem;
    return (this.byBlock.get(`person\u0000grp:${groupBlock(stem)}`) ?? []).some((cluster) => groupFits(cluster, stem))
      ? stem
      : null;
  }

  private place(
    input: IndexInput,
    person: PersonName | null,
    blocks: readonly string[],
    key: string,
    group: string | null,
  ): Cluster {
    // Other names are looked up by their key only: the acronym block is for acronyms, and two names with the
    // same initials ("Европейски съюз", "Европейски съвет") are not one entity.
    const lookup = person ? blocks : blocks.slice(0, 1);
    const found = new Set<Cluster>();
    for (const block of lookup) for (const cluster of this.byBlock.get(block) ?? []) found.add(cluster);
    let candidates = [...found];
    const acronym = person ? null : acronymOf(input.name);
    // An acronym seen for the first time may stand for a full name already placed ("ВОЗ" for "Всемирная
    // организация здравоохранения"); it joins it under the usual dominance rule.
    if (acronym && candidates.length === 0) candidates = this.byBlock.get(acronymBlock(input.type, acronym)) ?? [];
    const fitting = group
      ? candidates.filter((cluster) => groupFits(cluster, group))
      : person
        ? candidates.filter((cluster) => personFits(cluster, person))
        : candidates;
    const sized = fitting
      .map((cluster) => ({ cluster, size: cluster.mentions.length }))
      .sort((a, b) => b.size - a.size);
    const [best, second] = sized;
    if (best && (!second || best.size >= DOMINANCE * second.size)) return best.cluster;
    const cluster: Cluster = {
      id: this.freshId(input.type, key),
      type: input.type,
      aliases: new Map(),
      spellings: new Map(),
      mentions: [],
      articleIds: new Set(),
      roles: new Set(),
    };
    this.clusters.push(cluster);
    return cluster;
  }

  private freshId(type: string, key: string): string {
    let id = entityId(type, key);
    for (let n = 2; this.usedIds.has(id); n++) id = `${entityId(type, key)}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  /** Snapshot of every entity, biggest first. */
  entities(): Entity[] {
    return this.clusters
      .map((cluster) => toEntity(cluster))
      .sort((a, b) => (b.mentions?.length ?? 0) - (a.mentions?.length ?? 0) || a.id.localeCompare(b.id));
  }
}

function acronymBlock(type: string, letters: string): string {
  return `${type}\u0000acronym:${letters}`;
}

/** Blocking keys of an organisation or place name: its key, and the acronym its initials would make. */
function otherBlocks(input: IndexInput, key: string): string[] {
  const blocks = [`${input.type}\u0000${key}`];
  const initials = initialsOf(input.name);
  if (initials) blocks.push(acronymBlock(input.type, initials));
  return blocks;
}

/**
 * Blocking keys of a person name: its strict surname stem, and for a name with a spelled-out first given name the
 * loose surname skeleton paired with that given name's key and its loose skeleton (the loose path needs both parts
 * to agree, and keying on both keeps loose blocks as small as strict ones). A bare surname needs a strict anchor
 * anyway, so it has no loose key.
 */
function personBlocks(person: PersonName, input: IndexInput): string[] {
  if (!person.surname)
    // A lone given name ("Давид") says too little to join anything outside its own article.
    return [`person\u0000g:${input.mention.articleId}\u0000${person.given[0]?.key ?? input.name}`];
  const blocks = [`person\u0000s:${person.surname.stem}`];
  const [first] = person.given;
  if (first && !first.isInitial) {
    blocks.push(`person\u0000l:${person.surname.loose}\u0000k:${first.key}`);
    blocks.push(`person\u0000l:${person.surname.loose}\u0000l:${first.loose}`);
  }
  return blocks;
}

/**
 * Complete linkage: the name must fit every name already in the entity. A bare surname that fits some of them only
 * by its loose skeleton also needs one strict fit, so the loose path never founds a link on a surname alone.
 */
function personFits(cluster: Cluster, person: PersonName): boolean {
  // Plain loops with early exits: this runs for every candidate of every new spelling, the index's hot path.
  let strict = false;
  let loose = false;
  let bareLoose = false;
  const names: PersonName[] = [];
  for (const alias of cluster.aliases.values()) {
    if (alias.group) return false;
    if (!alias.person) continue;
    const fit = personNamesFit(alias.person, person);
    if (fit === null) return false;
    if (fit === "strict") strict = true;
    else if (fit === "loose") loose = true;
    else bareLoose = true;
    names.push(alias.person);
  }
  // A surname that agrees only by its loose skeleton needs a second witness: a strict fit, or (for a full name) a
  // loose fit with a full name whose given name agrees too.
  if (bareLoose && !strict && !(loose && person.given.length > 0)) return false;
  return bareSurnameFits(person, names);
}

/** Complete linkage for group nouns: the stem must match the stem of every name in the entity. */
function groupFits(cluster: Cluster, group: string): boolean {
  for (const alias of cluster.aliases.values()) {
    if (!alias.group || !groupStemsMatch(alias.group, group)) return false;
  }
  return true;
}

/** Canonical name: the most common spelling among full names (given name and surname), else the most common. */
function canonicalName(cluster: Cluster): string {
  let best: { name: string; full: boolean; count: number } | null = null;
  for (const [name, count] of cluster.spellings) {
    const person = cluster.type === "person" ? (cluster.aliases.get(name)?.person ?? parsePersonName(name)) : null;
    const full = person ? person.given.some((part) => !part.isInitial) && person.surname !== null : true;
    const better =
      best === null ||
      (full && !best.full) ||
      (full === best.full && (count > best.count || (count === best.count && name.length > best.name.length)));
    if (better) best = { name, full, count };
  }
  return best?.name ?? "";
}

function toEntity(cluster: Cluster): Entity {
  const entity: Entity = {
    id: cluster.id,
    type: cluster.type,
    name: canonicalName(cluster),
    aliases: [...cluster.spellings.keys()],
    articleIds: [...cluster.articleIds],
    mentions: [...cluster.mentions].sort((a, b) => a.articleId.localeCompare(b.articleId) || a.start - b.start),
  };
  if (cluster.roles.size > 0) entity.roles = [...cluster.roles];
  return entity;
}
