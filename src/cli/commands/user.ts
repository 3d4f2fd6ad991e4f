import { Command } from "commander";
import { addUser, disableUser, setPassword } from "../../access/users.js";
import { MIN_PASSWORD_CHARS } from "../../access/passwords.js";
import { DecisionError, NotFoundError } from "../../errors.js";
import type { User } from "../../model/user.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { cliActor } from "../cli-audit.js";
import { readNewPassword } from "../read-password.js";
import { withWritableArchive } from "../writable-archive.js";

export function userCommand(): Command {
  return new Command("user")
    .description("the people who may open the archive when it is served to others: add, list, disable, set a password")
    .addHelpText(
      "after",
      `
An archive without users is open to whoever can reach the server, so
trove serve keeps it on this machine. The first user must be an admin; from
then on everyone signs in, on this machine too. Every change is recorded in
the audit trail (trove audit export) with your login as the actor.

Passwords have at least ${MIN_PASSWORD_CHARS} characters. On a terminal you are asked twice and
nothing is shown; scripts pipe the password in with --password-stdin.

Examples:
  trove user add desk.editor --admin
  printf '%s' "$PASSWORD" | trove user add partner.reporter --password-stdin
  trove user list --json
  trove user disable partner.reporter
  trove user password desk.editor`,
    )
    .addCommand(addCommand())
    .addCommand(listCommand())
    .addCommand(disableCommand())
    .addCommand(passwordCommand());
}

function addCommand(): Command {
  return new Command("add")
    .description("add a user; the first must be an admin")
    .argument("<name>", "what they sign in with: letters, digits, '.', '_', '-', '@'")
    .addOption(archiveOption())
    .option("--admin", "an admin (manages users) rather than a member")
    .option("--password-stdin", "read the password from standard input instead of asking")
    .action(async (name: string, options: { archive: string; admin?: boolean; passwordStdin?: boolean }) => {
      await withWritableArchive(options.archive, async (store) => {
        if (!options.admin && !store.users.hasActiveAdmin()) throw new DecisionError("the archive has no admin yet: add the first user with --admin");
        const password = await readNewPassword(options.passwordStdin ?? false);
        const user = await addUser(store, { name, role: options.admin ? "admin" : "member", password }, cliActor());
        process.stdout.write(`Added ${user.role} ${user.name}. From now on, everyone signs in to this archive's workbench.\n`);
      });
    });
}

function listCommand(): Command {
  return new Command("list")
    .description("every user, disabled ones too")
    .addOption(archiveOption())
    .option("--json", "print [{id, name, role, disabled, createdAt, lastLoginAt}] as JSON")
    .action((options: { archive: string; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const users = store.users.listUsers();
        if (options.json) process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
        else process.stdout.write(users.length === 0 ? "No users: the workbench is open on this machine only. Add one with: trove user add NAME --admin\n" : users.map(renderUser).join(""));
      } finally {
        store.close();
      }
    });
}

function disableCommand(): Command {
  return new Command("disable")
    .description("stop a user from signing in and end their sessions; they stay named in the audit trail")
    .argument("<name>")
    .addOption(archiveOption())
    .action(async (name: string, options: { archive: string }) => {
      await withWritableArchive(options.archive, (store) => {
        const user = disableUser(store, name, cliActor());
        process.stdout.write(`Disabled ${user.name}; their sessions have ended.\n`);
      });
    });
}

function passwordCommand(): Command {
  return new Command("password")
    .description("set a user's password (for one forgotten); their sessions end")
    .argument("<name>")
    .addOption(archiveOption())
    .option("--password-stdin", "read the password from standard input instead of asking")
    .action(async (name: string, options: { archive: string; passwordStdin?: boolean }) => {
      await withWritableArchive(options.archive, async (store) => {
        const user = store.users.credentials(name)?.user.name;
        if (user === undefined) throw new NotFoundError(`no user called ${name}; list them with: trove user list`);
        await setPassword(store, user, await readNewPassword(options.passwordStdin ?? false), cliActor());
        process.stdout.write(`Set a new password for ${user}; their sessions have ended.\n`);
      });
    });
}

function renderUser(user: User): string {
  const state = user.disabled ? "  (disabled)" : "";
  return `${user.name.padEnd(24)} ${user.role.padEnd(7)} added ${user.createdAt.slice(0, 10)}  last sign-in ${user.lastLoginAt?.slice(0, 16).replace("T", " ") ?? "never"}${state}\n`;
}
