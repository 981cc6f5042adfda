/**
 * Hand-written gazetteer of the places news names most, in English and the six Slavic languages Parallax reads
 * (Russian, Ukrainian, Bulgarian, Polish, Czech, Slovene), written by the team from general knowledge. Place names are
 * translated, not transliterated (Germany / Германия / Niemcy / Německo / Nemčija), so no name key can join them;
 * this list does. One line per place: its id, then every name, separated by "|". A name that is ambiguous across
 * places is left out on purpose: English "Georgia" (a country and a US state), "Washington" (a city and a state).
 */
import { type GazetteerEntry, parseGazetteer } from "./gazetteer-entry.js";

const LINES = `
united-kingdom | United Kingdom | UK | U.K. | Britain | Great Britain | Великобритания | Британия | Соединённое Королевство | Соединенное Королевство | Великобританія | Британія | Сполучене Королівство | Обединеното кралство | Обединено кралство | Wielka Brytania | Brytania | Zjednoczone Królestwo | Velká Británie | Británie | Spojené království | Velika Britanija | Britanija | Združeno kraljestvo
england | England | Англия | Англія | Anglia | Anglie | Anglija
scotland | Scotland | Шотландия | Шотландія | Szkocja | Skotsko | Škotska
wales | Wales | Уэльс | Уельс | Уелс | Walia
northern-ireland | Northern Ireland | Северная Ирландия | Північна Ірландія | Северна Ирландия | Irlandia Północna | Severní Irsko | Severna Irska
ireland | Ireland | Republic of Ireland | Eire | Ирландия | Республика Ирландия | Ірландія | Республіка Ірландія | Република Ирландия | Irlandia | Republika Irlandii | Irsko | Irská republika | Irska | Republika Irska
united-states | United States | United States of America | USA | U.S.A. | США | Соединённые Штаты | Соединенные Штаты | Соединённые Штаты Америки | Соединенные Штаты Америки | Сполучені Штати | Сполучені Штати Америки | САЩ | Съединените щати | Съединени щати | Съединените американски щати | Съединени американски щати | Stany Zjednoczone | Stany Zjednoczone Ameryki | Spojené státy | Spojené státy americké | Združene države | Združene države Amerike | ZDA
russia | Russia | Russian Federation | Россия | Российская Федерация | РФ | Росія | Російська Федерація | Русия | Руска федерация | Rosja | Federacja Rosyjska | Rusko | Ruská federace | Rusija | Ruska federacija
germany | Germany | Federal Republic of Germany | Германия | ФРГ | Німеччина | ФРН | Niemcy | Republika Federalna Niemiec | RFN | Německo | Spolková republika Německo | SRN | Nemčija | Zvezna republika Nemčija
france | France | Франция | Франція | Francja | Francie | Francija
italy | Italy | Италия | Італія | Włochy | Itálie | Italija
spain | Spain | Испания | Іспанія | Hiszpania | Španělsko | Španija
portugal | Portugal | Португалия | Португалія | Portugalia | Portugalsko | Portugalska
poland | Poland | Польша | Польща | Полша | Polska | Rzeczpospolita Polska | Polsko | Poljska
ukraine | Ukraine | Украина | Україна | Украйна | Ukraina | Ukrajina
belarus | Belarus | Byelorussia | Беларусь | Белоруссия | Білорусь | Беларус | Białoruś | Bělorusko | Belorusija
czech-republic | Czech Republic | Czechia | Чехия | Чешская Республика | Чехія | Чеська Республіка | Чешка република | Czechy | Republika Czeska | Česko | Česká republika | ČR | Češka | Češka republika
slovakia | Slovakia | Словакия | Словаччина | Słowacja | Slovensko | Slovaška
slovenia | Slovenia | Словения | Словенія | Słowenia | Slovinsko | Slovenija
bulgaria | Bulgaria | Болгария | Болгарія | България | Bułgaria | Bulharsko | Bolgarija
romania | Romania | Румыния | Румунія | Румъния | Rumunia | Rumunsko | Romunija
hungary | Hungary | Венгрия | Угорщина | Унгария | Węgry | Maďarsko | Madžarska
austria | Austria | Австрия | Австрія | Rakousko | Avstrija
switzerland | Switzerland | Швейцария | Швейцарія | Szwajcaria | Švýcarsko | Švica
netherlands | Netherlands | Holland | Нидерланды | Голландия | Нідерланди | Голландія | Нидерландия | Холандия | Holandia | Niderlandy | Nizozemsko | Nizozemska
belgium | Belgium | Бельгия | Бельгія | Белгия | Belgia | Belgie | Belgija
sweden | Sweden | Швеция | Швеція | Szwecja | Švédsko | Švedska
norway | Norway | Норвегия | Норвегія | Norwegia | Norsko | Norveška
denmark | Denmark | Дания | Данія | Dania | Dánsko | Danska
finland | Finland | Финляндия | Фінляндія | Финландия | Finlandia | Finsko | Finska
greece | Greece | Греция | Греція | Гърция | Grecja | Řecko | Grčija
turkey | Turkey | Türkiye | Турция | Туреччина | Turcja | Turecko | Turčija
lithuania | Lithuania | Литва | Litwa | Litva
latvia | Latvia | Латвия | Латвія | Łotwa | Lotyšsko | Latvija
estonia | Estonia | Эстония | Естонія | Естония | Estonsko | Estonija
serbia | Serbia | Сербия | Сербія | Сърбия | Srbsko | Srbija
croatia | Croatia | Хорватия | Хорватія | Хърватия | Chorwacja | Chorvatsko | Hrvaška | Hrvatska
moldova | Moldova | Молдова | Молдавия | Mołdawia | Moldavsko | Moldavija
georgia-country | Грузия | Грузія | Gruzja | Gruzie | Gruzija
china | China | People's Republic of China | Китай | КНР | Chiny | ChRL | Čína | Kitajska
japan | Japan | Япония | Японія | Japonia | Japonsko | Japonska
india | India | Индия | Індія | Indie | Indija
israel | Israel | Израиль | Ізраїль | Израел | Izrael
iran | Iran | Иран | Іран | Írán
iraq | Iraq | Ирак | Ірак | Irak | Irák
syria | Syria | Сирия | Сирія | Sýrie | Sirija
afghanistan | Afghanistan | Афганистан | Афганістан | Afganistan | Afghánistán
egypt | Egypt | Египет | Єгипет | Egipt | Egypt | Egipt
canada | Canada | Канада | Kanada
mexico | Mexico | Мексика | Мексико | Meksyk | Mexiko | Mehika
brazil | Brazil | Бразилия | Бразилія | Brazylia | Brazílie | Brazilija
australia | Australia | Австралия | Австралія | Austrálie | Avstralija
europe | Europe | Европа | Європа | Europa | Evropa
asia | Asia | Азия | Азія | Azja | Asie | Azija
africa | Africa | Африка | Afryka | Afrika
moscow | Moscow | Москва | Moskwa | Moskva
brussels | Brussels | Брюссель | Брюксел | Bruksela | Brusel | Bruselj
warsaw | Warsaw | Варшава | Warszawa | Varšava
kyiv | Kyiv | Kiev | Киев | Київ | Kijów | Kyjev | Kijev
london | London | Лондон | Londyn | Londýn
paris | Paris | Париж | Paryż | Paříž | Pariz
berlin | Berlin | Берлин | Берлін | Berlín
prague | Prague | Прага | Praga | Praha
vienna | Vienna | Вена | Відень | Виена | Wiedeń | Vídeň | Dunaj
rome | Rome | Рим | Rzym | Řím | Rim
beijing | Beijing | Пекин | Пекін | Pekin | Peking
bucharest | Bucharest | Бухарест | Букурещ | Bukareszt | Bukurešť | Bukarešta
belgrade | Belgrade | Белград | Бєлград | Belgrad | Bělehrad | Beograd
ljubljana | Ljubljana | Любляна | Lublana | Lublaň
`;

export const PLACES: readonly GazetteerEntry[] = parseGazetteer(LINES);
