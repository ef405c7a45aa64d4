package io.mailflow.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DOM of the dashboard as Chromium printed it, read with patterns that fit the page's own,
 * regular markup: elements by id, table body rows, and the body's attributes.
 */
final class RenderedPage {
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern ROW = Pattern.compile("<tr\\b([^>]*)>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td\\b[^>]*>(.*?)</td>", Pattern.DOTALL);

    private final String html;

    RenderedPage(String html) {
        this.html = html;
    }

    /** The text of the element with {@code id}; fails when there is none. */
    String text(String id) {
        Matcher m =
                Pattern.compile(
                                "<(\\w+)\\b[^>]*\\bid=\""
                                        + Pattern.quote(id)
                                        + "\"[^>]*>(.*?)</\\1>",
                                Pattern.DOTALL)
                        .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no element with id '" + id + "' in the page");
        }
        return textOf(m.group(2));
    }

    /** A number shown in the element with {@code id}, thousands separators removed. */
    long number(String id) {
        String shown = text(id);
        try {
            return Long.parseLong(shown.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new AssertionError("element '" + id + "' shows '" + shown + "', not a number", e);
        }
    }

    /** Whether the element with {@code id} carries the {@code hidden} attribute. */
    boolean hidden(String id) {
        Matcher m =
                Pattern.compile("<\\w+\\b([^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*)>")
                        .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no element with id '" + id + "' in the page");
        }
        return Pattern.compile("\\shidden(=\"[^\"]*\")?(\\s|$)").matcher(m.group(1)).find();
    }

    /** The value of {@code attribute} on {@code <body>}, or null. */
    String bodyAttribute(String attribute) {
        Matcher m =
                Pattern.compile("<body\\b[^>]*\\b" + Pattern.quote(attribute) + "=\"([^\"]*)\"")
                        .matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** The cells' texts of each row in the body of the table with {@code id}. */
    List<List<String>> rows(String tableId) {
        Matcher table =
                Pattern.compile(
                                "<table\\b[^>]*\\bid=\""
                                        + Pattern.quote(tableId)
                                        + "\".*?<tbody>(.*?)</tbody>",
                                Pattern.DOTALL)
                        .matcher(html);
        if (!table.find()) {
            throw new AssertionError("no table with id '" + tableId + "' in the page");
        }
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(table.group(1));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.add(textOf(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Override
    public String toString() {
        return html;
    }

    private static String textOf(String markup) {
        return unescape(TAG.matcher(markup).replaceAll("")).strip();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
    }
}
