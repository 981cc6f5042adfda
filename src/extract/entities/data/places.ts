/**
 * Countries, regions and large cities (English exonyms, lower-case), so that a place is known even without a cue
 * word. Small on purpose: "in/at/from <Capitalised>" catches the rest.
 */
export const KNOWN_PLACES: ReadonlySet<string> = new Set(
  `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahrain bangladesh
  belarus belgium bolivia bosnia herzegovina botswana brazil bulgaria cambodia cameroon canada chad chile china
  colombia congo croatia cuba cyprus czechia denmark ecuador egypt england eritrea estonia ethiopia europe finland
  france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland
  israel italy japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon libya liechtenstein
  lithuania luxembourg madagascar malaysia mali malta mexico moldova monaco mongolia montenegro morocco mozambique
  myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru
  philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia
  somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan
  uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america antarctica
  crimea donbas donbass siberia balkans caucasus scandinavia baltics chechnya transnistria abkhazia kashmir gaza
  minsk moscow kyiv kiev warsaw vilnius riga tallinn prague bratislava budapest vienna berlin paris london rome
  madrid lisbon brussels amsterdam copenhagen stockholm oslo helsinki dublin athens sofia bucharest belgrade zagreb
  ljubljana sarajevo skopje tirana chisinau tbilisi yerevan baku ankara istanbul tehran baghdad damascus beirut
  jerusalem cairo tokyo beijing shanghai delhi mumbai washington york chicago geneva strasbourg hague munich
  frankfurt hamburg milan barcelona krakow gdansk wroclaw lviv kharkiv odesa odessa dnipro mariupol donetsk luhansk
  grodno hrodna brest gomel homel vitebsk viciebsk mogilev mahilyou babruysk st petersburg kaliningrad novosibirsk
  yekaterinburg kazan sochi smolensk pskov belgorod kursk rostov`.split(/\s+/),
);

/** Multi-word places whose words are common elsewhere. */
export const KNOWN_PLACE_PHRASES: readonly string[] = [
  "united states",
  "united kingdom",
  "united arab emirates",
  "new york",
  "new zealand",
  "south africa",
  "north korea",
  "south korea",
  "saudi arabia",
  "czech republic",
  "sri lanka",
  "hong kong",
  "los angeles",
  "san francisco",
  "st petersburg",
  "saint petersburg",
  "the hague",
  "european union",
  "north macedonia",
  "middle east",
  "latin america",
  "eastern europe",
  "western europe",
  "central asia",
  "black sea",
  "baltic sea",
];

/** Abbreviations that are places, not organisations. */
export const PLACE_ACRONYMS: ReadonlySet<string> = new Set(["us", "usa", "uk", "uae", "ussr", "drc", "prc"]);

/** Last words of a place name: "Hrodna Region", "Lake Naroch", "Independence Square". */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set(
  `city town village region province oblast district county state republic island islands river lake sea ocean
  mountains mountain valley street avenue square boulevard road bridge park airport station port bay gulf coast
  peninsula desert forest voivodeship krai raion dam reservoir canal strait
  heights hills highlands plain plains`.split(/\s+/),
);

/** Words before a name that suggest a place: "in Hrodna", "from Vitebsk", "near Lida". */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  "in",
  "at",
  "from",
  "near",
  "to",
  "outside",
  "across",
  "into",
  "towards",
  "toward",
  "via",
  "around",
  "throughout",
]);

/** First words of a place name followed by "of": "Republic of Zarechia", "City of London". */
export const PLACE_HEADS_WITH_OF: ReadonlySet<string> = new Set([
  "republic",
  "kingdom",
  "city",
  "state",
  "province",
  "region",
  "island",
  "isle",
  "gulf",
  "bay",
  "sea",
  "lake",
  "port",
  "duchy",
  "principality",
  "commonwealth",
  "federation",
]);

/** Lower-case words between a place preposition and a place: "in central Lyubrava", "in the cities of Pelsk". */
export const PLACE_LEAD_WORDS: ReadonlySet<string> = new Set([
  "central",
  "northern",
  "southern",
  "eastern",
  "western",
  "north",
  "south",
  "east",
  "west",
  "downtown",
  "nearby",
  "neighbouring",
  "neighboring",
  "rural",
  "greater",
  "the",
  "cities",
  "city",
  "towns",
  "town",
  "villages",
  "village",
  "regions",
  "region",
  "capital",
  "of",
  "and",
  "provinces",
  "province",
  "districts",
  "district",
  "centre",
  "center",
  "heart",
  "outskirts",
  "suburbs",
  "streets",
  "parts",
  "rest",
  "south-east",
  "north-east",
  "south-west",
  "north-west",
]);

/** First words of a place name: "Lake Orrin", "River Sarne", "Mount Elbrus", "Port Tallis". */
export const PLACE_PREFIXES: ReadonlySet<string> = new Set([
  "lake",
  "river",
  "mount",
  "mt",
  "cape",
  "port",
  "fort",
  "gulf",
  "isle",
  "loch",
  "lago",
  "rio",
  "sierra",
  "saint",
  "san",
  "santa",
]);
