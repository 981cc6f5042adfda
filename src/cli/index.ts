export { type CliIo, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED } from "./cli-io.js";
export { runCli } from "./run-cli.js";
