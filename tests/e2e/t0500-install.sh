# cmake --install puts the binary, banks and assets under a prefix, and the installed binary finds them
# wherever it is run from.
. "$(dirname "$0")/lib.sh"
: "${REBOUND_BUILD:?}"

run cmake --install "$REBOUND_BUILD" --prefix "$TMP/prefix"
expect_status 0
expect_true '[ -x "$TMP/prefix/bin/rebound" ]'
expect_true '[ -f "$TMP/prefix/share/rebound/questions/themes.yaml" ]'
cd /
run "$TMP/prefix/bin/rebound" banks --files
expect_status 0
expect_out_has "$TMP/prefix/bin/../share/rebound/questions/behavioural.yaml"
finish
