// Entry point of the `ocpp-bench` command (bundled to dist/cli.mjs).
import { run } from './program';

process.exitCode = await run(process.argv.slice(2));
