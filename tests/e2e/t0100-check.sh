# check: validates files without touching the data dir; exact FILE:LINE:COLUMN errors and exit codes.
. "$(dirname "$0")/lib.sh"
cd "$TMP"

cat >good.yaml <<'YAML'
bank: my-practice
title: My practice questions
questions:
  - id: why-this-team
    text: Why this team?
    themes: [fit, company-knowledge]
    stages: [onsite]
    difficulty: 2
  - id: hardest-bug
    text: Tell me about the hardest bug you fixed.
    themes: [technical-depth, structure]
    stages: [technical]
    difficulty: 3
    hint: ignored
YAML
run "$REBOUND" check good.yaml
expect_status 0
expect_out "good.yaml: ok (bank 'my-practice', 2 questions)"
expect_err "good.yaml:14:5: warning: unknown key 'hint' in question (ignored)"
expect_true '[ ! -e "$REBOUND_HOME" ]'	# check never touches the data dir

cat >bad.yaml <<'YAML'
bank: my-practice
title: My practice questions
questions:
  - id: tell-me-about-yourself
    text: Again?
    themes: [rapor]
    stages: [onsite]
    difficulty: 9
  - id: Bad_Id
    text: x
    themes: [fit]
    stages: [onsit]
    difficulty: 1
YAML
first=$(grep -n "id: tell-me-about-yourself" "$REBOUND_SOURCE/questions/behavioural.yaml" | cut -d: -f1)
run "$REBOUND" check bad.yaml
expect_status 1
expect_out ""
expect_err "bad.yaml:4:9: error: duplicate question id 'tell-me-about-yourself' (first defined at $REBOUND_SOURCE/questions/behavioural.yaml:$first:9)
bad.yaml:6:14: error: unknown theme 'rapor' (did you mean 'rapport'?)
bad.yaml:8:17: error: 'difficulty' must be a whole number from 1 to 5, not '9'
bad.yaml:9:9: error: invalid question id 'Bad_Id': use lowercase letters, digits and dashes (at most 64)
bad.yaml:12:14: error: unknown stage 'onsit' (did you mean 'onsite'?)"

printf 'bank: x\n  title: y\n' >syntax.yaml
run "$REBOUND" check good.yaml syntax.yaml
expect_status 1
expect_out "good.yaml: ok (bank 'my-practice', 2 questions)"
expect_err_has "syntax.yaml:2:8: error: mapping values are not allowed in this context"

run "$REBOUND" check missing.yaml
expect_status 1
expect_err "missing.yaml: error: cannot open 'missing.yaml': No such file or directory"

run "$REBOUND" check
expect_status 2
expect_err "rebound: check: too few arguments
usage: check FILE..."

# The bundled files check clean against themselves.
run "$REBOUND" check "$REBOUND_SOURCE"/questions/*.yaml
expect_status 0
expect_err ""
expect_out_has "themes.yaml: ok (10 themes)"
expect_out_has "behavioural.yaml: ok (bank 'behavioural', "

# A user's themes file adds themes that banks checked with it may use.
cat >themes.yaml <<'YAML'
themes:
  - id: negotiation
    title: Negotiation
    description: Handling salary and offer talks.
    rubric: { 1: Accepts anything., 3: Asks once., 5: Anchors with evidence. }
YAML
sed 's/\[fit, company-knowledge\]/[negotiation]/' good.yaml >uses-theme.yaml
run "$REBOUND" check uses-theme.yaml themes.yaml
expect_status 0
expect_out "themes.yaml: ok (1 themes)
uses-theme.yaml: ok (bank 'my-practice', 2 questions)"
finish
