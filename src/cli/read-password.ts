/**
 * Reading a new password: from standard input with `--password-stdin` (for
 * scripts), otherwise asked twice on the terminal without echoing it.
 */
import { CredentialError } from "../access/passwords.js";
import { TroveError } from "../errors.js";

export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new TroveError("no-terminal", "there is no terminal to ask for the password on; pipe it in with --password-stdin");
  const first = await askHidden("New password: ");
  const second = await askHidden("The same again: ");
  if (first !== second) throw new CredentialError("the two passwords differ; nothing was changed");
  return first;
}

/** All of standard input, less the one line ending that `echo` or a file adds. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** One line typed on the terminal in raw mode, so that nothing typed is shown. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    let typed: string[] = [];
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") {
          finish();
          resolve(typed.join(""));
          return;
        }
        if (character === "\u0003" || character === "\u0004") {
          finish();
          reject(new TroveError("cancelled", "cancelled; nothing was changed"));
          return;
        }
        if (character === "\u007f" || character === "\b") typed = typed.slice(0, -1);
        else typed.push(character);
      }
    };
    process.stderr.write(prompt);
    input.setEncoding("utf8");
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}
