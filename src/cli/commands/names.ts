import { Command } from "commander";
import { matchNames } from "../../extract/name-match.js";

export function namesCommand(): Command {
  return new Command("names")
    .description("compare names across scripts and spellings")
    .addCommand(
      new Command("match")
        .description("decide whether two names can denote the same person or place, with a score and an explanation")
        .argument("<name>", "a name in any script (quote it)")
        .argument("<other>", "another name")
        .option("--json", "print {decision, score, explanation} as JSON")
        .addHelpText(
          "after",
          `
Decisions: match (the same name, spelt or written differently), partial (one
name lacks parts of the other, e.g. a surname alone), no-match.

Examples:
  trove names match "Qassem Soleimani" "قاسم سلیمانی"
  trove names match "al-Jabouri" "Jubouri" --json`,
        )
        .action((name: string, other: string, options: { json?: boolean }) => {
          const match = matchNames(name, other);
          if (options.json) process.stdout.write(`${JSON.stringify(match, null, 2)}\n`);
          else process.stdout.write(`${match.decision} (score ${match.score.toFixed(2)})\n${match.explanation.map((step) => `  ${step}`).join("\n")}\n`);
        }),
    );
}
