# --out through a symbolic link, with two users: in a sticky world-writable folder (like /tmp) a link
# another user planted is refused, as the kernel's fs.protected_symlinks rule refuses it, so the file it
# names is not replaced; our own link there, and any link in a folder of our own, is followed and kept.
# Needs root (to act as a second user); exits 77 elsewhere.
. "$(dirname "$0")/lib.sh"
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1 ||
	{ echo "needs root, setpriv and a user 'nobody'"; exit 77; }
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }

chmod 711 "$TMP"
SHARED="$TMP/shared"
mkdir "$SHARED" && chmod 1777 "$SHARED"
printf 'root file\n' >"$TMP/precious" && chmod 644 "$TMP/precious"
as_nobody ln -s "$TMP/precious" "$SHARED/link"
expect_true "[ \"\$(stat -c %U '$SHARED/link')\" = nobody ]"

run "$REBOUND" banks	# makes the data dir
for command in "report --out" "export --out" "export --anki" "bank export behavioural --out"; do
	run "$REBOUND" $command "$SHARED/link"
	expect_status 3
	expect_err_has "cannot write '$SHARED/link': it leads through '$SHARED/link', a link another user made in a shared folder"
	expect_true "[ \"\$(cat '$TMP/precious')\" = 'root file' ] && [ -L '$SHARED/link' ]"
done

# A chain: our own link, in a folder of ours, to the planted one: each hop is checked, as the kernel does.
mkdir "$TMP/mine-dir"
ln -s "$SHARED/link" "$TMP/mine-dir/latest"
run "$REBOUND" export --out "$TMP/mine-dir/latest"
expect_status 3
expect_err_has "cannot write '$TMP/mine-dir/latest': it leads through '$SHARED/link', a link another user made"
expect_true "[ \"\$(cat '$TMP/precious')\" = 'root file' ]"

# Our own link in the shared folder: followed, the file it names replaced, the link kept.
: >"$TMP/mine"
ln -s "$TMP/mine" "$SHARED/own"
run "$REBOUND" export --out "$SHARED/own"
expect_status 0
expect_true "[ -L '$SHARED/own' ] && grep -q '\"sessions\"' '$TMP/mine'"

# Another user's link in a folder that is not sticky and world-writable: followed, as the kernel does.
mkdir "$TMP/plain" && chown nobody "$TMP/plain"
: >"$TMP/theirs"
as_nobody ln -s "$TMP/theirs" "$TMP/plain/link"
run "$REBOUND" export --out "$TMP/plain/link"
expect_status 0
expect_true "[ -L '$TMP/plain/link' ] && [ -s '$TMP/theirs' ]"
finish
