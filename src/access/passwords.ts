/**
 * Passwords: argon2id with the OWASP parameters (19 MiB, two passes, one
 * lane), a floor on length, and a verification that costs the same whether
 * or not the user exists, so that timing does not tell which names are real.
 */
import { randomBytes } from "node:crypto";
import { Algorithm, hash, verify } from "@node-rs/argon2";
import { TroveError } from "../errors.js";

/** Length beats composition rules: twelve characters is the floor NIST SP 800-63B suggests for a sole factor guarding sensitive data. */
export const MIN_PASSWORD_CHARS = 12;
/** Far beyond any passphrase; stops a megabyte "password" from costing the server more than a real one. */
export const MAX_PASSWORD_CHARS = 1024;

const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** A password that a policy refuses, or a name that cannot be a user's. */
export class CredentialError extends TroveError {
  constructor(message: string) {
    super("invalid-credentials", message);
  }
}

export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_CHARS) throw new CredentialError(`a password needs at least ${MIN_PASSWORD_CHARS} characters; a few unrelated words make a good one`);
  if (password.length > MAX_PASSWORD_CHARS) throw new CredentialError(`a password may have at most ${MAX_PASSWORD_CHARS} characters`);
  if (password.trim() === "" || new Set(password).size < 4) throw new CredentialError("that password is too easy to guess: use a few unrelated words");
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches `passwordHash`. Without a hash (an unknown
 * user) it still verifies, against a hash of a random secret, and answers
 * false: an unknown name costs as long as a wrong password.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_CHARS) return false;
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
  const candidate = passwordHash ?? (await dummyHash);
  try {
    return (await verify(candidate, password)) && passwordHash !== undefined;
  } catch {
    // A stored hash that does not parse matches nothing.
    return false;
  }
}
