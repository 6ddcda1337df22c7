package org.attain.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.calendar.Periods;
import org.attain.org.People;
import org.attain.org.Visibility;
import org.attain.pay.Earnings;
import org.attain.platform.BusinessWords;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A payee's statement for one period as a PDF: totals, every line with its amount and the steps of
 * its trace. Visible to exactly those who may open the statement page; anyone else gets a 404.
 * Set in DejaVu Sans, embedded (fonts/ in the jar, with its licence), so that every character a
 * statement has ("∞", "≥", "€", umlauts) prints; the trace is in the reader's language.
 */
@Service
public class StatementPdf {

    private final Earnings earnings;
    private final Visibility visibility;
    private final Periods periods;
    private final People people;
    private final MessageSource messages;
    private final Clock clock;
    private final BusinessWords words;

    StatementPdf(
            Earnings earnings,
            Visibility visibility,
            Periods periods,
            People people,
            MessageSource messages,
            Clock clock,
            BusinessWords words) {
        this.words = words;
        this.earnings = earnings;
        this.visibility = visibility;
        this.periods = periods;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    public record Pdf(String name, byte[] bytes) {}

    public Pdf render(AttainUser user, long personId, String period, Locale locale) {
        if (!visibility.canSee(user, personId)) {
            throw new NotFoundException("person", personId);
        }
        var person = people.find(personId, LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("person", personId));
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        Earnings.Statement s = earnings.statement(personId, period);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font h1 = new Font(Fonts.BOLD, 16);
        Font bold = new Font(Fonts.BOLD, 10);
        Font body = new Font(Fonts.REGULAR, 10);
        Font small = new Font(Fonts.REGULAR, 8);
        doc.add(new Paragraph(msg("statementPdf.heading", locale, person.name(), period), h1));
        doc.add(new Paragraph(
                msg("statementPdf.facts", locale, person.externalId(), person.team() == null ? "–" : person.team()),
                small));
        doc.add(new Paragraph(" "));
        if (!s.calculated()) {
            doc.add(new Paragraph(msg("statementPdf.notCalculated", locale), body));
            doc.close();
            return new Pdf(fileName(person.externalId(), period), out.toByteArray());
        }
        PdfPTable totals = new PdfPTable(2);
        totals.setWidthPercentage(60);
        totals.setHorizontalAlignment(Element.ALIGN_LEFT);
        row(totals, msg("report.col.earnings", locale), money(s.earnings(), locale) + " " + s.currency(), bold, body);
        row(totals, msg("report.col.payout", locale), money(s.payout(), locale) + " " + s.currency(), bold, body);
        if (s.quota() != null) {
            row(totals, msg("report.col.quota", locale), money(s.quota(), locale) + " " + s.currency(), bold, body);
            row(
                    totals,
                    msg("report.col.attainment", locale),
                    TableExport.shown(Table.percent("attainment"), s.attainment(), locale),
                    bold,
                    body);
        }
        doc.add(totals);
        doc.add(new Paragraph(" "));
        doc.add(new Paragraph(msg("statementPdf.lines", locale), bold));
        PdfPTable lines = new PdfPTable(new float[] {2f, 2f, 1.2f, 5f});
        lines.setWidthPercentage(100);
        lines.setHeaderRows(1);
        for (String key :
                new String[] {"report.col.component", "statementPdf.plan", "report.col.amount", "statementPdf.how"}) {
            lines.addCell(new PdfPCell(new Phrase(msg(key, locale), bold)));
        }
        for (Earnings.Line line : s.lines()) {
            lines.addCell(new PdfPCell(new Phrase(words.component(line.component(), locale), body)));
            lines.addCell(new PdfPCell(new Phrase(line.plan() == null ? "" : words.plan(line.plan()), body)));
            PdfPCell amount = new PdfPCell(new Phrase(money(line.amount(), locale), body));
            amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
            lines.addCell(amount);
            StringBuilder how = new StringBuilder();
            if (line.trace() != null && line.trace().has("steps")) {
                line.trace()
                        .get("steps")
                        .forEach(step -> how.append(words.step(step.get("step").asString(), locale))
                                .append(": ")
                                .append(words.detail(step, locale))
                                .append('\n'));
            }
            lines.addCell(new PdfPCell(new Phrase(how.toString().strip(), small)));
        }
        doc.add(lines);
        doc.add(new Paragraph(" "));
        doc.add(new Paragraph(
                msg(
                        "statementPdf.footer",
                        locale,
                        s.runId() == null ? "–" : String.valueOf(s.runId()),
                        s.calculatedAt() == null ? "–" : s.calculatedAt().toString()),
                small));
        doc.close();
        return new Pdf(fileName(person.externalId(), period), out.toByteArray());
    }

    /** DejaVu Sans, read once from the jar and embedded in every statement (subset to the characters used). */
    static final class Fonts {
        static final BaseFont REGULAR = load("fonts/DejaVuSans.ttf");
        static final BaseFont BOLD = load("fonts/DejaVuSans-Bold.ttf");

        private Fonts() {}

        private static BaseFont load(String path) {
            try (InputStream in = StatementPdf.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the jar: " + path);
                }
                return BaseFont.createFont(
                        path.substring(path.lastIndexOf('/') + 1),
                        BaseFont.IDENTITY_H,
                        BaseFont.EMBEDDED,
                        true,
                        in.readAllBytes(),
                        null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void row(PdfPTable t, String label, String value, Font labelFont, Font valueFont) {
        t.addCell(new PdfPCell(new Phrase(label, labelFont)));
        PdfPCell v = new PdfPCell(new Phrase(value, valueFont));
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(v);
    }

    private static String money(java.math.BigDecimal v, Locale locale) {
        return TableExport.shown(Table.money("amount"), v, locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String fileName(String externalId, String period) {
        return "statement-" + externalId.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + period + ".pdf";
    }
}
