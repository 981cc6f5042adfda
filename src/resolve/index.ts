export { entityId } from "./entity-id.js";
export { EntityIndex, type IndexInput } from "./entity-index.js";
export { nameKey, otherNameKey } from "./name-key.js";
export { personNamesMatch } from "./names-match.js";
export { type PersonName, parsePersonName } from "./person-name.js";
export { skeleton } from "./phonetic.js";
export { indexInputs, resolvedName, resolveEntities } from "./resolve-entities.js";
export { type Gender, surnameKey } from "./surname.js";
export { hasCyrillic, toLatin } from "./transliterate.js";
