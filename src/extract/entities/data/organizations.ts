/** Last words that make a capitalised run an organisation: "Open Lens Foundation", "Interior Ministry". */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set(
  `ministry department agency office bureau service services council committee commission court tribunal parliament
  assembly senate congress duma rada seimas sejm government cabinet administration party front movement alliance
  coalition union federation association society league group foundation fund institute institution center centre
  university college academy school hospital clinic bank inc ltd llc plc corp corporation company co gmbh ag sa
  holdings group airlines airways railways news times post herald journal gazette tribune telegraph guardian
  press network channel radio tv television broadcasting media reuters agency network observatory watch monitor
  initiative project programme program forum network trust board authority police army navy force forces guard
  brigade battalion regiment command militia church synod club team fc united industries systems technologies
  labs partners group network watchdog coalition
  wire courier ledger dispatch observer chronicle express mirror record standard bulletin review herald daily
  magazine weekly monitor hydro energy telecom airlines motors pharma`.split(/\s+/),
);

/** First words of an organisation name followed by "of": "Ministry of Defence", "University of Tartu". */
export const ORG_HEADS_WITH_OF: ReadonlySet<string> = new Set(
  "ministry department office bureau council committee commission court university college academy bank institute federation union league association society house chamber".split(
    " ",
  ),
);

/**
 * Lower-case nouns that, after "the", introduce an organisation's name: "the press freedom group Open Lens",
 * "the state broadcaster Belteleradio", "the opposition party Free Voice".
 */
export const ORG_CUE_NOUNS: ReadonlySet<string> = new Set(
  `group organisation organization party agency company firm ngo watchdog broadcaster newspaper outlet website
  channel network union movement alliance coalition bloc foundation charity fund institute think-tank tank bank
  ministry court council committee commission publisher daily weekly magazine station lender carrier airline
  manufacturer maker producer operator provider retailer startup consortium federation association club team
  service monitor observatory regulator body initiative platform portal campaign`.split(/\s+/),
);

/** Well-known organisations written as acronyms or single words that carry no suffix. */
export const KNOWN_ORGANIZATIONS: ReadonlySet<string> = new Set(
  `un nato eu osce imf who wto unesco unicef unhcr opec fbi cia nsa kgb fsb gru mi5 mi6 interpol europol frontex
  bbc cnn reuters ap afp bloomberg rferl nyt icc icj echr ecb fifa uefa ioc oecd g7 g20 brics asean
  gazprom rosneft lukoil facebook google meta apple microsoft amazon twitter telegram youtube tiktok instagram
  pfizer biontech moderna astrazeneca ryanair belavia aeroflot lufthansa kremlin pentagon hamas hezbollah taliban
  wagner amnesty greenpeace`.split(/\s+/),
);

/**
 * First words that make a capitalised run an organisation: "Radio Bereg", "Bank Zarechny", and the words for a
 * newspaper or herald that head Central and East European titles as English text transliterates them ("Vestnik
 * Lyubravy", "Gazeta Wyborcza"-style names, Ukrainian "Visnyk", Polish "Kurier"): after "according to" such a title
 * looks like a given name and a surname.
 */
export const ORG_PREFIXES: ReadonlySet<string> = new Set([
  "radio",
  "bank",
  "club",
  "fc",
  "team",
  "vestnik",
  "viesnik",
  "visnyk",
  "gazeta",
  "kurier",
  "kurjer",
  "novosti",
  "vedomosti",
]);
