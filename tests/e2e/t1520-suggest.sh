# Theme suggestions by kind: a phrase quoted from the feedback, the classifier's (how sure, the words
# that weighed most, the sentence) where no phrase matches, and the user's own corrections: the themes
# chosen in 'reject add' or changed in 'reject edit' come back for feedback worded nearly the same, and
# are said to. A missing corpus falls back to phrases with a warning.
. "$(dirname "$0")/lib.sh"

# A phrase: quoted, with the phrase it matched.
run "$REBOUND" reject add --company Acme --role Engineer --feedback "Your answers tended to ramble, and it was hard to follow what your specific contribution was."
expect_status 0
expect_out_has '  structure          "ramble" (phrase: rambled)'

# No phrase of any theme, so the classifier: how sure, its words, its sentence.
run "$REBOUND" reject add --company Initech --role Engineer --feedback "The panel wanted evidence of results from your projects."
expect_status 0
expect_true 'printf %s "$out" | grep -Eq "^  examples +the classifier, [0-9]+% sure: .*\"results\".*, in \"The panel wanted evidence of results from your projects\"$"'

# Denied and praised: nothing suggested for the theme denied or praised.
run "$REBOUND" reject add --company Globex --role Engineer --feedback "You weren't nervous at all and your examples were very specific."
expect_out_has "Nothing in the feedback points to a theme."

# The user's own choice: corrected once, suggested the same next time for feedback worded nearly so.
run "$REBOUND" reject add --company Umbrella --role Engineer --themes teamwork,fit \
	--feedback "The hiring manager felt the way you spoke about the previous squad did not sit well with us."
expect_status 0
run "$REBOUND" reject add --company Hooli --role Engineer \
	--feedback "The hiring manager felt the way you spoke about your previous squad didn't sit well with us."
expect_out_has "Themes the feedback suggests:
  fit                your own choice before, for feedback worded like this
  teamwork           your own choice before, for feedback worded like this"
expect_db "SELECT group_concat(theme_id) FROM (SELECT theme_id FROM rejection_theme WHERE rejection_id = 5 ORDER BY theme_id)" "fit,teamwork"
# Changed in 'reject edit': the newest choice wins.
run "$REBOUND" reject edit 5 --themes teamwork
expect_status 0
run "$REBOUND" reject add --company Pied --role Engineer \
	--feedback "The hiring manager felt the way you spoke of your previous squad didn't sit well with us."
expect_out_has "Themes the feedback suggests:
  teamwork           your own choice before, for feedback worded like this
Logged"

# Without the bundled corpus (an installed copy whose share/rebound lacks it): phrases alone, said once.
mkdir -p "$TMP/inst/bin" "$TMP/inst/share/rebound/assets"
cp "$REBOUND" "$TMP/inst/bin/rebound"
cp -r "$REBOUND_SOURCE/questions" "$TMP/inst/share/rebound/"
run "$TMP/inst/bin/rebound" reject add --company Soylent --role Engineer --feedback "You rambled."
expect_status 0
expect_err_has "rebound: warning: themes from phrases alone: cannot open '$TMP/inst/bin/../share/rebound/assets/feedback-corpus.txt'"
expect_out_has '  structure          "rambled"'
finish
