import { GIVEN_NAME_GROUPS, MALE_NAMES_IN_A } from "../../../resolve/data/given-names.js";

/** Common English and other given names that the resolver's Slavic variant groups do not list. */
const EXTRA_GIVEN_NAMES = `james robert william richard thomas charles christopher daniel matthew anthony steven
  kevin brian edward ronald timothy jason jeffrey ryan jacob gary eric jonathan stephen larry justin scott brandon
  benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron henry douglas adam nathan
  zachary kyle walter harold jeremy ethan carl keith roger gerald christian terry sean arthur austin noah lawrence
  jesse joe bryan billy jordan albert dylan bruce willie gabriel alan juan logan wayne ralph roy eugene randy
  vincent russell louis philip bobby johnny bradley hugh harry tom tim tony ben sam nick rob bob bill mike chris
  dave steve jim jeff emmanuel angela theresa nigel boris keir rishi liz emily hannah sarah jessica karen nancy lisa
  betty margaret sandra ashley kimberly donna emily michelle carol amanda dorothy melissa deborah stephanie rebecca
  sharon laura cynthia kathleen amy shirley anna brenda pamela emma nicole helen samantha katherine christine
  debra rachel carolyn janet catherine heather diane ruth julie olivia joyce virginia victoria kelly lauren
  christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
  kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa
  diana natalie brittany charlotte marie kayla alexis lori claire sophie lucy kate jane ursula kamala hillary
  ales andrus artsiom artem artyom aliaksandr dzianis denis denys yahor egor yegor kiryl kirill mikita nikita
  pavel pavlo raman siarhei uladzislau vladislav vladyslav viachaslau vyacheslav viktar yauhen zmicier
  ales anatol arsen bohdan bogdan danylo daniil eduard fedir gennady hennadiy ivan lev matvei mykyta oleh ostap
  petro ruslan semen stepan taras timur vadim vadym valentin vitali vitaly vitaliy vitalii volodymyr yaroslav
  zakhar zinovy alla alina alesia alesya alena anastasia anastasiya darya daria dasha galina halyna hanna inna
  iryna ivanna katsiaryna kristina ksenia ksenija larysa larisa lesia liubov lyubov marharyta margarita maryna
  nadezhda nadzeya nadiya nina oksana palina polina raisa sofia sofiya sviatlana tamara uliana ulyana valentina
  valiantsina vera viera viktoria viktoryia yana yevheniya zhanna zoya zinaida hana jana petra lenka katerina
  jiri jan petr pavel tomas martin lukas jakub vaclav karel milos zdenek piotr pawel krzysztof tomasz marcin
  michal lukasz grzegorz mateusz wojciech rafal kamil maciej janusz jaroslaw zbigniew ryszard tadeusz agnieszka
  malgorzata danuta elzbieta krystyna grazyna halina jadwiga urszula irena wanda teresa magdalena joanna katarzyna ewa barbara dorota beata zofia janez marko luka matej ales bostjan
  rok ziga aleksandar nikola stefan dragan goran zoran milan ivica ante`.split(/\s+/);

/** Every given name the recogniser knows, lower-case ASCII, with gender where the lexicon gives one. */
export const GIVEN_NAMES: ReadonlyMap<string, "m" | "f" | null> = (() => {
  const names = new Map<string, "m" | "f" | null>();
  for (const group of GIVEN_NAME_GROUPS) for (const variant of group.variants) names.set(variant, group.gender);
  for (const name of EXTRA_GIVEN_NAMES) {
    if (name.length === 0 || names.has(name)) continue;
    names.set(name, name.endsWith("a") && !MALE_NAMES_IN_A.has(name) ? "f" : null);
  }
  return names;
})();
