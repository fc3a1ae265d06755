# bank export and bank import: a bank goes out byte for byte (bundled or the user's), comes back in
# identical, is checked like any bank against everything loaded (errors, clashing ids, a themes file, a
# name already taken), and is written whole into the data dir's questions/ or not at all.
. "$(dirname "$0")/lib.sh"
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

run "$REBOUND" bank export behavioural
expect_status 0
printf '%s\n' "$out" >"$TMP/behavioural.yaml"
expect_true 'cmp -s "$TMP/behavioural.yaml" "$REBOUND_SOURCE/questions/behavioural.yaml"'
run "$REBOUND" bank export practice --out "$TMP/practice-out.yaml"
expect_status 0
expect_out "Wrote bank 'practice' (3 questions) to $TMP/practice-out.yaml."
expect_true 'cmp -s "$TMP/practice-out.yaml" "$REBOUND_SOURCE/tests/e2e/data/practice.yaml"'
expect_true '[ "$(stat -c %a "$TMP/practice-out.yaml")" = 600 ]'
run "$REBOUND" bank export nope
expect_status 1
expect_err "rebound: bank: no bank 'nope' (see 'banks')"

# A new bank: imported, loaded, and exported again identical.
sed 's/^bank: practice/bank: shared/; s/id: q-/id: shared-/' "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" >"$TMP/shared.yaml"
run "$REBOUND" bank import "$TMP/shared.yaml"
expect_status 0
expect_out "Imported bank 'shared' into $REBOUND_HOME/questions/shared.yaml."
expect_true 'cmp -s "$TMP/shared.yaml" "$REBOUND_HOME/questions/shared.yaml"'
expect_true '[ "$(stat -c %a "$REBOUND_HOME/questions/shared.yaml")" = 600 ]'
run "$REBOUND" questions --bank shared
expect_out_has "shared-one"
run "$REBOUND" bank export shared --out "$TMP/again.yaml"
expect_true 'cmp -s "$TMP/again.yaml" "$TMP/shared.yaml"'

# A name already taken; --replace takes the user's own copy.
run "$REBOUND" bank import "$TMP/shared.yaml"
expect_status 1
expect_err "rebound: bank: you already have a bank named 'shared' ($REBOUND_HOME/questions/shared.yaml); --replace replaces it"
sed 's/First question?/The first question, reworded?/' "$TMP/shared.yaml" >"$TMP/shared2.yaml"
run "$REBOUND" bank import "$TMP/shared2.yaml" --replace
expect_status 0
expect_true 'cmp -s "$TMP/shared2.yaml" "$REBOUND_HOME/questions/shared.yaml"'

# A big bank (every question using the bundled themes) comes in whole.
sed 's/^bank: behavioural/bank: my-behavioural/; s/id: /id: my-/' "$REBOUND_SOURCE/questions/behavioural.yaml" >"$TMP/big.yaml"
run "$REBOUND" bank import "$TMP/big.yaml"
expect_status 0
run "$REBOUND" banks
expect_true 'printf %s "$out" | grep -Eq "^my-behavioural +68 "'
rm "$REBOUND_HOME/questions/my-behavioural.yaml"

# Names that must not be taken: a bundled bank's, 'themes', and a file that holds another bank.
sed 's/id: q-/id: n-/' "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" >"$TMP/named.yaml"
sed 's/^bank: practice/bank: data/' "$TMP/named.yaml" >"$TMP/data.yaml"
run "$REBOUND" bank import "$TMP/data.yaml" --replace
expect_status 1
expect_err "rebound: bank: a bundled bank is named 'data': give yours another name (its 'bank:' key)"
sed 's/^bank: practice/bank: themes/' "$TMP/named.yaml" >"$TMP/themes-bank.yaml"
run "$REBOUND" bank import "$TMP/themes-bank.yaml"
expect_status 1
expect_err "rebound: bank: a bank may not be named 'themes' (the themes file has that name)"
printf '# not a bank yet\n' >"$REBOUND_HOME/questions/other.yaml"
sed 's/^bank: practice/bank: other/' "$TMP/named.yaml" >"$TMP/other.yaml"
run "$REBOUND" bank import "$TMP/other.yaml" --replace
expect_status 1
expect_err_has "rebound: bank: $REBOUND_HOME/questions/other.yaml exists and is not bank 'other': nothing imported"
expect_true '[ "$(cat "$REBOUND_HOME/questions/other.yaml")" = "# not a bank yet" ]'
rm "$REBOUND_HOME/questions/other.yaml"

# Errors: nothing is copied.
printf 'bank: broken\ntitle: Broken\nversion: 1\nquestions:\n  - id: b-one\n    text: Hi?\n    themes: [nope]\n' >"$TMP/broken.yaml"
run "$REBOUND" bank import "$TMP/broken.yaml"
expect_status 1
expect_err_has "$TMP/broken.yaml:7:14: error: unknown theme 'nope'"
expect_err_has "rebound: bank: '$TMP/broken.yaml' has errors: nothing imported"
expect_true '[ ! -e "$REBOUND_HOME/questions/broken.yaml" ]'
# A question id that a bundled bank already has.
sed 's/^bank: practice/bank: clash/; s/id: q-one/id: tell-me-about-yourself/' "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" >"$TMP/clash.yaml"
run "$REBOUND" bank import "$TMP/clash.yaml"
expect_status 1
expect_err_has "tell-me-about-yourself"
expect_true '[ ! -e "$REBOUND_HOME/questions/clash.yaml" ]'
run "$REBOUND" bank import "$REBOUND_SOURCE/questions/themes.yaml"
expect_status 1
expect_err "rebound: bank: '$REBOUND_SOURCE/questions/themes.yaml' is a themes file, not a question bank (your own themes go in $REBOUND_HOME/questions/themes.yaml)"
run "$REBOUND" bank import "$TMP/missing.yaml"
expect_status 1
run "$REBOUND" bank frobnicate x
expect_status 2
expect_err "rebound: bank: unknown subcommand 'frobnicate'
usage: bank export BANK [--out FILE]
   or: bank import FILE [--replace]"
expect_true '[ "$(ls "$REBOUND_HOME/questions" | tr "\n" " ")" = "practice.yaml shared.yaml " ]'
finish
