package io.kaquan.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * CSV files for Excel: UTF-8 with a byte order mark (or Excel shows Chinese as mojibake), RFC 4180 quoting, CRLF line
 * ends, and cells that a spreadsheet would run as a formula (= + - @, tab, carriage return first) made text with a
 * leading apostrophe, since names and ids come from merchants and users.
 */
public final class Csv {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final StringBuilder text = new StringBuilder();

    public Csv line(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /** One cell as written: neutralised, then quoted when it holds a comma, quote or line break. */
    static String field(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    public String text() {
        return text.toString();
    }

    /** The file's bytes: the byte order mark, then the lines in UTF-8. */
    public byte[] bytes() {
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(body, 0, file, BOM.length, body.length);
        return file;
    }

    /** An attachment named {@code fileName} (ASCII). */
    public RestResponse<byte[]> download(String fileName) {
        return RestResponse.ResponseBuilder.ok(bytes()).header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
