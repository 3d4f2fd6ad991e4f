/** An RFC 4180 reader, strict where the exports must be: quoted fields, doubled quotes, CRLF rows. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === "") {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== "," && text[i] !== "\r") throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (text[i] === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (text.startsWith("\r\n", i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (text[i] === "\n" || text[i] === "\r" || text[i] === '"') {
      throw new Error(`unquoted ${JSON.stringify(text[i])} at ${i}`);
    } else {
      field += text[i++];
    }
  }
  if (field !== "" || row.length > 0) throw new Error("last row not ended by CRLF");
  return rows;
}

/** Rows as objects keyed by the header row. */
export function readCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = readCsv(text);
  return rows.map((row) => {
    if (row.length !== header!.length) throw new Error(`row of ${row.length} fields under a header of ${header!.length}`);
    return Object.fromEntries(header!.map((column, index) => [column, row[index]!]));
  });
}
