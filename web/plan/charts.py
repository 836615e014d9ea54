"""Charts drawn on the server as inline SVG: no JavaScript, no CDN, and readable when printed in black
and white — every bar carries its number as text, and the plan's target is a hatched bar or a dashed
line rather than a colour only."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

WIDTH = 640
BAR = 16
GAP = 10
LABEL_WIDTH = 250
PATTERN = (
    '<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2"/></pattern></defs>'
)


def number(value: float) -> str:
    """Vietnamese decimal comma: 23,08."""
    text = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text.replace(".", ",")


def svg(height: int, title: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {height}"'
        f' width="100%" style="max-width:{WIDTH}px" font-family="sans-serif" font-size="12">'
        f"<title>{escape(title)}</title>"
    )
    return Markup(head + "".join(body) + "</svg>")


def short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def target_chart(rows: list[tuple[str, float | None, float | None]], chart_id: str = "targets") -> Markup:
    """Target (hatched) against actual (solid) in percent, one pair of bars per target with data.

    rows: (label, target percent or None, actual percent or None); a row without an actual shows
    "chưa có số liệu" instead of a bar."""
    scale = (WIDTH - LABEL_WIDTH - 130) / 100  # room for "Thực hiện 100,00%" after a full bar
    body = [PATTERN.format(id=f"{chart_id}-hatch")]
    y = GAP
    for label, target, actual in rows:
        body.append(f'<text x="0" y="{y + BAR}">{escape(short(label))}</text>')
        if target is not None:
            w = max(1.0, target * scale)
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{w:.1f}" height="{BAR - 4}" fill="url(#{chart_id}-hatch)"'
                ' stroke="#000" stroke-width="0.5"/>'
            )
            body.append(f'<text x="{LABEL_WIDTH + w + 4:.1f}" y="{y + BAR - 6}">Chỉ tiêu {number(target)}%</text>')
        if actual is None:
            body.append(f'<text x="{LABEL_WIDTH}" y="{y + 2 * BAR}" font-style="italic">chưa có số liệu</text>')
        else:
            w = max(1.0, actual * scale)
            body.append(f'<rect x="{LABEL_WIDTH}" y="{y + BAR}" width="{w:.1f}" height="{BAR - 2}" fill="#333"/>')
            body.append(f'<text x="{LABEL_WIDTH + w + 4:.1f}" y="{y + 2 * BAR - 4}">Thực hiện {number(actual)}%</text>')
        y += 2 * BAR + GAP
    return svg(y + GAP, "Chỉ tiêu kế hoạch và kết quả thực hiện", body)


def rate_chart(start: float | None, end: float | None, start_label: str, end_label: str) -> Markup:
    """The multidimensional poverty rate at the start of the year and on the end day."""
    peak = max(start or 0, end or 0, 1)
    scale = (WIDTH - LABEL_WIDTH - 80) / peak
    body = [PATTERN.format(id="rate-hatch")]
    y = GAP
    for label, value, fill in ((start_label, start, "url(#rate-hatch)"), (end_label, end, "#333")):
        body.append(f'<text x="0" y="{y + BAR}">{escape(label)}</text>')
        if value is None:
            body.append(f'<text x="{LABEL_WIDTH}" y="{y + BAR}" font-style="italic">chưa có số liệu</text>')
        else:
            w = max(1.0, value * scale)
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{w:.1f}" height="{BAR + 4}" fill="{fill}"'
                ' stroke="#000" stroke-width="0.5"/>'
            )
            body.append(f'<text x="{LABEL_WIDTH + w + 4:.1f}" y="{y + BAR}">{number(value)}%</text>')
        y += BAR + 4 + GAP
    return svg(y + GAP, "Tỷ lệ nghèo đa chiều đầu năm và cuối kỳ", body)


def count_chart(rows: list[tuple[str, int]], title: str) -> Markup:
    """Counts as horizontal bars, e.g. the year's transitions by kind."""
    peak = max([n for _, n in rows] + [1])
    scale = (WIDTH - LABEL_WIDTH - 60) / peak
    body = []
    y = GAP
    for label, count in rows:
        body.append(f'<text x="0" y="{y + BAR - 2}">{escape(short(label))}</text>')
        if count:
            body.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{count * scale:.1f}" height="{BAR}" fill="#555"/>')
        body.append(f'<text x="{LABEL_WIDTH + count * scale + 4:.1f}" y="{y + BAR - 2}">{count}</text>')
        y += BAR + GAP
    return svg(y + GAP, title, body)
