# report: renders the HTML report in headless Chromium, on a desktop-wide and on a phone-narrow window, and
# checks that the pictures are really drawn: a PNG of the window's size holding the report's chart colour.
# Skipped, with a note, when Chromium is not installed (.ci/packages installs it).
. "$(dirname "$0")/lib.sh"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "SKIPPED: Chromium is not installed, so the report was not rendered (apt-get install chromium)"
	exit 77
fi
require python3
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
export REBOUND_SEED=1
for i in 1 2 3; do
	printf 'Answer %d\n\n%d %d\n\n' $i $((1 + i)) $((5 - i)) >"$TMP/answers"
	STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --theme clarity --count 1 --think 0 --typed
	expect_status 0
done
run "$REBOUND" reject add --company Initech --role Engineer --date 2026-10-01 --themes structure
expect_status 0
# Sessions on fourteen days in a row as well, after the three on one day: more days than labels fit.
today_was=$TODAY
for n in $(seq 1 14); do
	at "$(python3 -c 'import datetime, sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=int(sys.argv[2])))' "$today_was" "$n")"
	printf 'Answer\n\n3 3\n\n' >"$TMP/answers"
	STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --theme clarity --count 1 --think 0 --typed
done
run "$REBOUND" report --out "$TMP/report.html"
expect_status 0

# No two x-axis labels of a chart touch, on a phone, a laptop and a wide screen: the report with a script
# added (the report itself has none) measures each label's box in Chromium and writes what overlaps.
cat >"$TMP/measure.js" <<'JS'
<script>
window.addEventListener("load", function () {
  var bad = [], labels = 0;
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    var boxes = Array.prototype.map.call(svg.querySelectorAll("text.x-tick"), function (t) {
      labels++;
      return { text: t.textContent, box: t.getBoundingClientRect() };
    });
    for (var i = 0; i + 1 < boxes.length; i++)
      if (boxes[i].box.right > boxes[i + 1].box.left)
        bad.push(svg.id + ": " + boxes[i].text + " / " + boxes[i + 1].text);
  });
  var out = document.createElement("pre");
  out.id = "measured";
  out.textContent = "labels " + labels + "; overlaps " + bad.length + (bad.length ? ": " + bad.join("; ") : "");
  document.body.appendChild(out);
});
</script>
JS
sed 's|</body>|'"$(tr -d '\n' <"$TMP/measure.js" | sed 's/[&|]/\\&/g')"'</body>|' "$TMP/report.html" >"$TMP/measured.html"
for width in 360 800 1400; do
	timeout 90 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$TMP/chromium" --window-size=$width,3000 \
		--virtual-time-budget=5000 --dump-dom "file://$TMP/measured.html" 2>/dev/null >"$TMP/dom.html"
	measured=$(sed -n 's|.*<pre id="measured">\([^<]*\)</pre>.*|\1|p' "$TMP/dom.html")
	echo "$width px: $measured"
	expect_true '[ -n "$measured" ] && printf %s "$measured" | grep -q "; overlaps 0$"'
	expect_true '! printf %s "$measured" | grep -q "^labels 0;"'
done

# png.py FILE WIDTH HEIGHT: checks the size and that the series colour (#2f6fb3) is drawn somewhere.
cat >"$TMP/png.py" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
width, height, depth, colour = ihdr[:4]
assert (width, height) == (int(sys.argv[2]), int(sys.argv[3])), "size %dx%d" % (width, height)
assert depth == 8 and colour in (2, 6), "colour type %d depth %d" % (colour, depth)
bpp = 3 if colour == 2 else 4
raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
blue = sum(1 for row in rows for x in range(0, stride, bpp) if tuple(row[x:x + 3]) == (0x2f, 0x6f, 0xb3))
colours = len({row[x:x + 3] for row in rows[::7] for x in range(0, stride, bpp * 7)})
assert blue >= 50, "only %d pixels of the chart colour" % blue
assert colours >= 8, "only %d colours: a blank page?" % colours
print("%dx%d, %d pixels of the chart colour, %d colours sampled" % (width, height, blue, colours))
PY
for size in 1024,2400 380,2400; do
	rm -f "$TMP/shot.png"
	timeout 90 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$TMP/chromium" \
		--window-size=$size --screenshot="$TMP/shot.png" "file://$TMP/report.html" >/dev/null 2>&1
	run python3 "$TMP/png.py" "$TMP/shot.png" ${size%,*} ${size#*,}
	expect_status 0
	echo "$size: $out$err"
done
finish
