#!/usr/bin/env bash
# Ingests the bundled fictional sample archive into the default archive,
# shows where to go next, and opens the archive in the browser workbench
# (TROVE_PORT picks another port than 7300; TROVE_DEMO_SERVE=0 stops before serving).
set -euo pipefail
cd "$(dirname "$0")/.."

archive="${TROVE_ARCHIVE:-./trove-data/archive.db}"
echo "Ingesting the sample archive (samples/, all fiction) into $archive"
set +e
node bin/trove.js ingest samples --archive "$archive" --report trove-data/ingest-report.json
status=$?
set -e
if [ "$status" -eq 1 ]; then exit 1; fi
echo
node bin/trove.js stats --archive "$archive"
cat <<EOT

Try:
  npx trove search karbala meeting
  npx trove search 'كربلا'                 # Arabic letters find Persian text
  npx trove search '"photo exhibition" OR saffron' --limit 5
  npx trove search 'lang:fa date:2014-10-01..2015-03-31'
  npx trove search 'classification:secret from:karbala'
  npx trove show 1
  npx trove parse samples/cables/15BAGHDAD87.txt     # a cable's fields, no archive needed
  npx trove translations align ID                    # an original beside its translation
  npx trove entities --type person                   # who is in it, in every script and spelling
  npx trove entity "Abu Karrar al-Tamimi"            # aliases, mentions in context, who appears with him
  npx trove search 'entity:"Harith al-Zubaidi"'      # documents that mention him, by any alias
  npx trove names match "Abu Karrar Tamimi" "ابوکرار تمیمی"
  npx trove relations samples/reports/en/report-1393-09-14-karbala.en.txt   # meetings, payments… with evidence
  npx trove graph top --by pagerank                  # who is central to the network
  npx trove graph path "Harith al-Zubaidi" "Kaveh"   # how two people are linked, each step with its sentence
  npx trove timeline --entity "Harith al-Zubaidi"    # what happened, in order
  npx trove money                                    # the payments, totalled per currency
  npx trove places                                   # where, with coordinates; ambiguous places flagged
  npx trove verify                                   # hashes, duplicates and consistency checks before publishing
  npx trove serve                                    # the browser workbench on http://127.0.0.1:7300/
  npx trove --help

The run's report (every problem by file) is in trove-data/ingest-report.json.
EOT
if [ "${TROVE_DEMO_SERVE:-1}" = "0" ]; then exit 0; fi
echo
echo "Starting the workbench: open the address below in a browser; stop it with Ctrl-C."
exec node bin/trove.js serve --archive "$archive" --port "${TROVE_PORT:-7300}"
