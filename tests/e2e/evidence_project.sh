# Sourced by the evidence tests (triangulate, export, report): builds a
# coded and reviewed project from the bundled sample study in ./proj, with
# the sample's pseudonym map and a quantitative series. Not a test itself.

SAMPLE="$CASEBOOK_SOURCE_DIR/corpora/sample"
CODEBOOK="$CASEBOOK_SOURCE_DIR/corpora/interdependence/codebook.xml"
PSEUDONYMS="$CASEBOOK_SOURCE_DIR/corpora/sample/pseudonyms.csv"

# Real names that must never reach an export: each occurs in a coded quote.
REAL_NAMES=("Coldharbour" "Fennick" "Marsh Vale" "Margaret Illingworth")

build_evidence_project() {
  run_cb 0 init proj
  cd proj
  run_cb 0 cases import "$SAMPLE/cases.csv"
  run_cb 0 import --manifest "$SAMPLE/manifest.csv"
  run_cb 0 --coder alice codebook load "$CODEBOOK"
  # Press (Doc-5, case A): names two councils and a councillor.
  run_cb 0 --coder alice code Doc-5 --match "Benefits partnership to break up as Fennick follows Coldharbour out" \
    expost --dim strength=strong --dim direction=negative
  run_cb 0 --coder alice code Doc-5 --match "Fennick's leader, Cllr. Margaret Illingworth, told a packed meeting" \
    expost.standardisation --dim direction=negative
  # Every queue in the corpus, as alice saw it: negative, strong.
  run_cb 0 --coder alice code --query 'queu*' expost.queuing --dim direction=negative --dim strength=strong
  # Vetoes and deferrals.
  run_cb 0 --coder alice code --query 'veto' expost.veto --dim direction=negative
  # Scale economies, as counter-evidence of P3a where strong.
  run_cb 0 --coder alice code --query '"economies of scale"' exante.scale --dim strength=strong
  # bob double-codes a little, for agreement in the report.
  run_cb 0 --coder bob code --query 'veto' expost.veto
  run_cb 0 codings --coder alice --json
  local ids
  ids="$(json_get "$OUT" '" ".join(str(c["id"]) for c in d)')"
  # shellcheck disable=SC2086
  run_cb 0 --coder sam review accept $ids
  # One of bob's stays unreviewed: it must be left out of the evidence.
  run_cb 0 codings --coder bob --json
  ids="$(json_get "$OUT" '" ".join(str(c["id"]) for c in d[1:])')"
  # shellcheck disable=SC2086
  run_cb 0 --coder sam review accept $ids
  run_cb 0 pseudonyms import "$PSEUDONYMS"
  python3 - <<'PY' >series.csv
print("case,council,year,metric,value")
for i, case in enumerate("ABCKLM"):
    for year in range(2004, 2020):
        print(f"{case},,{year},cost_per_claim,{60 - i - (year - 2004) * 0.5:.1f}")
PY
  run_cb 0 series import series.csv
}
