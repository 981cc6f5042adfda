export { compareByPublication, groupStories, JOIN_SIMILARITY, type StoryGroup } from "./group-stories.js";
export { contentTokens } from "./tokenize.js";
