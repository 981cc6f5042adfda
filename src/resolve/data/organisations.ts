/**
 * Hand-written gazetteer of the international bodies news names most, in English and the six Slavic languages
 * Parallax reads, written by the team from general knowledge; same format as places.ts. Organisation names are
 * translated (European Union / Европейский союз / Unia Europejska) and abbreviated differently in every language (EU,
 * ЕС, ЄС, UE), so no name key joins them. Abbreviations that stand for something else in another language are left
 * out (KE, PE, EC).
 */
import { type GazetteerEntry, parseGazetteer } from "./gazetteer-entry.js";

const LINES = `
european-union | European Union | EU | Европейский союз | Евросоюз | ЕС | Європейський Союз | Євросоюз | ЄС | Европейски съюз | Unia Europejska | UE | Evropská unie | Evropska unija
european-commission | European Commission | Европейская комиссия | Еврокомиссия | Європейська комісія | Єврокомісія | Европейска комисия | Еврокомисия | Komisja Europejska | Evropská komise | Evropska komisija
european-parliament | European Parliament | Европейский парламент | Европарламент | Європейський парламент | Європарламент | Европейски парламент | Parlament Europejski | Europarlament | Evropský parlament | Evropski parlament
european-council | European Council | Европейский совет | Європейська рада | Европейски съвет | Rada Europejska | Evropská rada | Evropski svet
council-of-europe | Council of Europe | Совет Европы | Рада Європи | Съвет на Европа | Rada Europy | Rada Evropy | Svet Evrope
european-central-bank | European Central Bank | ECB | Европейский центральный банк | ЕЦБ | Європейський центральний банк | ЄЦБ | Европейска централна банка | Europejski Bank Centralny | EBC | Evropská centrální banka | Evropska centralna banka
nato | NATO | Nato | North Atlantic Treaty Organization | НАТО | Североатлантический альянс | Північноатлантичний альянс | Северноатлантически алианс | Sojusz Północnoatlantycki | Severoatlantická aliance | Severnoatlantsko zavezništvo
united-nations | United Nations | UN | ООН | Организация Объединённых Наций | Организация Объединенных Наций | Організація Об'єднаних Націй | Организация на обединените нации | ONZ | Organizacja Narodów Zjednoczonych | OSN | Organizace spojených národů | OZN | Organizacija združenih narodov
world-health-organization | World Health Organization | WHO | ВОЗ | Всемирная организация здравоохранения | ВООЗ | Всесвітня організація охорони здоров'я | СЗО | Световна здравна организация | Światowa Organizacja Zdrowia | Světová zdravotnická organizace | SZO | Svetovna zdravstvena organizacija
imf | International Monetary Fund | IMF | МВФ | Международный валютный фонд | Міжнародний валютний фонд | Международен валутен фонд | MFW | Międzynarodowy Fundusz Walutowy | MMF | Mezinárodní měnový fond | MDS | Mednarodni denarni sklad
osce | OSCE | Organization for Security and Co-operation in Europe | ОБСЕ | ОБСЄ | ОССЕ | OBWE | OBSE | OVSE
reuters | Reuters | Рейтер | Рейтерс | Ройтерс | Agencja Reutera
`;

export const ORGANISATIONS: readonly GazetteerEntry[] = parseGazetteer(LINES);
