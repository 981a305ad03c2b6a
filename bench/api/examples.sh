#!/usr/bin/env bash
# Runs the requests shown in docs/api.md against a running casebase and prints them as Markdown.
#   B=http://127.0.0.1:8766 TOKEN=<an editor's API token> ORDER_PDF=<a court order PDF> \
#     bash bench/api/examples.sh > /tmp/examples.md
# (The demo run: load_corpus on a fresh database, an "Editor" user's token, runserver.)
set -uo pipefail
B=${B:-http://127.0.0.1:8766}
TOKEN=${TOKEN:?an editor token}
ORDER_PDF=${ORDER_PDF:-${CASEBASE_SHARED_DIR:?set ORDER_PDF or CASEBASE_SHARED_DIR}/testdata/court-pdfs/acms_test.pdf}

show() {  # show "<title>" "<command as displayed>" -- runs the command with $B and $TOKEN set
  local title=$1 shown=$2
  echo "#### $title"
  echo
  echo '```console'
  echo "\$ $shown"
  eval "$shown" 2>&1
  echo '```'
  echo
}

show "All events involving xAI, 2023 through 2026 (titles only)" \
  "curl -s \"\$B/api/v1/events/?entity=xai&date_from=2023&date_to=2026&page_size=100\" | jq -r '.results[] | \"\\(.partial_date)  \\(.title)\"'"
show "Events overlapping one day: the year-precision 2026 event matches too" \
  "curl -s \"\$B/api/v1/events/?entity=xai&date_from=2026-04-30&date_to=2026-04-30\" | jq -r '.results[] | \"\\(.partial_date)  \\(.title)\"'"
show "The testimony event with its evidence (the supporting passages)" \
  "curl -s \"\$B/api/v1/events/?entity=xai&date_from=2026-04-30&date_to=2026-04-30&expand=evidence\" | jq '.results[] | select(.partial_date == \"2026-04-30\") | {id, title, partial_date, confidence, case, threads, evidence: [.evidence[] | {document: .document.title, publisher: .document.publisher, published: .document.published, source_url: .document.source_url, passage_url}]}'"
show "Every claim Musk made under oath" \
  "curl -s \"\$B/api/v1/claims/?speaker=elon-musk&under_oath=true\" | jq ."
show "An entity and its aliases" \
  "curl -s \"\$B/api/v1/entities/?name=x.ai\" | jq '.results[] | {slug, name, kind, aliases}'"
show "Submit a filing (multipart, with an editor's token): 202 and where to poll" \
  "curl -s -i -H \"Authorization: Token \$TOKEN\" -F file=@\$ORDER_PDF -F kind=order -F 'title=Second Circuit order (CourtListener test asset)' \"\$B/api/v1/documents/\" | tee /tmp/submit.txt | grep -E '^(HTTP|Location)'; tail -1 /tmp/submit.txt | jq '{id, url, status, media_type, size_bytes}'"
ID=$(tail -1 /tmp/submit.txt | jq .id)
sleep 3
show "Poll its status" \
  "curl -s \"\$B/api/v1/documents/$ID/\" | jq '{id, status, error, attempts, finished_at, timings}'"
show "The citations in that order" \
  "curl -s \"\$B/api/v1/citations/?document=$ID\" | jq '.results[] | {kind, text, normalized, start: .start, end: .end}'"
show "Submitting the same file again finds the existing document (200, not 202)" \
  "curl -s -o /dev/null -w '%{http_code}\\n' -H \"Authorization: Token \$TOKEN\" -F file=@\$ORDER_PDF \"\$B/api/v1/documents/\""
show "Ask for it to be processed again" \
  "curl -s -X POST -H \"Authorization: Token \$TOKEN\" \"\$B/api/v1/documents/$ID/reprocess/\" | jq '{id, status}'"
show "The xAI timeline as TimelineJS JSON (first slide)" \
  "curl -s \"\$B/api/v1/timeline/?entity=xai&date_from=2026&format=timelinejs\" | jq '.events[0]'"
show "... as iCalendar (a month-precision event spans its whole month)" \
  "curl -s \"\$B/api/v1/timeline/?entity=xai&date_from=2026-01&date_to=2026-01&format=ics\" | head -40"
show "... as CSV" \
  "curl -s \"\$B/api/v1/timeline/?entity=xai&date_from=2026-02&date_to=2026-04&format=csv\" | cut -c1-160"
show "Conditional GET: the ETag answers 304 while nothing changed" \
  "E=\$(curl -s -D - -o /dev/null \"\$B/api/v1/entities/xai/\" | grep -i '^etag' | cut -d' ' -f2 | tr -d '\\r'); curl -s -o /dev/null -w '%{http_code}\\n' -H \"If-None-Match: \$E\" \"\$B/api/v1/entities/xai/\""
show "Errors share one format: a bad partial date" \
  "curl -s \"\$B/api/v1/events/?date_from=2026-13\" | jq ."
show "... an unknown entity on the timeline" \
  "curl -s \"\$B/api/v1/timeline/?entity=nobody&format=ics\" | jq ."
show "... writing without an account" \
  "curl -s -i -X POST -H 'Content-Type: application/json' -d '{\"text\": \"x\"}' \"\$B/api/v1/documents/\" | grep -E '^(HTTP|WWW-Authenticate)'; curl -s -X POST -H 'Content-Type: application/json' -d '{\"text\": \"x\"}' \"\$B/api/v1/documents/\" | jq ."
show "... malformed JSON" \
  "curl -s -X POST -H \"Authorization: Token \$TOKEN\" -H 'Content-Type: application/json' -d '{\"text\": ' \"\$B/api/v1/documents/\" | jq ."
show "... a submission that is not a public http(s) URL" \
  "curl -s -X POST -H \"Authorization: Token \$TOKEN\" -H 'Content-Type: application/json' -d '{\"url\": \"file:///etc/passwd\"}' \"\$B/api/v1/documents/\" | jq ."
