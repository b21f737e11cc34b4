"""axe-core in the browser tests: the vendored copy (tests/browser/vendor), never fetched."""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """WCAG 2.1 A/AA violations on the current page, as readable one-line strings."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as an inline <script>: public
        # pages send a Content-Security-Policy that blocks inline scripts.
        page.evaluate(AXE_SOURCE)
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }""",
        WCAG_21_AA,
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} at {v['targets']}" for v in violations]
