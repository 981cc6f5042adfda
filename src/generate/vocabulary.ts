/**
 * Word lists written for Parallax's synthetic news stream. Every place, person, outlet and company is invented.
 */

const words = (text: string): string[] =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .split(/\s*\|\s*/);

export const PLACES =
  words(`Quellport | Marrowby | Ostrevin | Halden Cross | Brackmoor | Velunda | Sarnholt | Tiverlake |
Dunmarrow | Kestrelford | Amberlin | Corvastad | Pellingham | Rookwater | Lysander Bay | Frennick | Oldbray | Caskaville |
Thornemouth | Veyle | Glassmere | Harrowgate Vale | Istrana | Morrowfield | Pennick Ridge | Salvoro | Wendlemere | Zarnow |
Estrill | Blackfen | Carraway Hythe | Dovrel | Fenwick Lowe | Grimsby Tarn | Hollinsby | Juniper Quay`);

export const DISTRICTS =
  words(`the old harbour | the north quarter | Millbank | the river flats | Saint Oda's | the market
district | Fallow Hill | the eastern estates | Cobble Row | the university quarter | Lanternside | the canal basin |
Greywell | the industrial park | Upper Marsh | the station quarter`);

export const FIRST_NAMES =
  words(`Elena | Tomas | Ingrid | Rafael | Maren | Osric | Lydia | Bastien | Noor | Edvin | Saskia |
Joaquin | Petra | Anselm | Marguerite | Dorian | Yelena | Caspar | Imke | Florin | Hester | Matthias | Odile | Radek | Selma |
Tobiah | Ulla | Vesna | Wendel | Zofia | Arvid | Beatrix | Cyprian | Dagny | Emeric | Fenna`);

export const LAST_NAMES =
  words(`Varga | Brell | Okonkwo-Lind | Castellane | Hedberg | Marwick | Tessaro | Quillon | Ambrose |
Darrow | Falkenrath | Gentry | Holloway | Ivanescu | Jessop | Kilbride | Lazaro | Mendel | Nakashima-Roe | Orsolya |
Pettersen | Radulescu | Stavrou | Tolland | Urquhart | Valdane | Wexley | Yarrowby | Zelenko | Abernathy | Bexley | Corrigan |
Delacourt | Eskildsen | Fairweather | Grisewood`);

export const OCCUPATIONS = words(`baker | nurse | bus driver | retired teacher | electrician | shop owner | fisherman |
student | carpenter | pharmacist | taxi driver | librarian | dock worker | café owner | midwife | plumber | software tester |
farmer | postal worker | hairdresser`);

export const INSTITUTIONS = words(`Corvastad Institute of Economics | University of Amberlin | Velunda Civic Trust |
Northern Planning Council | Halden Research Group | Institute for Coastal Studies | Brackmoor Policy Forum |
Estrill School of Public Health | Salvoro Centre for Transport Studies | Glassmere Labour Observatory`);

export interface OutletInfo {
  name: string;
  domain: string;
  /** The outlet's own trailer paragraph. */
  trailer: string;
  /** Dateline style: whether the first paragraph opens with "PLACE —". */
  dateline: boolean;
}

export const OUTLETS: OutletInfo[] = [
  ["Harbor Ledger", "harborledger.example", "© 2026 Harbor Ledger. All rights reserved.", true],
  ["Northgate Courier", "northgatecourier.example", "Sign up for the Northgate Courier morning newsletter.", false],
  [
    "Velunda Evening Post",
    "velundapost.example",
    "Follow us for more local news. Copyright Velunda Evening Post.",
    true,
  ],
  ["Brackmoor Gazette", "brackmoorgazette.example", "Subscribe to the Brackmoor Gazette for full access.", false],
  ["Tiverlake Daily", "tiverlakedaily.example", "Read more local coverage at the Tiverlake Daily.", true],
  [
    "Kestrel Chronicle",
    "kestrelchronicle.example",
    "© Kestrel Chronicle 2026. Reproduced with permission only.",
    false,
  ],
  ["Amberlin Observer", "amberlinobserver.example", "Privacy policy and terms of use apply to this page.", true],
  ["Coastline Herald", "coastlineherald.example", "Download our app for breaking news alerts. Subscribe today.", false],
  ["Dunmarrow Tribune", "dunmarrowtribune.example", "To report a correction, contact the newsroom.", true],
  ["Glassmere Sentinel", "glassmeresentinel.example", "All rights reserved. Glassmere Sentinel Media Group.", false],
  ["Istrana Review", "istranareview.example", "Newsletter: get the Istrana Review briefing every morning.", true],
  ["Pennick Ridge Register", "pennickregister.example", "Copyright 2026 Pennick Ridge Register.", false],
  ["Salvoro Monitor", "salvoromonitor.example", "Click here to sign up for Salvoro Monitor alerts.", true],
  ["Wendlemere Dispatch", "wendlemeredispatch.example", "Share this story. Follow us on our channels.", false],
  ["Zarnow Bulletin", "zarnowbulletin.example", "Subscribe for unlimited access to the Zarnow Bulletin.", true],
  ["Rookwater Standard", "rookwaterstandard.example", "© Rookwater Standard. All rights reserved.", false],
  ["Frennick Express", "frennickexpress.example", "Read more from the Frennick Express newsroom.", true],
  ["Oldbray Weekly", "oldbrayweekly.example", "Sign up for the Oldbray Weekly newsletter.", false],
  ["Morrowfield Journal", "morrowfieldjournal.example", "Copyright Morrowfield Journal. All rights reserved.", true],
  ["Caskaville Times", "caskavilletimes.example", "Follow us for updates. Subscribe to Caskaville Times.", false],
].map(([name, domain, trailer, dateline]) => ({
  name: name as string,
  domain: domain as string,
  trailer: trailer as string,
  dateline: dateline as boolean,
}));

/** Wire services that never publish in the corpus: outlets copy them and credit them. */
export const WIRES = ["Veltran Wire", "Continental Press Agency", "Meridian Newswire", "Osterland News Service"];

export const WEEKDAYS = words(`Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday`);
export const MONTHS = words(`January | February | March | April | May | June | July | August | September | October |
November | December`);

export interface EventType {
  key: string;
  /** Who acts: "the city council". */
  body: string[];
  /** Past-tense main actions with their object: "approved funding to rebuild". */
  action: string[];
  /** The thing the story is about. */
  object: string[];
  /** Unit of the headline figure. */
  unit: string[];
  /** Who is affected. */
  affected: string[];
  /** Official roles. */
  roles: string[];
  /** Quote material: verbs and objects for "We will ..." statements. */
  pledge: string[];
  /** Objections raised by opponents. */
  objection: string[];
  /** Topic words sprinkled into detail sentences. */
  topic: string[];
}

export const EVENTS: EventType[] = [
  {
    key: "bridge",
    body: ["the city council", "the municipal works board", "the regional transport authority"],
    action: ["approved funding to rebuild", "voted to replace", "signed off on repairs to"],
    object: ["the Harrow Street bridge", "the old swing bridge", "the canal footbridge", "the river viaduct"],
    unit: ["million crowns", "million florins"],
    affected: ["commuters", "residents", "delivery drivers"],
    roles: ["Mayor", "Transport Commissioner", "Chief Engineer"],
    pledge: ["rebuild the crossing stronger than before", "reopen the route before winter", "keep traffic moving"],
    objection: ["the cost had doubled since the first estimate", "the engineers' report was not yet public"],
    topic: ["girders", "traffic", "detour", "inspection", "contractor", "concrete", "ferry", "cyclists"],
  },
  {
    key: "strike",
    body: ["the dock workers' union", "the transit workers' union", "the nurses' federation"],
    action: ["called a strike over", "walked out in a dispute over", "announced stoppages over"],
    object: ["pay and night shifts", "pension changes", "staffing levels", "a new rota system"],
    unit: ["percent", "percent"],
    affected: ["workers", "passengers", "patients"],
    roles: ["Union Secretary", "Labour Minister", "Chief Executive"],
    pledge: ["stand together until the offer is fair", "return to the table in good faith", "protect every job"],
    objection: ["the offer was already above inflation", "the strike would hurt the people it claimed to help"],
    topic: ["picket", "negotiations", "ballot", "overtime", "employers", "mediator", "wages", "shifts"],
  },
  {
    key: "flood",
    body: ["the river authority", "the emergency services", "the provincial government"],
    action: ["ordered evacuations after", "declared an emergency after", "opened shelters after"],
    object: ["the Lune river burst its banks", "three days of heavy rain", "the sea wall failed"],
    unit: ["centimetres", "millimetres of rain"],
    affected: ["households", "families", "farms"],
    roles: ["Governor", "Fire Chief", "Emergency Coordinator"],
    pledge: ["bring everyone home safely", "rebuild the defences properly this time", "help every family that lost"],
    objection: ["warnings had been ignored for years", "the sea wall budget had been cut twice"],
    topic: ["sandbags", "pumps", "shelter", "rainfall", "levee", "rescue", "boats", "insurance"],
  },
  {
    key: "hospital",
    body: ["the health board", "the regional hospital trust", "the ministry of health"],
    action: ["opened", "announced plans to close", "confirmed the expansion of"],
    object: ["the new maternity wing", "the St Anselm clinic", "the emergency department", "a cancer treatment centre"],
    unit: ["beds", "million crowns"],
    affected: ["patients", "staff", "families"],
    roles: ["Health Minister", "Medical Director", "Board Chair"],
    pledge: ["cut waiting times in half", "keep care close to home", "hire the staff this region needs"],
    objection: ["rural patients would have to travel much further", "staff had not been consulted"],
    topic: ["wards", "waiting lists", "ambulances", "surgeons", "midwives", "clinics", "beds", "budget"],
  },
  {
    key: "election",
    body: ["the electoral commission", "the returning officer", "the provincial assembly"],
    action: ["declared the result of", "confirmed a recount in", "certified the outcome of"],
    object: ["the mayoral race", "the by-election", "the referendum on the harbour plan"],
    unit: ["percent of the vote", "votes"],
    affected: ["voters", "candidates", "polling stations"],
    roles: ["Returning Officer", "Party Leader", "Candidate"],
    pledge: ["govern for every resident of this town", "respect the result and move forward", "keep every promise"],
    objection: ["turnout was the lowest on record", "ballots in two districts were counted late"],
    topic: ["turnout", "ballots", "campaign", "polls", "count", "candidates", "coalition", "majority"],
  },
  {
    key: "factory",
    body: ["Orvane Industries", "the Tessel Motor Works", "Brightwell Foods"],
    action: ["announced the closure of", "confirmed layoffs at", "unveiled an expansion of"],
    object: ["its plant in the industrial park", "the canning factory", "the battery assembly line"],
    unit: ["jobs", "million crowns"],
    affected: ["employees", "suppliers", "families"],
    roles: ["Chief Executive", "Plant Manager", "Economy Minister"],
    pledge: ["support every worker through the change", "keep manufacturing in this region", "invest for decades"],
    objection: ["the company had received public subsidies", "the decision was made without warning"],
    topic: ["production", "orders", "shareholders", "suppliers", "shifts", "exports", "machinery", "redundancy"],
  },
  {
    key: "wildfire",
    body: ["the forestry service", "the fire brigade", "the regional council"],
    action: ["issued evacuation orders as", "brought in aircraft after", "closed roads as"],
    object: ["a wildfire spread across the pine hills", "fire reached the outskirts of the valley"],
    unit: ["hectares", "kilometres"],
    affected: ["residents", "campers", "farmers"],
    roles: ["Fire Commissioner", "Forestry Director", "Mayor"],
    pledge: ["hold the line at the river", "protect every home we can", "learn from this fire"],
    objection: ["controlled burns had been cancelled for budget reasons", "the alarm came too late"],
    topic: ["smoke", "firefighters", "aircraft", "wind", "drought", "containment", "embers", "evacuees"],
  },
  {
    key: "transit",
    body: ["the transit authority", "the city council", "the rail operator"],
    action: ["raised fares on", "cut services on", "announced a new timetable for"],
    object: ["the harbour tram line", "night buses", "the coastal railway", "the river ferry"],
    unit: ["percent", "crowns a ticket"],
    affected: ["passengers", "students", "pensioners"],
    roles: ["Transit Director", "Deputy Mayor", "Transport Commissioner"],
    pledge: ["make the network reliable again", "protect the routes people depend on", "keep fares affordable"],
    objection: ["low-income riders would pay the most", "the timetable change had not been tested"],
    topic: ["tickets", "timetable", "delays", "platforms", "carriages", "commuters", "routes", "subsidy"],
  },
];

/** Synonym groups for near-copy edits and rewrites. Each word maps to the others in its group. */
export const SYNONYM_GROUPS: string[][] = [
  ["said", "stated", "noted", "remarked"],
  ["approved", "backed", "endorsed", "passed"],
  ["about", "roughly", "around", "nearly"],
  ["big", "large", "major", "sizeable"],
  ["residents", "locals", "inhabitants"],
  ["officials", "authorities"],
  ["began", "started", "commenced"],
  ["warned", "cautioned"],
  ["increase", "rise", "jump"],
  ["decrease", "fall", "drop"],
  ["quickly", "rapidly", "swiftly"],
  ["plan", "proposal", "scheme"],
  ["announced", "revealed", "disclosed"],
  ["criticised", "condemned", "attacked"],
  ["week", "seven days"],
  ["because", "since", "as"],
  ["also", "additionally", "too"],
  ["many", "numerous", "several"],
  ["people", "residents", "citizens"],
  ["money", "funds", "cash"],
  ["expected", "anticipated", "projected"],
  ["important", "significant", "key"],
  ["problem", "issue", "difficulty"],
  ["help", "assist", "support"],
  ["cost", "price", "expense"],
];

export const SYNONYMS: ReadonlyMap<string, string[]> = new Map(
  SYNONYM_GROUPS.flatMap((group) => group.map((word) => [word, group.filter((other) => other !== word)] as const)),
);

/** Material for detail sentences: every article of a story has its own details, which is what keeps reports apart. */
export const DETAIL_NOUNS =
  words(`the school run | the weekly market | rents | the harbour front | the town hall | local
businesses | the ferry timetable | the night shift | the allotments | emergency funding | the library | the bus depot |
the youth club | the fish auction | the old cannery | the tram depot | the sports ground | the riverside path | grain
prices | the cathedral square | the community centre | insurance claims | the recycling plant | the lighthouse`);

export const DETAIL_VERBS = words(`reopen | expand | close | review | repair | replace | relocate | rebuild | inspect |
fund | modernise | postpone | delay | restore | sell off | double`);

export const DETAIL_REACTIONS = words(`had never seen anything like it | was worried about the winter | felt nobody had
listened | hoped the work would be done quickly | would wait and see | was relieved the decision had finally come |
planned to write to the council | thought the money could be better spent | was glad someone was finally paying
attention | expected prices to go up again`);

export const TIME_PHRASES = words(`by the end of the year | before the summer holidays | within the next month | over
the coming decade | as early as next spring | before the autumn storms | by the next budget | within eighteen months`);

export const CROWDS = words(`Dozens of residents | A small crowd | Several hundred people | Shopkeepers and
commuters | Families with children | A group of pensioners | Students from the college | Fishermen and dock hands`);

export const GATHER_PLACES = words(`outside the town hall | along the harbour wall | in the cathedral square | at the
end of the pier | in front of the station | near the old cannery | by the war memorial | at the community centre`);

/** Syllables for coined proper names (streets, firms, groups, surnames): tens of thousands of distinct names. */
export const SYLLABLES =
  words(`bra | ven | tor | mal | ska | rin | dov | el | quar | lis | tam | ber | cor | vin | os | tra |
hel | mur | pen | sar | gol | dri | fen | ka | lom | ner | pel | rho | sil | tev | ul | wes | yor | zan | ark | bel | cas |
dun | eth | fal | gri | hav | ist | jor | kel | lun | mor | nav | orl | pra`);

export const PLACE_KINDS =
  words(`Lane | Street | Quay | Row | Market | Park | Yard | Hill | Gardens | Crescent | Wharf |
Square | Road | Terrace | Green`);
export const GROUP_KINDS = words(`Cooperative | Trust | Foundation | Partners | Works | Holdings | Association | Guild |
Society | Collective | Alliance | Fund | Group | Institute | Company`);

/** Common nouns, verbs and adjectives for detail sentences. */
export const NOUNS =
  words(`apprentices | bakeries | ballots | barges | benches | bicycles | boilers | boreholes | bridges |
budgets | cables | canteens | cargo | carpets | cellars | chimneys | clinics | clocks | coaches | contracts | cottages |
cranes | crops | culverts | dairies | deliveries | depots | ditches | drains | engines | estates | exams | factories | fares |
fences | ferries | fields | fisheries | footpaths | forges | freight | furnaces | garages | gardens | generators | grants |
greenhouses | hangars | harvests | hedges | hostels | invoices | kilns | kiosks | ladders | lanterns | lawns | ledgers |
licences | lifts | loans | lorries | meadows | mills | mortgages | murals | nurseries | orchards | ovens | paddocks |
pavements | pensions | permits | pharmacies | piers | pipelines | playgrounds | ponds | pylons | quarries | railings |
reservoirs | roofs | salaries | sawmills | scaffolding | schools | sewers | sheds | shutters | signals | silos | slipways |
stables | stalls | statues | storerooms | subsidies | surveys | tanks | tariffs | taverns | tenancies | textbooks |
tickets | timber | tollbooths | towpaths | tractors | trawlers | tunnels | turbines | uniforms | valves | vans | vineyards |
wages | warehouses | wells | wheelchairs | windmills | workshops | yachts`);

export const VERBS = words(`audit | borrow | budget | catalogue | certify | clear | commission | compensate | convert |
dredge | drain | extend | fence | freeze | insure | inventory | lease | license | measure | mend | merge | monitor |
mortgage | paint | patch | pave | plant | pump | rebuild | recruit | refit | register | reinforce | relocate | renovate |
repaint | replace | reroute | resurface | retrain | retrofit | sandbag | scrap | seal | sell | staff | subsidise | survey |
tender | test | upgrade | ventilate | widen | winterise`);

export const ADJECTIVES =
  words(`ageing | battered | brick | cheaper | coastal | cramped | crumbling | derelict | draughty |
electric | empty | flooded | fragile | half-built | idle | leaking | listed | makeshift | modest | narrow | neglected |
overcrowded | overdue | patched | private | rented | rusting | seasonal | shared | shuttered | spare | temporary | unheated |
unlit | unpaid | vacant | wooden`);
