export { isPublicAddress } from "./address-policy.js";
export {
  FETCH_TIMEOUT_MS,
  FetchError,
  MAX_FETCH_BYTES,
  MAX_REDIRECTS,
  type SafeFetchOptions,
  safeFetch,
} from "./safe-fetch.js";
