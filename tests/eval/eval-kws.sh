#!/bin/sh
# eval-kws.sh SOURCE_DIR EVAL_KWS [ARGS...]: speaks the generated corpus (tests/data/speech/kws-answers.tsv)
# with espeak-ng into a temporary folder, one 16 kHz WAV per answer, and runs eval-kws on it and on the
# human clips. The tuning banks' answers are spoken by espeak-ng's Klatt voice at 150 words a minute (as
# the end-to-end tests speak), the held-out banks' by another voice (m3) at 165.
set -eu
source_dir=$1 eval_kws=$2
shift 2
answers=$source_dir/tests/data/speech/kws-answers.tsv
for tool in espeak-ng sox; do
	command -v $tool >/dev/null || { echo "$tool is required (see .ci/packages)"; exit 1; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
grep -v '^#' "$answers" | while IFS='	' read -r id question text; do
	[ -n "$id" ] || continue
	bank=$(grep -l -- "- id: $question\$" "$source_dir"/questions/*.yaml | head -1)
	case $(basename "$bank" .yaml) in
	product|sales-and-support|software-engineering) voice=en-us+m3 speed=165 ;;
	*) voice=en-us+klatt speed=150 ;;
	esac
	espeak-ng -v $voice -s $speed -w "$dir/$id.raw.wav" "$text" 2>/dev/null
	sox "$dir/$id.raw.wav" -r 16000 -c 1 -b 16 -e signed "$dir/$id.wav"
	rm "$dir/$id.raw.wav"
done
"$eval_kws" "$source_dir/tests/data/speech/human-clips.tsv" "$answers" "$dir" "$source_dir/questions" "$@"
