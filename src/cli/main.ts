/** The `trove` command line: one file per command, each a thin face over one library call. */
import { Command, CommanderError } from "commander";
import { TroveError } from "../errors.js";
import { entitiesCommand } from "./commands/entities.js";
import { entityCommand } from "./commands/entity.js";
import { extractCommand } from "./commands/extract.js";
import { relationsCommand } from "./commands/relations.js";
import { graphCommand } from "./commands/graph.js";
import { ingestCommand } from "./commands/ingest.js";
import { namesCommand } from "./commands/names.js";
import { parseCommand } from "./commands/parse.js";
import { placesCommand } from "./commands/places.js";
import { redactCommand } from "./commands/redact.js";
import { publishCommand } from "./commands/publish.js";
import { translationsCommand } from "./commands/translations.js";
import { searchCommand } from "./commands/search.js";
import { serveCommand } from "./commands/serve.js";
import { showCommand } from "./commands/show.js";
import { statsCommand } from "./commands/stats.js";
import { verifyCommand } from "./commands/verify.js";
import { moneyCommand } from "./commands/money.js";
import { timelineCommand } from "./commands/timeline.js";
import { auditCommand } from "./commands/audit.js";
import { userCommand } from "./commands/user.js";
import { annotateCommand } from "./commands/annotate.js";
import { annotationsCommand } from "./commands/annotations.js";
import { tagsCommand } from "./commands/tags.js";
import { searchesCommand } from "./commands/searches.js";
import { EXIT_FAILED, EXIT_OK, type ExitStatus } from "./exit-status.js";

export function buildProgram(exit: ExitStatus): Command {
  const program = new Command("trove")
    .description("Make sense of a leaked archive: ingest files, search them in any script, read them properly.")
    .version(process.env.npm_package_version ?? "0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addCommand(ingestCommand(exit))
    .addCommand(searchCommand(exit))
    .addCommand(showCommand())
    .addCommand(statsCommand())
    .addCommand(verifyCommand())
    .addCommand(serveCommand())
    .addCommand(parseCommand(exit))
    .addCommand(translationsCommand())
    .addCommand(extractCommand(exit))
    .addCommand(relationsCommand(exit))
    .addCommand(namesCommand())
    .addCommand(entitiesCommand())
    .addCommand(entityCommand())
    .addCommand(placesCommand())
    .addCommand(graphCommand())
    .addCommand(timelineCommand())
    .addCommand(moneyCommand())
    .addCommand(redactCommand(exit))
    .addCommand(publishCommand(exit))
    .addCommand(userCommand())
    .addCommand(auditCommand(exit))
    .addCommand(annotateCommand())
    .addCommand(annotationsCommand())
    .addCommand(tagsCommand())
    .addCommand(searchesCommand());
  const overrideExits = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(overrideExits);
  };
  program.commands.forEach(overrideExits);
  return program;
}

/** Runs the CLI and resolves to the process exit status. */
export async function main(argv: string[]): Promise<number> {
  const exit: ExitStatus = { code: EXIT_OK };
  try {
    await buildProgram(exit).parseAsync(argv);
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_FAILED;
    if (error instanceof TroveError) {
      process.stderr.write(`trove: ${error.message}\n`);
      return EXIT_FAILED;
    }
    process.stderr.write(`trove: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILED;
  }
}
