export {
  type CorpusOptions,
  type GeneratedItem,
  type GeneratedRecord,
  type GoldEdge,
  type GoldRelation,
  generateCorpus,
} from "./corpus.js";
export { Random } from "./random.js";
export { toArticle } from "./to-article.js";
