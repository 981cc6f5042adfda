import type { MentionType } from "../extract/entities/mention.js";
import type { Entity, EntityMention } from "../model/index.js";
import { entityId } from "./entity-id.js";
import { nameKey, otherNameKey } from "./name-key.js";
import { bareSurnameFits, personNamesMatch } from "./names-match.js";
import { type PersonName, parsePersonName } from "./person-name.js";

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

  get size(): number {
    return this.clusters.length;
  }

  /** Places one mention; returns the id of the entity it joined or founded. */
  add(input: IndexInput): string {
    const aliasKey = `${input.type}\u0000${input.name}`;
    const known = this.byAlias.get(aliasKey);
    const person = known || input.type !== "person" ? null : parsePersonName(input.name);
    const cluster = known ?? this.place(input, person);
    const alias = cluster.aliases.get(input.name);
    if (alias) alias.count++;
    else {
      cluster.aliases.set(input.name, {
        person: person ?? (input.type === "person" ? parsePersonName(input.name) : null),
        count: 1,
      });
      this.byAlias.set(aliasKey, cluster);
    }
    if (!cluster.spellings.has(input.name)) cluster.spellings.set(input.name, 0);
    if (input.spelling) cluster.spellings.set(input.spelling, (cluster.spellings.get(input.spelling) ?? 0) + 1);
    cluster.mentions.push(input.mention);
    cluster.articleIds.add(input.mention.articleId);
    if (input.role) cluster.roles.add(input.role);
    return cluster.id;
  }

  private place(input: IndexInput, person: PersonName | null): Cluster {
    const block = person
      ? person.surname
        ? `person\u0000s:${person.surname.stem}`
        : // A lone given name ("Давид") says too little to join anything outside its own article.
          `person\u0000g:${input.mention.articleId}\u0000${person.given[0]?.key ?? input.name}`
      : `${input.type}\u0000${otherNameKey(input.name)}`;
    const candidates = this.byBlock.get(block) ?? [];
    const fitting = person
      ? candidates.filter((cluster) => {
          const names = [...cluster.aliases.values()].flatMap((alias) => (alias.person ? [alias.person] : []));
          return names.every((name) => personNamesMatch(name, person)) && bareSurnameFits(person, names);
        })
      : candidates;
    const sized = fitting
      .map((cluster) => ({ cluster, size: cluster.mentions.length }))
      .sort((a, b) => b.size - a.size);
    const [best, second] = sized;
    if (best && (!second || best.size >= DOMINANCE * second.size)) return best.cluster;
    const cluster: Cluster = {
      id: this.freshId(input.type, nameKey(input.name, input.type)),
      type: input.type,
      aliases: new Map(),
      spellings: new Map(),
      mentions: [],
      articleIds: new Set(),
      roles: new Set(),
    };
    this.clusters.push(cluster);
    candidates.push(cluster);
    this.byBlock.set(block, candidates);
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
