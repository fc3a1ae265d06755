/* rebound-bench, render part: how long headless Chromium takes to draw the report of the whole history,
 * from the start of navigation to the load event (the browser's own start-up is not counted). A copy of
 * the report gets a script (the report has none) that writes the figure into the page, which Chromium's
 * --dump-dom prints. */
#include "bench.h"

#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MEASURE "<script>window.addEventListener('load',function(){setTimeout(function(){var t=performance." \
		"timing,p=document.createElement('pre');p.id='render-ms';p.textContent=t.loadEventEnd-t.navigationStart;" \
		"document.body.appendChild(p);},0);});</script></body>"

static const char *find_browser(void)
{
	static const char *const names[] = { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (access(names[i], X_OK) == 0)
			return names[i];
	return NULL;
}

/* The report with the measuring script before </body>; 0 or -1. */
static int write_measured(const char *from, const char *to)
{
	size_t len;
	char *cause = NULL, *html = util_read_file(from, 64u * 1024 * 1024, &len, NULL, &cause), *end;
	FILE *out;

	if (html == NULL || (end = strstr(html, "</body>")) == NULL || (out = fopen(to, "w")) == NULL) {
		free(cause);
		free(html);
		return -1;
	}
	fwrite(html, 1, (size_t)(end - html), out);
	fputs(MEASURE, out);
	fputs(end + strlen("</body>"), out);
	fclose(out);
	free(html);
	return 0;
}

void bench_render(const char *dir, const char *report_path)
{
	const char *browser = find_browser();
	char *page = xasprintf("%s/measured.html", dir), *command, line[4096];
	double ms = -1;
	FILE *dom;

	if (browser == NULL || write_measured(report_path, page) != 0) {
		printf("  (drawing it in a browser: skipped, %s)\n", browser ? "the report could not be read" :
		       "Chromium is not installed");
		free(page);
		return;
	}
	command = xasprintf("timeout 120 '%s' --headless --no-sandbox --disable-gpu --no-first-run "
			    "--disable-background-networking --disable-component-update --disable-sync "
			    "--user-data-dir='%s/chromium' --window-size=1024,2000 --virtual-time-budget=10000 --dump-dom "
			    "'file://%s' 2>/dev/null", browser, dir, page);
	if ((dom = popen(command, "r")) != NULL) {
		while (fgets(line, sizeof line, dom) != NULL) {
			char *at = strstr(line, "<pre id=\"render-ms\">");
			if (at != NULL)
				ms = atof(at + strlen("<pre id=\"render-ms\">"));
		}
		pclose(dom);
	}
	if (ms >= 0)
		bench_row("  drawn by headless Chromium (navigation to load)", ms, "ms", "< 1000 ms", ms < 1000);
	else
		printf("  (drawing it in a browser: Chromium printed no figure)\n");
	free(command);
	free(page);
}
