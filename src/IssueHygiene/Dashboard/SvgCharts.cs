using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace IssueHygiene.Dashboard;

/// <summary>
/// Server-rendered SVG charts: no script, no library, nothing fetched, so the page works offline and behind any proxy.
/// Every mark carries a <c>&lt;title&gt;</c> (the browser's own tooltip) and every text is HTML-encoded.
/// </summary>
public static class SvgCharts
{
    private static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b", "#17becf", "#bcbd22"];

    public static string ColorOf(int index) => Palette[index % Palette.Length];

    /// <summary>Findings over time: one column per run, stacked by series (or one line per series when not stacked).</summary>
    /// <param name="id">The element id.</param>
    /// <param name="columns">Column labels (run dates), oldest first.</param>
    /// <param name="series">Series names (rules), in legend order.</param>
    /// <param name="values">values[column][series].</param>
    /// <param name="stacked">Stack the series, else draw lines.</param>
    public static string Trend(string id, IReadOnlyList<string> columns, IReadOnlyList<string> series, int[][] values, bool stacked)
    {
        const int width = 760, height = 280, left = 48, right = 12, top = 12, bottom = 44;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = Math.Max(1, columns.Count == 0 ? 0 : stacked
            ? values.Max(v => v.Sum())
            : values.Max(v => v.DefaultIfEmpty(0).Max()));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>Findings per run{(stacked ? ", stacked by rule" : ", one line per rule")}</title>");
        Axis(svg, left, top, plotWidth, plotHeight, max);
        if (columns.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotWidth / 2}\" y=\"{top + plotHeight / 2}\" text-anchor=\"middle\" class=\"empty\">No runs yet</text></svg>");
            return svg.ToString();
        }

        var step = (double)plotWidth / columns.Count;
        var barWidth = Math.Max(2, Math.Min(48, step * 0.7));
        double Y(double value) => top + plotHeight - (value / max * plotHeight);
        for (var c = 0; c < columns.Count; c++)
        {
            var x = left + step * c + (step - barWidth) / 2;
            if (stacked)
            {
                double baseline = 0;
                for (var s = 0; s < series.Count; s++)
                {
                    var value = values[c][s];
                    if (value == 0)
                    {
                        continue;
                    }

                    var y = Y(baseline + value);
                    var h = Y(baseline) - y;
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect class=\"bar\" data-count=\"{value}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{Math.Max(1, h):0.#}\" fill=\"{ColorOf(s)}\"><title>{HtmlEncode(series[s])}: {value} ({HtmlEncode(columns[c])})</title></rect>");
                    baseline += value;
                }
            }

            if (columns.Count <= 16 || c % (int)Math.Ceiling(columns.Count / 16.0) == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{left + step * c + step / 2:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{HtmlEncode(columns[c])}</text>");
            }
        }

        if (!stacked)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var points = string.Join(' ', Enumerable.Range(0, columns.Count).Select(c =>
                    string.Create(CultureInfo.InvariantCulture, $"{left + step * c + step / 2:0.#},{Y(values[c][s]):0.#}")));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line\" fill=\"none\" stroke=\"{ColorOf(s)}\" stroke-width=\"2\" points=\"{points}\"><title>{HtmlEncode(series[s])}</title></polyline>");
                for (var c = 0; c < columns.Count; c++)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<circle class=\"bar\" data-count=\"{values[c][s]}\" cx=\"{left + step * c + step / 2:0.#}\" cy=\"{Y(values[c][s]):0.#}\" r=\"3\" fill=\"{ColorOf(s)}\"><title>{HtmlEncode(series[s])}: {values[c][s]} ({HtmlEncode(columns[c])})</title></circle>");
                }
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A horizontal bar per row, each bar a link (to the issues it counts).</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, int Value, string Href)> rows)
    {
        const int width = 760, rowHeight = 22, left = 180, right = 60;
        var height = Math.Max(1, rows.Count) * rowHeight + 8;
        var max = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => r.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{HtmlEncode(title)}</title>");
        if (rows.Count == 0)
        {
            svg.Append("<text x=\"8\" y=\"18\" class=\"empty\">No current findings</text></svg>");
            return svg.ToString();
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, href) = rows[i];
            var y = 4 + i * rowHeight;
            var w = Math.Max(2, (double)value / max * (width - left - right));
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{HtmlEncode(href)}\">")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{left - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{HtmlEncode(Shorten(label))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-count=\"{value}\" x=\"{left}\" y=\"{y + 2}\" width=\"{w:0.#}\" height=\"{rowHeight - 6}\" fill=\"{ColorOf(0)}\"><title>{HtmlEncode(label)}: {value}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{left + w + 6:0.#}\" y=\"{y + 15}\">{value}</text></a>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Axis(StringBuilder svg, int left, int top, int plotWidth, int plotHeight, int max)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\"/>");
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = top + plotHeight - fraction * plotHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Math.Round(max * fraction)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotWidth}\" y2=\"{y:0.#}\"/>");
        }
    }

    private static string Shorten(string label) => label.Length <= 28 ? label : label[..27] + "…";
}
