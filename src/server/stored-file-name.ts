/**
 * Names for uploaded files. A browser sends a file's name, never its path;
 * a name that holds a path, climbs with `..`, or carries control characters
 * comes from something else and is refused. Accepted names are still rebuilt
 * from safe characters before they touch the disk, because the file name
 * matters downstream: it pairs `X.fa.txt` with `X.en.txt`, names cables such
 * as `14BAGHDAD123.txt`, and is the second opinion on a file's type.
 *
 * @example
 * unsafeFileName("../../etc/passwd")     // → "the file name holds a path …"
 * storedFileName("گزارش ۱.fa.txt", new Set()) // → "گزارش_۱.fa.txt"
 * storedFileName("a.txt", new Set(["a.txt"])) // → "a-2.txt"
 */

const MAX_NAME_BYTES = 120;

/** Why a client's file name is refused, or undefined when it is a plain name. */
export function unsafeFileName(name: string): string | undefined {
  if (name.trim() === "") return "the file has no name";
  if (/[\u0000-\u001F\u007F]/.test(name)) return `the file name '${printable(name)}' holds control characters`;
  if (/[/\\]/.test(name)) return `the file name '${printable(name)}' holds a path; only a file's own name may be sent`;
  if (/^\.+$/.test(name.trim())) return `'${printable(name)}' is not a file name`;
  return undefined;
}

/**
 * A name made only of letters, marks, digits and `._-()+` (anything else
 * becomes `_`), never hidden (no leading dot), at most 120 bytes, and not in
 * `taken` (a `-2`, `-3` … goes before the extensions).
 */
export function storedFileName(name: string, taken: ReadonlySet<string>): string {
  let clean = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}._()+-]+/gu, "_")
    .replace(/^[._]+/, "")
    .replace(/[._]+$/, "");
  if (clean === "" || /^\.*$/.test(clean)) clean = "file";
  clean = truncateBytes(clean, MAX_NAME_BYTES);
  if (!taken.has(clean)) return clean;
  const dot = clean.indexOf(".", 1);
  const [stem, extensions] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ""];
  for (let counter = 2; ; counter++) {
    const candidate = `${truncateBytes(stem, MAX_NAME_BYTES - Buffer.byteLength(`-${counter}${extensions}`))}-${counter}${extensions}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Keeps the extensions (`.fa.txt`, `.tar.gz`) and shortens the stem when the name is too long. */
function truncateBytes(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const match = /((?:\.[\p{L}\p{N}]{1,8}){0,2})$/u.exec(name);
  const extensions = match?.[1] ?? "";
  // Every character is at least one byte, so no more than `maxBytes` of them can stay.
  let stem = [...name.slice(0, name.length - extensions.length)].slice(0, maxBytes).join("");
  while (stem.length > 1 && Buffer.byteLength(stem + extensions) > maxBytes) stem = [...stem].slice(0, -1).join("");
  return stem + extensions;
}

function printable(name: string): string {
  return name.replace(/[\u0000-\u001F\u007F]/g, "?").slice(0, 80);
}
