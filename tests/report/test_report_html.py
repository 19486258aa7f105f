"""`cevns report --out DIR`: the page is written, self-contained, and renders in headless Chromium
with every image loaded and every table filled (skipped only where /usr/bin/chromium is absent)."""
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"

# Appended to a copy of the page: after load, writes what it found into the DOM for --dump-dom.
CHECK_SCRIPT = """<script>
window.addEventListener('load', function () {
  var images = Array.prototype.slice.call(document.images);
  var tables = Array.prototype.slice.call(document.querySelectorAll('table'));
  var problems = [];
  images.forEach(function (img, k) {
    if (!(img.complete && img.naturalWidth > 0)) problems.push('image ' + k + ' (' + img.alt + ') not loaded');
  });
  tables.forEach(function (table, k) {
    var cells = table.querySelectorAll('td');
    if (cells.length === 0) problems.push('table ' + k + ' has no cells');
    cells.forEach(function (cell, j) {
      if (cell.textContent.trim() === '') problems.push('table ' + k + ' cell ' + j + ' is empty');
    });
  });
  var out = document.createElement('pre');
  out.id = 'cevns-check';
  out.textContent = JSON.stringify({images: images.length, widths: images.map(function (i) { return i.naturalWidth; }),
                                    tables: tables.length, problems: problems});
  document.body.appendChild(out);
});
</script>"""


@pytest.fixture(scope="module")
def report(run, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    proc = run("report", "--out", out, "--json", timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, json.loads(proc.stdout)


def test_report_sections(report):
    out, summary = report
    assert Path(summary["index"]) == (out / "index.html").resolve()
    status = {s["id"]: s["status"] for s in summary["sections"]}
    for required in ("sources", "coherency", "cross-sections", "coherent-spectra", "release-fits", "significance",
                     "unfolding", "sin2w", "nsi", "reactor"):
        assert status[required] == "ok", summary
    assert all(s in ("ok", "not available") for s in status.values()), summary
    assert not summary["failed"]


def test_report_is_self_contained(report):
    out, _ = report
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page), "the page must not load from the network"
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert len(sources) >= 5 and all(s.startswith("data:image/png;base64,") for s in sources)
    for title in ("Neutrino sources", "Coherency", "Cross sections", "CONUS ON/OFF", "Unfolding", "sin²θ_W"):
        assert title in page
    assert (out / "data" / "significance.json").is_file() and (out / "figures" / "sin2w.png").is_file()


def test_report_renders_in_chromium(report, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium; scripts/setup.sh does)")
    out, _ = report
    page = (out / "index.html").read_text(encoding="utf-8")
    checked = out / "check.html"
    checked.write_text(page.replace("</body>", CHECK_SCRIPT + "</body>"), encoding="utf-8")
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", checked.as_uri()],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    match = re.search(r'<pre id="cevns-check">(.*?)</pre>', proc.stdout, re.S)
    assert match, "the check script did not run: " + proc.stdout[-1000:]
    result = json.loads(html.unescape(match.group(1)))
    assert result["images"] >= 5 and all(w > 0 for w in result["widths"]), result
    assert result["tables"] >= 6, result
    assert result["problems"] == [], result


def test_report_without_package(tmp_path, cevns_bin):
    """A copy of the binary with no Python package beside it says so (exit 4), naming where it looked."""
    lonely = tmp_path / "bin" / "cevns"
    lonely.parent.mkdir()
    shutil.copy(cevns_bin, lonely)
    proc = subprocess.run([str(lonely), "report", "--out", str(tmp_path / "r")], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"}, timeout=60)
    assert proc.returncode == 4
    assert "Python package cevns" in proc.stderr and "CEVNS_PYTHONPATH" in proc.stderr
