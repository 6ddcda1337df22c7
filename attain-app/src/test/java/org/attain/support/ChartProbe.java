package org.attain.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Reads a drawn chart the way ECharts holds it (issue 21.4, honest charts): its option through
 * {@code echarts.getInstanceByDom(el).getOption()}, and the text it drew on the canvas with where it drew it, so a
 * test can assert a target line, one currency per axis, a legend that fits and the table view's numbers.
 */
public final class ChartProbe {

    private static final String READ = """
            var el = document.querySelector(arguments[0]);
            var chart = el && window.echarts && echarts.getInstanceByDom(el);
            if (!chart) { return null; }
            var o = chart.getOption();
            var zr = chart.getZr(), w = zr.getWidth(), h = zr.getHeight(), outside = [], boxes = [];
            zr.storage.getDisplayList().forEach(function (d) {
              if (d.type !== 'tspan' || d.ignore || d.invisible || !d.style || !d.style.text) { return; }
              if (d.__clipPaths && d.__clipPaths.length) { return; }
              // Rotated axis labels: zrender's boxes of rotated text do not say where it is drawn (the
              // screenshots show them inside); they are kept from overlapping by echarts' hideOverlap.
              if (d.rotation || (d.parent && d.parent.rotation)) { return; }
              var r = d.getBoundingRect().clone();
              // the global transform: a rotated axis label sits in a group whose own offset d.transform lacks
              var t = d.getComputedTransform ? d.getComputedTransform() : d.transform;
              if (t) { r.applyTransform(t); }
              if (r.x < -1 || r.y < -1 || r.x + r.width > w + 1 || r.y + r.height > h + 1) { outside.push(d.style.text); }
            });
            return JSON.stringify({
              series: (o.series || []).map(function (s) {
                return {name: s.name == null ? '' : String(s.name), type: s.type, data: (s.data || []).map(function (v) {
                  return v != null && typeof v === 'object' ? v.value : v; }),
                  marks: ((s.markLine && s.markLine.data) || []).map(function (m) { return m.yAxis; })};
              }),
              categories: (o.xAxis && o.xAxis[0] && o.xAxis[0].data) || [],
              yAxes: (o.yAxis || []).map(function (a) { return a.name || ''; }),
              legends: (o.legend || []).map(function (l) { return {type: l.type || 'plain', show: l.show !== false}; }),
              outside: outside
            });
            """;

    private final JsonNode option;

    private ChartProbe(JsonNode option) {
        this.option = option;
    }

    /** The chart drawn in the element the selector finds (waits up to 10 s for it to be drawn). */
    public static ChartProbe of(Browser browser, String selector) {
        Object json = new org.openqa.selenium.support.ui.FluentWait<>(browser.driver())
                .withTimeout(java.time.Duration.ofSeconds(10))
                .pollingEvery(java.time.Duration.ofMillis(100))
                .until(d -> ((JavascriptExecutor) d).executeScript(READ, selector));
        return new ChartProbe(Json.parse((String) json));
    }

    public JsonNode option() {
        return option;
    }

    /** Every value a series marks with a line (the target lines). */
    public List<BigDecimal> targetLines() {
        List<BigDecimal> marks = new ArrayList<>();
        option.get("series").forEach(s -> s.get("marks").forEach(m -> marks.add(m.decimalValue())));
        return marks;
    }

    public List<String> axisNames() {
        List<String> names = new ArrayList<>();
        option.get("yAxes").forEach(a -> names.add(a.asString()));
        return names;
    }

    public List<String> categories() {
        List<String> c = new ArrayList<>();
        option.get("categories").forEach(a -> c.add(a.asString()));
        return c;
    }

    public List<String> seriesNames() {
        List<String> c = new ArrayList<>();
        option.get("series").forEach(s -> c.add(s.get("name").asString()));
        return c;
    }

    /** The value series (line or bar with data), in order. */
    public List<List<BigDecimal>> data() {
        List<List<BigDecimal>> all = new ArrayList<>();
        option.get("series").forEach(s -> {
            List<BigDecimal> values = new ArrayList<>();
            s.get("data").forEach(v -> values.add(v.isNull() ? null : new BigDecimal(v.asString())));
            all.add(values);
        });
        return all;
    }

    /** Asserts no text drawn on the canvas reaches past its edges (a cut-off legend or label) and every shown legend scrolls. */
    public ChartProbe assertFits() {
        assertThat(option.get("outside"))
                .as("text drawn past the chart's edges")
                .isEmpty();
        option.get("legends").forEach(l -> {
            if (l.get("show").asBoolean()) {
                assertThat(l.get("type").asString())
                        .as("a shown legend pages instead of being cut off")
                        .isEqualTo("scroll");
            }
        });
        return this;
    }

    /** Asserts every axis names one currency at most: never two of the codes on one axis. */
    public ChartProbe assertOneCurrencyPerAxis(String... codes) {
        for (String axis : axisNames()) {
            long named = java.util.Arrays.stream(codes).filter(axis::contains).count();
            assertThat(named).as("currencies named on axis '%s'", axis).isLessThanOrEqualTo(1);
        }
        return this;
    }

    /**
     * The table view below the chart (its {@code details[data-test=chart-table]}): the row headings and the numbers of
     * every cell, read in the page's locale.
     */
    public static List<List<BigDecimal>> tableNumbers(WebElement details, Locale locale) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        List<List<BigDecimal>> rows = new ArrayList<>();
        for (WebElement tr : details.findElements(By.cssSelector("tbody tr"))) {
            List<BigDecimal> row = new ArrayList<>();
            for (WebElement td : tr.findElements(By.tagName("td"))) {
                String t = td.getAttribute("textContent")
                        .replace("%", "")
                        .replace('\u00a0', ' ')
                        .strip();
                try {
                    row.add(t.equals("–") ? null : new BigDecimal(nf.parse(t).toString()));
                } catch (ParseException e) {
                    throw new AssertionError("not a number in the table view: " + t, e);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    public static List<String> tableRowHeadings(WebElement details) {
        return details.findElements(By.cssSelector("tbody th")).stream()
                .map(th -> th.getAttribute("textContent").strip())
                .toList();
    }
}
