import type { Random } from "./random.js";
import {
  ADJECTIVES,
  CROWDS,
  DETAIL_NOUNS,
  DETAIL_REACTIONS,
  DETAIL_VERBS,
  DISTRICTS,
  type EventType,
  FIRST_NAMES,
  GATHER_PLACES,
  GROUP_KINDS,
  INSTITUTIONS,
  LAST_NAMES,
  MONTHS,
  NOUNS,
  OCCUPATIONS,
  PLACE_KINDS,
  SYLLABLES,
  TIME_PHRASES,
  VERBS,
  WEEKDAYS,
} from "./vocabulary.js";

/**
 * Facts are what a story is made of; sentences are one way to say a fact. Independent reports pick different facts
 * and say them their own way; a rewrite says the same facts in the same order in other words; a copy keeps the
 * sentences. Each fact kind has several sentence structures ("variants").
 */
export interface Fact {
  kind: string;
  slots: Record<string, string>;
}

export interface Person {
  name: string;
  pronoun: "he" | "she";
}

export interface StoryFacts {
  event: EventType;
  place: string;
  body: string;
  title: string;
  /** The facts every report of the story draws from, in the order an original report tells them. */
  core: Fact[];
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** "an 18-year-old", "an electrician", "a nurse". */
const article = (next: string): string => (/^(?:[aeiou]|8|11-|11$|18)/i.test(next) ? "an" : "a");

/** A coined word of two or three syllables: "Torvinel", "Daskar". */
export function coin(r: Random): string {
  let word = "";
  for (let i = r.int(2, 3); i > 0; i--) word += r.pick(SYLLABLES);
  return cap(word);
}

export function person(r: Random): Person {
  // Half the surnames are coined, so two articles rarely quote the same bystander by chance.
  const last = r.chance(0.6) ? r.pick(LAST_NAMES) : coin(r);
  return { name: `${r.pick(FIRST_NAMES)} ${last}`, pronoun: r.chance(0.5) ? "she" : "he" };
}

type Render = (s: Record<string, string>, r: Random) => string;

const VARIANTS: Record<string, Render[]> = {
  event: [
    (s) => `${cap(s.body ?? "")} ${s.action} ${s.object} in ${s.place} on ${s.day}.`,
    (s) => `On ${s.day}, ${s.body} in ${s.place} ${s.action} ${s.object}.`,
    (s, r) =>
      `${s.place}'s ${s.bodyBare} ${s.action} ${s.object} on ${s.day}, ${r.pick(["ending weeks of uncertainty", "after a long debate", "in a move many had expected"])}.`,
    (s) =>
      `In a decision taken on ${s.day}, ${s.body} ${s.action} ${s.object}, the latest turn in a long saga for ${s.place}.`,
  ],
  figure: [
    (s, r) =>
      `The ${r.pick(["decision", "package", "measure"])} involves ${s.amount} ${s.unit}, in figures released by ${s.body}.`,
    (s) => `${cap(s.body ?? "")} put the figure at ${s.amount} ${s.unit}.`,
    (s, r) =>
      `A total of ${s.amount} ${s.unit} is involved, ${s.body} ${r.pick(["confirmed", "said in a statement"])}.`,
    (s) => `The sum at stake amounts to ${s.amount} ${s.unit}.`,
  ],
  quote: [
    (s) => `“${s.quote},” ${s.role} ${s.name} said.`,
    (s) => `${s.role} ${s.name} said: “${s.quote}.”`,
    (s) => `“${s.quote},” said ${s.name}, the ${s.roleLower} in ${s.place}.`,
    (s, r) =>
      `${r.pick(["Speaking to reporters", "At a press conference", "In a short statement"])}, ${s.name} said: “${s.quote}.”`,
  ],
  timeline: [
    (s) => `The work is expected to begin in ${s.month} and to last about ${s.months} months.`,
    (s) => `The first phase starts in ${s.month}, and officials expect it to run for ${s.months} months.`,
    (s) => `If the schedule holds, the process will take ${s.months} months from ${s.month}.`,
  ],
  impact: [
    (s) => `About ${s.count} ${s.affected} are affected.`,
    (s) => `The decision touches some ${s.count} ${s.affected} in ${s.place}.`,
    (s) => `Roughly ${s.count} ${s.affected} will feel the consequences, local estimates suggest.`,
  ],
  opposition: [
    (s) => `${s.opponent}, a member of the opposition, said ${s.objection}.`,
    (s) => `Critics led by ${s.opponent} argued that ${s.objection}.`,
    (s) => `Not everyone agreed: ${s.opponent} said ${s.objection}.`,
  ],
  background: [
    (s) => `The last comparable episode in ${s.place} was in ${s.year}.`,
    (s) => `${s.place} went through a similar situation in ${s.year}.`,
    (s) => `Nothing like this had happened in ${s.place} since ${s.year}.`,
  ],
  next: [
    (s) => `A further meeting is scheduled for ${s.nextDay}.`,
    (s) => `The matter returns to ${s.body} on ${s.nextDay}.`,
    (s) => `${cap(s.body ?? "")} will meet again on ${s.nextDay} to review progress.`,
  ],
  quote2: [
    (s) => `“${s.quote},” ${s.opponent} said.`,
    (s) => `${s.opponent} put it bluntly: “${s.quote}.”`,
    (s) => `“${s.quote},” ${s.opponent} added.`,
  ],
  resident: [
    (s) =>
      `${s.name}, ${article(`${s.age}`)} ${s.age}-year-old ${s.occupation} from ${s.district}, said ${s.pronoun} ${s.reaction}.`,
    (s) =>
      `In ${s.district}, ${s.name}, ${s.age}, who works as ${article(s.occupation ?? "")} ${s.occupation}, said ${s.pronoun} ${s.reaction}.`,
    (s) =>
      `${s.name} (${s.age}), ${article(s.occupation ?? "")} ${s.occupation} living in ${s.district}, ${s.reaction2}.`,
  ],
  statistic: [
    (s) => `Spending on ${s.noun} has ${s.moved} by ${s.pct} percent over ${s.years} years.`,
    (s) => `Since ${s.since}, the budget for ${s.noun} ${s.moved2} ${s.pct} percent.`,
    (s) => `${cap(s.noun ?? "")} ${s.moved3} ${s.pct} percent of the budget in ${s.since}.`,
  ],
  expert: [
    (s) => `${s.name} of the ${s.institution} said the region would need to ${s.verb} ${s.noun} ${s.time}.`,
    (s) =>
      `The region must ${s.verb} ${s.noun} ${s.time}, in the view of ${s.name}, who studies ${s.topic} at the ${s.institution}.`,
    (s) =>
      `Researchers at the ${s.institution}, including ${s.name}, expect pressure to ${s.verb} ${s.noun} ${s.time}.`,
  ],
  crowd: [
    (s) => `${s.crowd} gathered ${s.where} on ${s.weekday} ${s.part}.`,
    (s) => `On ${s.weekday} ${s.part}, ${s.crowdLower} came together ${s.where}.`,
  ],
  history: [
    (s) => `Plans to ${s.verb} ${s.noun} were first discussed in ${s.year} and then shelved.`,
    (s) => `The idea to ${s.verb} ${s.noun} goes back to ${s.year}, when it stalled for lack of money.`,
  ],
  topic: [
    (s) => `${cap(s.topicA ?? "")} and ${s.topicB} dominated the discussion at ${s.noun} on ${s.weekday}.`,
    (s) => `At ${s.noun} on ${s.weekday}, most questions were about ${s.topicA} and ${s.topicB}.`,
  ],
  works: [
    (s) => `Crews from the ${s.group} began to ${s.verb1} the ${s.adj} ${s.noun1} on ${s.street} ${s.when}.`,
    (s) => `On ${s.street}, the ${s.group} has been asked to ${s.verb1} ${s.count} ${s.adj} ${s.noun1}.`,
    (s) => `The ${s.group} said it would ${s.verb1} the ${s.noun1} near ${s.street} and ${s.verb2} the ${s.noun2}.`,
  ],
  money: [
    (s) => `The ${s.group} owes ${s.count} crowns for ${s.noun1} on ${s.street}, its accounts show.`,
    (s) => `Accounts filed by the ${s.group} list ${s.count} crowns spent on ${s.adj} ${s.noun1}.`,
    (s) => `${s.count} crowns from the ${s.group} went to ${s.noun1} and ${s.noun2} last year.`,
  ],
  scene: [
    (s) => `Along ${s.street}, ${s.adj} ${s.noun1} stood next to ${s.noun2} ${s.when}.`,
    (s) => `${s.when2}, the ${s.adj} ${s.noun1} of ${s.street} were ${s.state}.`,
    (s) => `Visitors to ${s.street} found ${s.noun1} ${s.state} and ${s.noun2} ${s.state2}.`,
  ],
  person: [
    (s) => `${s.name}, who was ${s.role} in ${s.place} until ${s.year}, said ${s.pronoun} ${s.reaction}.`,
    (s) => `Former ${s.roleLower} ${s.name} said ${s.pronoun} ${s.reaction}, according to ${s.name2}.`,
  ],
};

const MOVED = ["risen", "grown", "fallen", "climbed", "dropped"];
const MOVED2 = ["rose", "grew", "fell", "climbed", "dropped"];
const MOVED3 = ["took up", "accounted for", "absorbed", "made up"];
const DAY_PARTS = ["morning", "afternoon", "evening", "night"];

export function variantCount(kind: string): number {
  return VARIANTS[kind]?.length ?? 1;
}

export function renderFact(fact: Fact, variant: number, r: Random): string {
  const variants = VARIANTS[fact.kind] as Render[];
  return (variants[variant % variants.length] as Render)(fact.slots, r);
}

function amount(r: Random, unit: string): string {
  if (unit.includes("million")) return `${r.int(2, 95)}.${r.int(1, 9)}`;
  if (unit.includes("percent")) return String(r.int(3, 68));
  return String(r.int(12, 4800));
}

export function storyFacts(r: Random, event: EventType, place: string): StoryFacts {
  const body = r.pick(event.body);
  const official = person(r);
  const role = r.pick(event.roles);
  const opponent = person(r);
  const unit = r.pick(event.unit);
  const object = r.pick(event.object);
  const action = r.pick(event.action);
  const base = {
    place,
    body,
    bodyBare: body.replace(/^the /, ""),
    day: r.pick(WEEKDAYS),
    action,
    object,
    unit,
    amount: amount(r, unit),
    role,
    roleLower: role.toLowerCase(),
    name: official.name,
    opponent: opponent.name,
  };
  const quote = `${r.pick(["We will", "Our job now is to", "We intend to", "This council will"])} ${r.pick(event.pledge)}${r.pick(["", ", and we will not cut corners", ", whatever it takes", ", and people deserve to know that"])}`;
  const quote2 = `${r.pick(["This is", "What we saw today was", "Frankly, this is"])} ${r.pick(["a failure of planning", "a decision taken far too late", "not what people were promised", "a gamble with public money"])}${r.pick(["", " and everyone here knows it", ", plain and simple"])}`;
  const core: Fact[] = [
    { kind: "event", slots: base },
    { kind: "figure", slots: base },
    { kind: "quote", slots: { ...base, quote } },
    {
      kind: "timeline",
      slots: { ...base, month: r.pick(MONTHS), months: String(r.int(3, 30)) },
    },
    {
      kind: "impact",
      slots: { ...base, count: String(r.int(40, 9000)), affected: r.pick(event.affected) },
    },
    { kind: "opposition", slots: { ...base, objection: r.pick(event.objection) } },
    { kind: "background", slots: { ...base, year: String(r.int(1962, 2019)) } },
    { kind: "next", slots: { ...base, nextDay: r.pick(WEEKDAYS) } },
    { kind: "quote2", slots: { ...base, quote: quote2 } },
  ];
  const title = `${place}: ${cap(body.replace(/^the /, ""))} ${action} ${object}`;
  return { event, place, body, title, core };
}

/** A fact only this article reports: a resident, a statistic, an expert, the scene. */
export function detailFact(r: Random, story: StoryFacts): Fact {
  const who = person(r);
  const kind = r.pick([
    "resident",
    "statistic",
    "expert",
    "crowd",
    "history",
    "topic",
    "person",
    "works",
    "works",
    "money",
    "money",
    "scene",
    "scene",
  ]);
  const crowd = r.pick(CROWDS);
  const reaction = r.pick(DETAIL_REACTIONS);
  const slots: Record<string, string> = {
    name: who.name,
    name2: person(r).name,
    pronoun: who.pronoun,
    age: String(r.int(19, 88)),
    occupation: r.pick(OCCUPATIONS),
    district: r.pick(DISTRICTS),
    reaction,
    reaction2: `told this newspaper ${who.pronoun} ${reaction}`,
    noun: r.pick(DETAIL_NOUNS),
    moved: r.pick(MOVED),
    moved2: r.pick(MOVED2),
    moved3: r.pick(MOVED3),
    pct: String(r.int(2, 61)),
    years: String(r.int(2, 15)),
    since: String(r.int(1990, 2024)),
    institution: r.pick(INSTITUTIONS),
    verb: r.pick(DETAIL_VERBS),
    time: r.pick(TIME_PHRASES),
    topic: r.pick(story.event.topic),
    topicA: r.pick(story.event.topic),
    topicB: r.pick(story.event.topic),
    crowd,
    crowdLower: crowd.charAt(0).toLowerCase() + crowd.slice(1),
    where: r.pick(GATHER_PLACES),
    weekday: r.pick(WEEKDAYS),
    part: r.pick(DAY_PARTS),
    year: String(r.int(1975, 2022)),
    role: r.pick(story.event.roles),
    roleLower: r.pick(story.event.roles).toLowerCase(),
    place: story.place,
    group: `${coin(r)} ${r.pick(GROUP_KINDS)}`,
    street: `${coin(r)} ${r.pick(PLACE_KINDS)}`,
    verb1: r.pick(VERBS),
    verb2: r.pick(VERBS),
    noun1: r.pick(NOUNS),
    noun2: r.pick(NOUNS),
    adj: r.pick(ADJECTIVES),
    count: String(r.int(3, 9800)),
    when: r.pick(["this week", "last month", "in the spring", "before dawn", "over the weekend", "since January"]),
    when2: r.pick(["By midday", "At first light", "Late on Sunday", "Earlier this month", "For most of the week"]),
    state: r.pick(["boarded up", "half repaired", "fenced off", "freshly painted", "under tarpaulin", "still waiting"]),
    state2: r.pick(["stacked by the gate", "left unused", "marked for removal", "open to the public"]),
  };
  return { kind, slots };
}
