# The rejection log through stdin and flags, theme suggestions, insights naming the recurring theme,
# a drill that asks only questions training it, the schedule moving them out as rated (and back when
# re-rated or discarded), the growth plan and the reply templates.
. "$(dirname "$0")/lib.sh"
today=$TODAY
yesterday=$(day -1)
tomorrow=$(day 1)
in2=$(day 2)
in8=$(day 8)
acme_day=$(day -12)	# Acme's rejection, 12 days before today
plan_due=$(day 9)

# --- Two rejections asked field by field through stdin --------------------------------------------
# Company, role, the field (asked the first time only: Enter keeps the banks the role suggests), date,
# stage, interviewer, feedback lines ended by an empty line, the themes (Enter keeps the suggestion),
# then went-well and do-better on the stage reached, whether to reflect on the earlier ones (y), and
# went-well and do-better on each of them.
cat >"$TMP/acme" <<EOF_ACME
Acme
Backend engineer

$acme_day
onsite
Dana Reyes
Your answers lacked concrete examples.
You also rambled a bit on the design question.


Good rapport
Shorter stories
y
Clear CV
Tailor the summary
-
More numbers
Solved the exercise

EOF_ACME
STDIN="$TMP/acme" run "$REBOUND" reject add
expect_status 0
expect_out_has "Themes the feedback suggests:
  examples           \"lacked concrete examples\" (phrase: lacked examples)
  structure          \"rambled\""
expect_out_has "A short reflection on the stage you reached (Enter skips, - clears):
Onsite or panel: what went well?
Onsite or panel: what would you do better?
Reflect on the earlier stages too (Application and CV screen, Phone screen, Technical interview)? [y/N]
Application and CV screen: what went well?"
expect_out_has "Technical interview: what would you do better?
Logged rejection 1: Acme, Backend engineer (onsite, $acme_day).
Themes: examples, structure."
expect_db "SELECT company, role, rejected_on, stage_reached, interviewer FROM rejection" "Acme|Backend engineer|$acme_day|onsite|Dana Reyes"
expect_db "SELECT feedback FROM rejection" "Your answers lacked concrete examples.
You also rambled a bit on the design question."
expect_db "SELECT stage_id, ifnull(went_well, \"-\"), ifnull(do_better, \"-\") FROM reflection ORDER BY stage_id" "application|Clear CV|Tailor the summary
onsite|Good rapport|Shorter stories
phone-screen|-|More numbers
technical|Solved the exercise|-"
# The field was suggested from the role and kept as drill.banks.
expect_out_has "Your field: the banks drills ask from ('all' for every bank) [software-engineering,behavioural,closing]:"
expect_out_has "Drills ask from software-engineering,behavioural,closing (drill.banks;"
expect_true 'grep -q "banks: \"software-engineering,behavioural,closing\"" "$HOME/.config/rebound/config.yaml"'
# Every question of the field that trains examples or structure is in the schedule, due today and new.
trains="SELECT DISTINCT question_id FROM question_theme WHERE theme_id IN ('examples', 'structure') AND question_id IN (SELECT id FROM question WHERE retired = 0 AND bank IN ('software-engineering', 'behavioural', 'closing'))"
expect_true '[ "$(db "SELECT COUNT(*) FROM review")" = "$(db "SELECT COUNT(*) FROM ($trains)")" ]'
expect_db "SELECT DISTINCT due_on || \"|\" || added_on || \"|\" || reviews FROM review" "$today|$today|0"
expect_out_has "$(db "SELECT COUNT(*) FROM review") questions that train them are in the drill schedule"

# Praise is not a weakness; "no examples given" is; +id adds a theme to the suggestion.
printf 'Globex\nData analyst\nyesterday\nphone-screen\n\nCommunication was great, but no examples given.\nWe wanted to hear why this role.\n\n+confidence\n\nSlow down\nyes\nResearched them\n\n' >"$TMP/globex"
STDIN="$TMP/globex" run "$REBOUND" reject add
expect_status 0
expect_out_has "Themes the feedback suggests:
  examples           \"no examples\" (phrase: lacked examples)
  fit                \"why this role\""
expect_out_has "Logged rejection 2: Globex, Data analyst (phone-screen, $yesterday).
Themes: examples, fit, confidence."
expect_db "SELECT theme_id, ifnull(reason, \"-\") FROM rejection_theme WHERE rejection_id = 2 ORDER BY theme_id" "confidence|-
examples|\"no examples\" (phrase: lacked examples)
fit|\"why this role\""

run "$REBOUND" reject list
expect_out "   2  $yesterday  phone-screen  Globex, Data analyst  [examples, confidence, fit]
   1  $acme_day  onsite        Acme, Backend engineer  [structure, examples]"
run "$REBOUND" reject show 2
expect_out "Rejection 2: Globex, Data analyst
  Date:          $yesterday
  Stage reached: Phone screen
  Interviewer:   -
  Feedback:
    > Communication was great, but no examples given.
    > We wanted to hear why this role.
  Themes:
    examples           \"no examples\" (phrase: lacked examples)
    confidence         (added by you)
    fit                \"why this role\"
  Reflection:
    Application and CV screen
      went well:  Researched them
    Phone screen
      do better:  Slow down"

# --- Insights name the recurring theme first, with the evidence ------------------------------------
run "$REBOUND" insights
expect_status 0
expect_out "Work on these themes:
  1. examples: Concrete and measurable examples
     cited by 2 of 2 rejections: Globex ($yesterday, phone-screen), Acme ($acme_day, onsite)
     no rating in the last 30 days
  2. confidence: Confidence and composure
     cited by 1 of 2 rejections: Globex ($yesterday, phone-screen)
     no rating in the last 30 days
  3. fit: Fit with the role and motivation
     cited by 1 of 2 rejections: Globex ($yesterday, phone-screen)
     no rating in the last 30 days
Rejections by the stage reached: phone-screen 1, onsite 1.
Next: 'drill --theme examples' practises the first; 'plan add' turns them into actions."

# --- A drill on the recurring theme ----------------------------------------------------------------
due_before=$(db "SELECT COUNT(*) FROM review")
run "$REBOUND" due
# Within the daily limits: 8 new questions a day (drill.new_per_day), the rest wait.
expect_out_has "Today: 0 reviews and 8 new ($((due_before - 8)) waiting); 'drill' asks them in this order:"
run "$REBOUND" due --theme examples
listed=$(printf '%s\n' "$out" | sed -n '2,3p' | awk '{print $1}')
# No think time, no follow-ups: per question an answer, an empty line, scores (extras are ignored), a note.
printf 'I cut the build time by 40%%.\n\n5 5 5 5\n\nWe shipped it.\n\n2 2 2 2\n\n' >"$TMP/drill"
STDIN="$TMP/drill" run "$REBOUND" drill --theme examples --count 2 --think 0 --no-follow-ups
expect_status 0
expect_out_has "Session 1: 2 questions."
expect_db "SELECT kind, status, theme FROM session" "drill|finished|examples"
# Both questions asked train examples, and are the first two 'due' listed.
expect_db "SELECT COUNT(*) FROM answer a JOIN question_theme t ON t.question_id = a.question_id AND t.theme_id = \"examples\"" 2
first=$(db "SELECT question_id FROM answer WHERE id = 1")
second=$(db "SELECT question_id FROM answer WHERE id = 2")
expect_true '[ "$listed" = "$first
$second" ]'
expect_out_has "Next reviews:
  $(printf '%-36s' "$first") $in8 (in 8 days)
  $(printf '%-36s' "$second") $tomorrow (in 1 day)"
# The schedule (FSRS) moved them out: a 5 on a new question is Easy and waits 8 days, a 2 is Again
# and comes back tomorrow.
expect_db "SELECT due_on, CAST(interval_days AS INTEGER), streak, reviews FROM review WHERE question_id = \"$first\"" "$in8|8|1|1"
expect_db "SELECT due_on, CAST(interval_days AS INTEGER), streak, lapses FROM review WHERE question_id = \"$second\"" "$tomorrow|1|0|0"
run "$REBOUND" due --all
expect_out_has "Today: 0 reviews and 6 new ($((due_before - 8)) waiting); 'drill' asks them in this order:"
expect_out_has "Done today: 0 reviews and 2 new."
case "$out" in *"  $first "*|*"  $second "*) fail "a drilled question is still due today" ;; *) pass ;; esac
expect_out_has "Coming up:
  $tomorrow  1  $second
  $in8  1  $first"
# Re-rating folds the schedule again: the 2 becomes a 4, Good: in 2 days, one in a row.
printf '4 4 4 4\n\n' >"$TMP/rerate"
STDIN="$TMP/rerate" run "$REBOUND" rate 2
expect_status 0
expect_db "SELECT due_on, streak, last_reviewed_at IS NOT NULL FROM review WHERE question_id = \"$second\"" "$in2|1|1"

# A new drill does not ask them again today. Stopped after its first answer, it stays open; discarding
# it takes that answer's rating out of the schedule: the question is new and due today again.
printf 'x\n\n1 1 1 1\n\n' >"$TMP/drill2"
STDIN="$TMP/drill2" run "$REBOUND" drill --theme examples --count 2 --think 0 --no-follow-ups
expect_status 1
third=$(db "SELECT question_id FROM answer WHERE id = 3")
expect_true '[ "$third" != "$first" ] && [ "$third" != "$second" ]'
expect_db "SELECT due_on, streak FROM review WHERE question_id = \"$third\"" "$tomorrow|0"
run "$REBOUND" discard 2
expect_status 0
expect_db "SELECT due_on || \"|\" || streak || \"|\" || ifnull(last_reviewed_at, \"-\") FROM review WHERE question_id = \"$third\"" "$today|0|-"

# --- The growth plan ------------------------------------------------------------------------------
# The drill's ratings now count against the themes its questions train (examples, structure and clarity):
# fit (cited yesterday, never rated) passes structure (cited 12 days ago, and rated).
run "$REBOUND" plan
expect_out_has "The plan is empty.
'examples' is a theme to work on ('insights') with no open action: 'plan add --theme examples' adds a suggested one."
# 'plan add' shows what it would add and asks; no adds nothing, yes adds them in insights' order.
run "$REBOUND" plan add
expect_status 0
expect_out_has "For the themes 'insights' names, in its order:
  examples           For each story in your bank"
expect_out_has "  fit                Write down three reasons"
expect_out_has "Add these actions? [y/N]
Nothing added ('plan add --theme T TEXT' adds your own)."
expect_db "SELECT COUNT(*) FROM plan_action" 0
printf 'y\n' >"$TMP/yes"
STDIN="$TMP/yes" run "$REBOUND" plan add
expect_status 0
expect_out_has "Add these actions? [y/N]
Added action 1 for examples:"
expect_db "SELECT group_concat(theme_id) FROM (SELECT theme_id FROM plan_action ORDER BY id)" "examples,confidence,fit"
run "$REBOUND" plan rm 1
run "$REBOUND" plan rm 2
run "$REBOUND" plan rm 3
expect_db "SELECT COUNT(*) FROM plan_action" 0	# ids start again at 1
run "$REBOUND" plan add --yes
expect_status 0
expect_out "Added action 1 for examples: For each story in your bank, write down at least one number (percentage, hours saved, revenue, team size or deadline).
Added action 2 for confidence: Practise a set phrase for thinking time, such as \"Let me take a moment to pick the best example\".
Added action 3 for fit: Write down three reasons you want this specific role that would not apply to a competitor's."
run "$REBOUND" plan add --theme examples --due $plan_due
expect_out "Added action 4 for examples: Replace every \"we usually\" in your practice answers with \"one time, in March, I\". (due $plan_due)"
run "$REBOUND" plan add --theme clarity Record one answer a day
expect_out "Added action 5 for clarity: Record one answer a day"
run "$REBOUND" plan start 1
expect_out "Action 1 is doing."
run "$REBOUND" plan done 2
expect_out "Action 2 is done."
run "$REBOUND" plan rm 3
expect_out "Removed action 3."
expect_db "SELECT id, status, done_at IS NOT NULL, ifnull(due_on, \"-\"), ifnull(rejection_id, 0) FROM plan_action" "1|doing|0|-|2
2|done|1|-|2
4|todo|0|$plan_due|2
5|todo|0|-|0"
run "$REBOUND" plan
expect_out_has "Growth plan: 2 to do, 1 doing, 1 done.
examples: Concrete and measurable examples
     1  doing  For each story"
expect_out_has "     4  todo   Replace every \"we usually\" in your practice answers with \"one time, in March, I\". (due $plan_due)
confidence: Confidence and composure
     2  done   Practise a set phrase"
expect_out_has "     2  done   Practise a set phrase for thinking time, such as \"Let me take a moment to pick the best example\".
clarity: Clarity and concision
     5  todo   Record one answer a day"	# insights' themes first, in its order, then the rest
expect_out_has "'confidence' is a theme to work on ('insights') with no open action: 'plan add --theme confidence' adds a suggested one.
'fit' is a theme to work on ('insights') with no open action"
run "$REBOUND" plan done 99
expect_status 1
expect_err "rebound: plan done: no action 99 (see 'plan')"
run "$REBOUND" plan add Something
expect_status 2
expect_err "rebound: plan add: say which theme the action is for: --theme T"
run "$REBOUND" plan add --theme clarity --due soon x
expect_status 2
expect_err "rebound: plan add: --due takes YYYY-MM-DD, today, tomorrow or +N, not 'soon'"

# --- A drill on a theme with fewer questions due than asked for: its other questions join -----------
due_rapport=$(db "SELECT COUNT(*) FROM review JOIN question_theme t USING (question_id) WHERE t.theme_id = 'rapport' AND due_on <= '$today'")
: >"$TMP/drill3"
for i in $(seq 0 "$due_rapport"); do printf 'x\n\n3 3 3 3\n\n' >>"$TMP/drill3"; done
STDIN="$TMP/drill3" run "$REBOUND" drill --theme rapport --count $((due_rapport + 1)) --think 0 --no-follow-ups
expect_status 0
expect_out_has "1 question of rapport joined the drill schedule."
expect_db "SELECT COUNT(*) FROM review WHERE added_on = \"$today\" AND due_on = \"$tomorrow\" AND question_id IN (SELECT question_id FROM answer) AND question_id IN (SELECT question_id FROM question_theme WHERE theme_id = \"rapport\")" "$((due_rapport + 1))"
# With nothing due, drill says when the next question comes.
db "UPDATE review SET due_on = '2099-01-01'"
run "$REBOUND" drill
expect_status 0
expect_out_has "Nothing is due today; the next question comes due on 2099-01-01"


# --- Reply templates -------------------------------------------------------------------------------
run "$REBOUND" template thank-you 1 --from "Sam Lee"
expect_status 0
expect_out_has "Subject: Thank you for the Backend engineer interviews

Dear Dana Reyes,"
expect_out_has "I remain very interested in Acme."
expect_out_has "Kind regards,
Sam Lee"
run "$REBOUND" template feedback-request 2
expect_out_has "Dear hiring team,"
expect_out_has "the Data analyst role at Globex"
# The user's own copy wins, and a broken one is reported where it breaks.
mkdir -p "$REBOUND_HOME/templates"
printf 'Hi {interviewer|there}, about {role} at {company}.\n' >"$REBOUND_HOME/templates/thank-you.txt"
run "$REBOUND" template thank-you 1
expect_out "Hi Dana Reyes, about Backend engineer at Acme."
printf 'Hello\n  {company} {salary}\n' >"$REBOUND_HOME/templates/thank-you.txt"
run "$REBOUND" template thank-you 1
expect_status 1
expect_err_has "templates/thank-you.txt:2:13: unknown field 'salary'"
run "$REBOUND" template thank-you 9
expect_status 1
expect_err "rebound: template thank-you: no rejection 9 (see 'reject list')"

# --- Flags, edits, removal and bad input -----------------------------------------------------------
run "$REBOUND" reject add --company Initech --role "QA lead" --stage final --feedback "Your answers were long-winded." --well "Good questions" --better "Be brief"
expect_status 0
expect_out_has "Themes the feedback suggests:
  clarity            \"long-winded\""
expect_out_has "Logged rejection 3: Initech, QA lead (final, $today)."
expect_db "SELECT stage_id, went_well, do_better FROM reflection WHERE rejection_id = 3" "final|Good questions|Be brief"
run "$REBOUND" reject edit 3 --role "QA manager" --themes clarity,structure
expect_out_has "Saved rejection 3: Initech, QA manager (final, $today).
Themes: clarity, structure."
expect_db "SELECT theme_id, ifnull(reason, \"-\") FROM rejection_theme WHERE rejection_id = 3 ORDER BY theme_id" "clarity|\"long-winded\"
structure|-"
# An edit through stdin: Enter keeps each value; - clears the interviewer.
printf '\n\n\n\n-\n\n\n\n\n\n\n\n\n\n\n\n\n' >"$TMP/edit"
STDIN="$TMP/edit" run "$REBOUND" reject edit 1
expect_status 0
expect_db "SELECT company, role, rejected_on, stage_reached, ifnull(interviewer, \"-\"), length(feedback) > 0 FROM rejection WHERE id = 1" "Acme|Backend engineer|$acme_day|onsite|-|1"
expect_db "SELECT COUNT(*) FROM reflection WHERE rejection_id = 1" 4
# What Enter keeps is shown; one Enter skips the earlier stages' reflections and keeps them.
expect_out_has "Now:
  > Your answers lacked concrete examples.
  > You also rambled a bit on the design question.
Their feedback, in their words as far as you can (Enter keeps it, - clears it; an empty line ends it):"
expect_out_has "Onsite or panel: what would you do better? [Shorter stories]
Reflect on the earlier stages too (Application and CV screen, Phone screen, Technical interview; 3 with notes, which No keeps)? [y/N]
Saved rejection 1"
expect_true '! printf %s "$out" | grep -q "Application and CV screen: what went well"'
expect_db "SELECT stage_id, ifnull(went_well, \"-\"), ifnull(do_better, \"-\") FROM reflection WHERE rejection_id = 1 ORDER BY stage_id" "application|Clear CV|Tailor the summary
onsite|Good rapport|Shorter stories
phone-screen|-|More numbers
technical|Solved the exercise|-"

run "$REBOUND" reject add --company X
expect_status 2
expect_err "rebound: reject add: --role is needed with --company"
run "$REBOUND" reject add --company X --role Y --stage onsit
expect_status 1
expect_err "rebound: reject add: --stage: unknown stage 'onsit' (stages: application, phone-screen, technical, onsite, final, or none)"
run "$REBOUND" reject add --company X --role Y --date 2999-01-01
expect_status 1
expect_err "rebound: reject add: --date: '2999-01-01' is in the future"
run "$REBOUND" reject add --company X --role Y --themes examples,tact
expect_status 1
expect_err "rebound: reject add: --themes: unknown theme 'tact' (see 'themes')"
run "$REBOUND" reject add --role Y
expect_status 2
# From a pipe a bad value ends the command and saves nothing.
printf 'X\nY\ntoday\nonsit\n' >"$TMP/bad"
STDIN="$TMP/bad" run "$REBOUND" reject add
expect_status 1
expect_err "rebound: reject add: unknown stage 'onsit' (stages: application, phone-screen, technical, onsite, final, or none)"
printf 'X\nY\n' >"$TMP/short"
STDIN="$TMP/short" run "$REBOUND" reject add
expect_status 1
expect_err "rebound: reject add: the input ended; nothing was saved"
expect_db "SELECT COUNT(*) FROM rejection" 3

echo n >"$TMP/no"
STDIN="$TMP/no" run "$REBOUND" reject rm 2
expect_out "Remove rejection 2 (Globex, Data analyst, $yesterday) with its themes and reflections? [y/N]
Kept rejection 2."
# Removing it takes out of the schedule the questions never drilled that only it called for (those
# training fit or confidence and neither examples, structure nor clarity), and nothing else.
backed="SELECT q.question_id FROM question_theme q JOIN rejection_theme r ON r.theme_id = q.theme_id AND r.rejection_id <> 2"
orphans=$(db "SELECT COUNT(*) FROM review WHERE last_reviewed_at IS NULL AND question_id NOT IN ($backed)")
reviews=$(db "SELECT COUNT(*) FROM review")
expect_true '[ "$orphans" -gt 0 ]'
run "$REBOUND" reject rm 2 --yes
expect_out "Removed rejection 2."
expect_db "SELECT COUNT(*) FROM review" "$((reviews - orphans))"
expect_db "SELECT COUNT(*) FROM review WHERE last_reviewed_at IS NULL AND question_id NOT IN ($backed)" 0
expect_db "SELECT (SELECT COUNT(*) FROM rejection_theme WHERE rejection_id = 2), (SELECT COUNT(*) FROM reflection WHERE rejection_id = 2)" "0|0"
expect_db "SELECT COUNT(*) FROM plan_action WHERE rejection_id IS NULL" 4
run "$REBOUND" reject show 2
expect_status 1
expect_err "rebound: reject show: no rejection 2 (see 'reject list')"
run "$REBOUND" reject show two
expect_status 2
expect_err "rebound: reject show: 'two' is not a rejection id (see 'reject list')"
run "$REBOUND" reject frobnicate
expect_status 2
# Where rejections cluster once one stage leads.
run "$REBOUND" reject add --company Umbrella --role SRE --stage onsite --themes examples
run "$REBOUND" insights
expect_out_has "Rejections cluster at onsite (2 of 3); also final 1."
# An action done can be reopened; template lists where each template is read from.
run "$REBOUND" plan todo 2
expect_out "Action 2 is todo."
expect_db "SELECT status, done_at IS NULL FROM plan_action WHERE id = 2" "todo|1"
run "$REBOUND" template
expect_out "thank-you         $REBOUND_HOME/templates/thank-you.txt
feedback-request  $REBOUND_SOURCE/assets/feedback-request.txt
Copy one to $REBOUND_HOME/templates/ and edit it to make it yours."
expect_db "PRAGMA integrity_check" ok

finish
